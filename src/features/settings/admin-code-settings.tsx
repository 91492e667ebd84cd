// The endpoint's admin code (the province office's Tải từ máy chủ), checked against the
// server like the unit's access code: a wrong code or a unit's code is not saved; a code
// that cannot be checked (offline) is saved and said to be unchecked.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { viProvince } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import { getOfficeSettings, saveOfficeSettings } from '@/storage/province-repository';
import { getSyncSettings } from '@/storage/settings-repository';
import type { AdminCodeCheck } from '@/sync/admin-download';

const t = viProvince.adminCode;

async function check(code: string): Promise<AdminCodeCheck> {
  const { checkAdminCode, officeEndpoint } = await import('@/sync/admin-download');
  const sync = await getSyncSettings(getDatabase());
  return checkAdminCode(officeEndpoint(sync.endpoint, window.location.origin), code);
}

export function AdminCodeSettings() {
  const id = useId();
  const [code, setCode] = useState('');
  const [line, setLine] = useState<{ text: string; isProblem: boolean } | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    let isActive = true;
    void getOfficeSettings(getDatabase()).then(async (settings) => {
      if (!isActive || !settings.adminCode) return;
      setCode(settings.adminCode);
      const result = await check(settings.adminCode);
      if (!isActive) return;
      setLine(
        result === 'ok'
          ? { text: t.ok, isProblem: false }
          : result === 'unreachable'
            ? { text: t.unchecked, isProblem: false }
            : { text: t.storedWrong, isProblem: true },
      );
    });
    return () => {
      isActive = false;
    };
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const adminCode = code.trim();
    setBusy(true);
    try {
      const db = getDatabase();
      if (adminCode !== '') {
        setLine({ text: t.checking, isProblem: false });
        const result = await check(adminCode);
        if (result === 'wrong' || result === 'unitCode') {
          setLine({ text: t[result], isProblem: true });
          return;
        }
        await saveOfficeSettings(db, { ...(await getOfficeSettings(db)), adminCode });
        setLine({ text: result === 'ok' ? t.saved : t.savedUnchecked, isProblem: false });
      } else {
        await saveOfficeSettings(db, { ...(await getOfficeSettings(db)), adminCode: '' });
        setLine({ text: t.cleared, isProblem: false });
      }
    } catch {
      setLine({ text: t.saveFailed, isProblem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t.label}
        </label>
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={code}
          aria-describedby={`${id}-help`}
          onChange={(event) => setCode(event.target.value)}
        />
        <p id={`${id}-help`} className="field-help">
          {t.help}
        </p>
      </div>
      <button type="submit" className="secondary" disabled={isBusy}>
        {t.save}
      </button>
      <div role="status" aria-live="polite">
        {line ? <p className={line.isProblem ? 'field-error' : undefined}>{line.text}</p> : null}
      </div>
    </form>
  );
}
