// "Nộp báo cáo" under the review, with the history of this report's submissions:
// waiting, sent with its receipt, or what went wrong and what to do about it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { formatDateTime, formatTime, vi } from '@/i18n/vi-report';
import { newId } from '@/lib/ids';
import { getDatabase } from '@/storage/db';
import { enqueueSubmission, listOutbox, renumberAfterConflict } from '@/storage/outbox-repository';
import { kickSync, sendNow, syncAvailability, type SyncAvailability } from '@/sync/browser-sync';
import { StatusLines } from '@/ui/status-lines';

function receiptCode(entry: OutboxEntry): string {
  return `${entry.revision}-${(entry.receipt?.sha256 ?? entry.sha256).slice(0, 8)}`;
}

function EntryLine({ entry }: { entry: OutboxEntry }) {
  const db = getDatabase();
  return (
    <li className={`outbox-entry state-${entry.state}`}>
      <strong>{vi.submit.revision(entry.revision)}</strong> · {vi.submit.states[entry.state]}
      {entry.state === 'sent' && entry.receipt ? (
        <p>{vi.submit.sentAt(formatDateTime(entry.receipt.receivedAt), receiptCode(entry))}</p>
      ) : null}
      {entry.state === 'retrying' ? (
        <p>{vi.submit.retryAt(formatTime(new Date(entry.nextAttemptAt)))}</p>
      ) : null}
      {entry.state === 'authRequired' ? <p>{vi.submit.authHelp}</p> : null}
      {entry.state === 'quarantined' && entry.lastError ? (
        <p className="field-error">{entry.lastError.message}</p>
      ) : null}
      {entry.state === 'conflict' ? (
        <>
          <p>{vi.submit.conflict(entry.serverHead ?? 0)}</p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void renumberAfterConflict(db, entry.id, new Date()).then(() => kickSync())
            }
          >
            {vi.submit.sendAsNew}
          </button>
        </>
      ) : null}
    </li>
  );
}

export function SubmitPanel({
  reportId,
  beforeSubmit,
}: {
  reportId: string;
  beforeSubmit?: () => Promise<void>;
}) {
  const entries = useLiveQuery(() => listOutbox(getDatabase(), reportId), [reportId]) ?? [];
  const [availability, setAvailability] = useState<SyncAvailability | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    let isActive = true;
    void syncAvailability().then((value) => {
      if (isActive) setAvailability(value);
    });
    return () => {
      isActive = false;
    };
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setMessage(vi.submit.submitting);
    try {
      await beforeSubmit?.();
      await enqueueSubmission(getDatabase(), reportId, { id: newId(), now: new Date() });
      setMessage(vi.submit.queued);
      kickSync();
    } catch {
      setMessage(null);
      setError(vi.submit.failed);
    } finally {
      setBusy(false);
    }
  };

  const hasWaiting = entries.some(
    (e) => e.state === 'queued' || e.state === 'retrying' || e.state === 'authRequired',
  );
  return (
    <section className="panel submit-panel" aria-labelledby="submit-heading">
      <h3 id="submit-heading">{vi.submit.heading}</h3>
      {availability && !availability.endpoint ? (
        <p className="notice warning">{vi.submit.notConfigured}</p>
      ) : null}
      {availability && availability.endpoint && !availability.hasAccessCode ? (
        <p className="notice warning">{vi.submit.noAccessCode}</p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void submit()} disabled={isBusy}>
          {vi.submit.submit}
        </button>
        {hasWaiting ? (
          <button type="button" className="secondary" onClick={() => void sendNow()}>
            {vi.submit.sendNow}
          </button>
        ) : null}
      </div>
      <StatusLines status={message} error={error} />
      {entries.length > 0 ? (
        <>
          <h4>{vi.submit.history}</h4>
          <ul className="outbox-list">
            {[...entries].reverse().map((entry) => (
              <EntryLine key={entry.id} entry={entry} />
            ))}
          </ul>
          <p className="field-help">{vi.submit.editAfterSubmit}</p>
        </>
      ) : null}
    </section>
  );
}
