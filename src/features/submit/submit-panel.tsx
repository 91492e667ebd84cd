// "Nộp báo cáo" on the review page (with the actions, above the preview), with the history
// of this report's submissions: waiting, sent with its receipt, or what went wrong and
// what to do about it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { submissionCheck } from '@/domain/report/progress';
import type { Template } from '@/domain/template/template-schema';
import { formatDateTime, formatTime, vi } from '@/i18n/vi-report';
import { viLimits } from '@/i18n/vi-limits';
import { viSubmitCheck } from '@/i18n/vi-safety';
import { newId } from '@/lib/ids';
import { storageTrouble } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import {
  enqueueSubmission,
  listOutbox,
  renumberAfterConflict,
  UnchangedSubmissionError,
} from '@/storage/outbox-repository';
import { getAnswers } from '@/storage/report-repository';
import { kickSync, sendNow, syncAvailability, type SyncAvailability } from '@/sync/browser-sync';

function receiptCode(entry: OutboxEntry): string {
  return `${entry.revision}-${(entry.receipt?.sha256 ?? entry.sha256).slice(0, 8)}`;
}

function EntryLine({ entry }: { entry: OutboxEntry }) {
  const db = getDatabase();
  return (
    <li className={`outbox-entry state-${entry.state}`}>
      <strong>{vi.submit.revision(entry.revision)}</strong> · {vi.submit.states[entry.state]}
      {entry.body.incomplete ? <> · {viSubmitCheck.incompleteMark}</> : null}
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

// Before anything is queued: data errors block the submission (with a way to them),
// missing required items ask first and mark the submission incomplete, and content the
// same as the last submission makes no new revision (a double tap makes one).
export function SubmitPanel({
  reportId,
  template,
  beforeSubmit,
  settingsHref,
  errorsId,
}: {
  reportId: string;
  template: Template;
  beforeSubmit?: () => Promise<void>;
  settingsHref: string;
  // The element listing the report's errors, focused by "Xem các lỗi".
  errorsId: string;
}) {
  const entries = useLiveQuery(() => listOutbox(getDatabase(), reportId), [reportId]) ?? [];
  const [availability, setAvailability] = useState<SyncAvailability | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const busy = useRef(false);
  const [blockedBy, setBlockedBy] = useState<number | null>(null);
  const [missing, setMissing] = useState<number | null>(null);
  const [queuedId, setQueuedId] = useState<string | null>(null);

  useEffect(() => {
    let isActive = true;
    void syncAvailability().then((value) => {
      if (isActive) setAvailability(value);
    });
    return () => {
      isActive = false;
    };
  }, []);

  const submit = async (acceptIncomplete: boolean) => {
    if (busy.current) return; // a second tap while the first is being packed
    busy.current = true;
    setBusy(true);
    setError(null);
    setBlockedBy(null);
    setMissing(null);
    setQueuedId(null);
    setMessage(vi.submit.submitting);
    try {
      await beforeSubmit?.();
      const db = getDatabase();
      const check = submissionCheck(template, (await getAnswers(db, reportId)).answers);
      if (check.errors.length > 0 || (check.missing.length > 0 && !acceptIncomplete)) {
        setMessage(null);
        if (check.errors.length > 0) setBlockedBy(check.errors.length);
        else setMissing(check.missing.length);
        return;
      }
      const id = newId();
      await enqueueSubmission(db, reportId, {
        id,
        now: new Date(),
        unlessUnchanged: true,
        incomplete: check.missing.length > 0,
      });
      setMessage(null);
      setQueuedId(id);
      kickSync();
    } catch (caught) {
      if (caught instanceof UnchangedSubmissionError) {
        setMessage(viSubmitCheck.unchanged(caught.revision));
      } else {
        const trouble = storageTrouble(caught);
        setMessage(null);
        setError(trouble ? viLimits.storage(trouble, 'submit') : vi.submit.failed);
      }
    } finally {
      busy.current = false;
      setBusy(false);
    }
  };

  const showErrors = () => {
    const target = document.getElementById(errorsId);
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  };
  // The line about the submission just made: queued, then its receipt once sent.
  const queued = entries.find((entry) => entry.id === queuedId);
  const hasNoCode = availability !== null && !availability.hasAccessCode;

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
        <p className="notice warning">
          {vi.submit.noAccessCode} <a href={settingsHref}>{viSubmitCheck.toSettings}</a>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => void submit(false)} disabled={isBusy}>
          {vi.submit.submit}
        </button>
        {hasWaiting ? (
          <button type="button" className="secondary" onClick={() => void sendNow()}>
            {vi.submit.sendNow}
          </button>
        ) : null}
      </div>
      {blockedBy !== null ? (
        <div role="alert" className="notice error">
          <p>{viSubmitCheck.blocked(blockedBy)}</p>
          <button type="button" className="secondary" onClick={showErrors}>
            {viSubmitCheck.showErrors}
          </button>
        </div>
      ) : null}
      {missing !== null ? (
        <div role="alert" className="notice warning submit-confirm">
          <p>{viSubmitCheck.askIncomplete(missing)}</p>
          <div className="button-row">
            <button type="button" onClick={() => void submit(true)} disabled={isBusy}>
              {viSubmitCheck.submitAnyway}
            </button>
            <button type="button" className="secondary" onClick={() => setMissing(null)}>
              {viSubmitCheck.notNow}
            </button>
          </div>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? <p>{message}</p> : null}
        {queued?.state === 'sent' && queued.receipt ? (
          <p>{vi.submit.sentAt(formatDateTime(queued.receipt.receivedAt), receiptCode(queued))}</p>
        ) : queued ? (
          <p>
            {vi.submit.queued}
            {hasNoCode ? (
              <>
                {' '}
                {viSubmitCheck.noAccessCode} <a href={settingsHref}>{viSubmitCheck.toSettings}</a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
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
