// The endpoint and the unit's access code, with a live check that the server answers.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { vi } from '@/i18n/vi-report';
import { viSubmitCheck } from '@/i18n/vi-safety';
import { getDatabase } from '@/storage/db';
import { getSyncSettings, saveSyncSettings } from '@/storage/settings-repository';

type Check =
  { state: 'checking' } | { state: 'reachable'; endpoint: string } | { state: 'unreachable' };

type CodeState = { kind: 'ok'; unit: string } | { kind: 'wrong' } | { kind: 'unreachable' } | null;

async function checkCode(): Promise<CodeState> {
  const { checkStoredAccessCode } = await import('@/sync/browser-sync');
  return checkStoredAccessCode();
}

async function check(): Promise<Check> {
  const { syncAvailability } = await import('@/sync/browser-sync');
  const availability = await syncAvailability();
  return availability.isReachable && availability.endpoint
    ? { state: 'reachable', endpoint: availability.endpoint }
    : { state: 'unreachable' };
}

export function SyncSettings() {
  const [endpoint, setEndpoint] = useState('');
  const [accessCode, setAccessCode] = useState('');
  const [status, setStatus] = useState<Check>({ state: 'checking' });
  const [code, setCode] = useState<CodeState>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const endpointId = useId();
  const codeId = useId();

  useEffect(() => {
    let isActive = true;
    void getSyncSettings(getDatabase()).then((settings) => {
      if (!isActive) return;
      setEndpoint(settings.endpoint ?? '');
      setAccessCode(settings.accessCode);
    });
    void check().then((result) => {
      if (isActive) setStatus(result);
    });
    void checkCode().then((result) => {
      if (isActive) setCode(result);
    });
    return () => {
      isActive = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const cleanEndpoint = endpoint.trim();
    if (cleanEndpoint && !/^https?:\/\/\S+$/i.test(cleanEndpoint)) {
      setError(vi.syncSettings.invalidEndpoint);
      return;
    }
    setError(null);
    await saveSyncSettings(getDatabase(), {
      endpoint: cleanEndpoint || null,
      accessCode: accessCode.trim(),
    });
    setMessage(vi.syncSettings.saved);
    setStatus({ state: 'checking' });
    setStatus(await check());
    setCode(await checkCode());
    const { sendNow } = await import('@/sync/browser-sync');
    await sendNow();
  };

  return (
    <section className="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{vi.syncSettings.heading}</h2>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={endpointId}>
            {vi.syncSettings.endpoint}
          </label>
          <input
            id={endpointId}
            type="text"
            inputMode="url"
            autoComplete="url"
            value={endpoint}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${endpointId}-error` : undefined}
            onChange={(event) => setEndpoint(event.target.value)}
          />
          {error ? (
            <p className="field-error" id={`${endpointId}-error`}>
              {error}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={codeId}>
            {vi.syncSettings.accessCode}
          </label>
          <input
            id={codeId}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={accessCode}
            onChange={(event) => setAccessCode(event.target.value)}
          />
        </div>
        <button type="submit">{vi.syncSettings.save}</button>
      </form>
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
        {status.state === 'reachable' ? <p>{vi.syncSettings.reachable}</p> : null}
        {status.state === 'unreachable' ? <p>{vi.syncSettings.unreachable}</p> : null}
        {code?.kind === 'ok' ? <p className="code-ok">{viSubmitCheck.codeOf(code.unit)}</p> : null}
        {code?.kind === 'wrong' ? <p className="field-error">{viSubmitCheck.codeWrong}</p> : null}
        {code?.kind === 'unreachable' ? <p>{viSubmitCheck.codeUnchecked}</p> : null}
      </div>
    </section>
  );
}
