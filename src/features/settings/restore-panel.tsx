// "Khôi phục" from a report file or a backup: validate the whole file first, show what
// would happen, let the user choose per report, then apply it all in one transaction.
import { useId, useState, type ChangeEvent } from 'react';
import { viPhone } from '@/i18n/vi-phone';
import {
  MAX_IMPORT_BYTES,
  summarizePlan,
  type ImportChoice,
  type PlanItem,
} from '@/domain/report/import-plan';
import { UNSENT_STATES } from '@/domain/outbox/outbox-entry';
import { viLimits } from '@/i18n/vi-limits';
import { formatDateTime, importProblemMessage, vi } from '@/i18n/vi-report';
import { newId } from '@/lib/ids';
import { storageTrouble } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { ImportPhotoError } from '@/storage/import-repository';
import { applyRestore, readRestoreFile, type RestoreRead } from '@/storage/restore-file';
import { kickSync } from '@/sync/browser-sync';
import { StatusLines } from '@/ui/status-lines';

type ReadyRestore = Extract<RestoreRead, { ok: true }>;

const CHOICES: Record<PlanItem['comparison'], ImportChoice[]> = {
  new: ['import', 'skip'],
  fileNewer: ['replace', 'keepBoth', 'skip'],
  fileOlder: ['skip', 'replace', 'keepBoth'],
  same: ['skip', 'replace', 'keepBoth'],
};

export function RestorePanel() {
  const inputId = useId();
  // The file read and planned, with the user's choices: its reports, the province
  // office's data of a version 3 backup and the submission history of a version 4 one.
  const [ready, setReady] = useState<ReadyRestore | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setReady(null);
    setError(null);
    if (!file) return;
    setStatus(vi.restore.reading);
    try {
      const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
      const read = await readRestoreFile(getDatabase(), text, file.size, () =>
        setStatus(vi.photoSync.checkingPhotos),
      );
      if (!read.ok) {
        setStatus(null);
        setError(importProblemMessage(read.problem));
        return;
      }
      setReady(read);
      setStatus(vi.restore.summary(summarizePlan(read.plan)));
    } catch (caught) {
      // A full disk may have closed the database: even reading it fails until there is room.
      const trouble = storageTrouble(caught);
      setStatus(null);
      setError(trouble ? viLimits.storage(trouble, 'restore') : vi.restore.failed);
    }
  };

  const apply = async () => {
    if (!ready) return;
    const { plan, office, submissions } = ready;
    setBusy(true);
    try {
      const result = await applyRestore(getDatabase(), plan, office, {
        newId,
        copyName: vi.restore.copyName,
        submissions,
      });
      // A submission that was still waiting when the backup was made goes out from here.
      if (submissions.some((entry) => UNSENT_STATES.has(entry.state))) kickSync();
      setReady(null);
      setStatus(vi.restore.done(result));
    } catch (caught) {
      const trouble = storageTrouble(caught);
      setError(
        caught instanceof ImportPhotoError
          ? importProblemMessage({ code: caught.code, reportName: caught.reportName })
          : trouble
            ? viLimits.storage(trouble, 'restore')
            : vi.restore.failed,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{vi.restore.heading}</h2>
      <p>{vi.restore.note}</p>
      <label className="field-label" htmlFor={inputId}>
        {vi.restore.fileLabel}
      </label>
      {/* The browser's own picker says "Choose File" in English: a Vietnamese button is
          shown and the (transparent) input lies over it, so a tap is still on the input. */}
      <span className="file-picker">
        <span className="button secondary" aria-hidden="true">
          {viPhone.chooseFile}
        </span>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void onFile(event)}
        />
      </span>
      <StatusLines status={status} error={error} />
      {ready ? (
        <div className="restore-plan">
          <ul className="cards">
            {ready.plan.map((item, index) => (
              <li key={item.file.report.id} className="card">
                <fieldset>
                  <legend className="field-label">
                    {vi.restore.choiceLabel(item.file.report.name)}
                  </legend>
                  <p className="card-meta">
                    {vi.restore.fileUpdated(formatDateTime(item.file.report.updatedAt))}
                    {item.existing
                      ? `, ${vi.restore.deviceUpdated(formatDateTime(item.existing.updatedAt))}`
                      : ''}
                  </p>
                  {CHOICES[item.comparison].map((choice) => (
                    <label key={choice} className="choice">
                      <input
                        type="radio"
                        name={`${inputId}-${index}`}
                        checked={item.choice === choice}
                        onChange={() =>
                          setReady({
                            ...ready,
                            plan: ready.plan.map((p, i) => (i === index ? { ...p, choice } : p)),
                          })
                        }
                      />
                      <span>{vi.restore.choices[choice]}</span>
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" onClick={() => void apply()} disabled={isBusy}>
              {vi.restore.apply}
            </button>
            <button type="button" className="secondary" onClick={() => setReady(null)}>
              {vi.restore.cancel}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
