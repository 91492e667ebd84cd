// Tiếp nhận: drop or pick any number of files (PDFs from the mail, report files,
// backups), or read every submission from the endpoint with the admin code. Each file
// gets one line; the good ones are filed in one write, the bad ones change nothing.
import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { planIntake, type IncomingVersion, type IntakeOutcome } from '@/domain/rollup/intake';
import { ictDate } from '@/domain/rollup/tracker';
import { viProvince } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import { listReceivedVersions, saveReceivedVersions } from '@/storage/province-repository';
import { getSyncSettings } from '@/storage/settings-repository';
import { StatusLines } from '@/ui/status-lines';
import { downloadSubmissions, officeEndpoint } from '@/sync/admin-download';
import {
  MAX_FILES_PER_DROP,
  readReceivedFile,
  readSubmission,
  type FileReading,
} from './read-received';

const t = viProvince.intake;

type Line = { name: string; text: string; kind: 'new' | 'duplicate' | 'problem' };

function outcomeText(outcome: IntakeOutcome): string {
  switch (outcome.kind) {
    case 'new':
      return outcome.isCorrection
        ? t.correction(outcome.version.unitName, outcome.version.fingerprint)
        : t.newVersion(outcome.version.unitName, outcome.version.fingerprint);
    case 'duplicate':
      return t.duplicate(outcome.unitName);
    case 'conflict':
      return t.conflict(outcome.unitName, outcome.revision);
  }
}

// Files them all: outcomes in the order of the readings, one line per version.
async function file(readings: readonly FileReading[]): Promise<Line[]> {
  const db = getDatabase();
  const incoming: { name: string; version: IncomingVersion }[] = readings.flatMap((reading) =>
    reading.ok ? reading.versions.map((version) => ({ name: reading.name, version })) : [],
  );
  const plan = planIntake(
    (await listReceivedVersions(db)).items,
    incoming.map((item) => item.version),
  );
  await saveReceivedVersions(db, plan.writes);
  const lines: Line[] = [];
  let next = 0;
  for (const reading of readings) {
    if (!reading.ok) {
      lines.push({ name: reading.name, text: reading.message, kind: 'problem' });
      continue;
    }
    for (let i = 0; i < reading.versions.length; i += 1) {
      const outcome = plan.outcomes[next]!;
      next += 1;
      lines.push({
        name: reading.name,
        text: outcomeText(outcome),
        kind: outcome.kind === 'conflict' ? 'problem' : outcome.kind,
      });
    }
  }
  return lines;
}

export function IntakePanel({
  adminCode,
  settingsHref,
}: {
  // The admin code set in Cài đặt ('' when none).
  adminCode: string;
  settingsHref: string;
}) {
  const id = useId();
  const [receivedOn, setReceivedOn] = useState(() => ictDate(new Date()));
  const [status, setStatus] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isDragging, setDragging] = useState(false);

  const run = async (work: () => Promise<Line[] | string>) => {
    setBusy(true);
    setError(null);
    setLines(null);
    try {
      const result = await work();
      if (typeof result === 'string') setError(result);
      else {
        setLines(result);
        const count = (kind: Line['kind']) => result.filter((l) => l.kind === kind).length;
        setStatus(t.summary(count('new'), count('duplicate'), count('problem')));
      }
    } catch {
      setError(t.saveFailed);
      setStatus(null);
    } finally {
      setBusy(false);
    }
  };

  const takeFiles = (files: File[]) =>
    run(async () => {
      if (files.length === 0) return [];
      if (files.length > MAX_FILES_PER_DROP) return t.tooMany(MAX_FILES_PER_DROP);
      const now = new Date();
      const readings: FileReading[] = [];
      for (const [index, one] of files.entries()) {
        setStatus(t.reading(index + 1, files.length));
        readings.push(await readReceivedFile(one, receivedOn, now));
      }
      return file(readings);
    });

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    void takeFiles(files);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void takeFiles([...event.dataTransfer.files]);
  };

  const fromServer = () =>
    run(async () => {
      if (!navigator.onLine) return t.serverFailed;
      const db = getDatabase();
      const sync = await getSyncSettings(db);
      const endpoint = officeEndpoint(sync.endpoint, window.location.origin);
      // Revisions already filed from the endpoint are not downloaded again.
      const fromEndpoint = new Map(
        (await listReceivedVersions(db)).items
          .filter((v) => v.sources.some((s) => s.kind === 'server'))
          .map((v) => [`${v.file.report.id}#${v.file.report.revision}`, v]),
      );
      setStatus(t.serverListing);
      const downloaded = await downloadSubmissions(endpoint, adminCode, {
        isKnown: (reportId, revision) => fromEndpoint.has(`${reportId}#${revision}`),
        onProgress: (done, total) => setStatus(t.serverReading(done, total)),
      });
      if (!downloaded.ok) return downloaded.reason === 'denied' ? t.serverDenied : t.serverFailed;
      const now = new Date();
      const readings = await Promise.all(
        downloaded.submissions.map((s) => {
          const receivedAt = new Date(s.receivedAt);
          return readSubmission(
            s.body,
            t.serverLabel(s.revision),
            ictDate(Number.isNaN(receivedAt.getTime()) ? now : receivedAt),
            now,
          );
        }),
      );
      const skipped: Line[] = downloaded.skipped.map((row) => ({
        name: t.serverLabel(row.revision),
        text: t.duplicate(fromEndpoint.get(`${row.reportId}#${row.revision}`)?.unitName ?? ''),
        kind: 'duplicate',
      }));
      return [...(await file(readings)), ...skipped];
    });

  return (
    <section className="panel province-intake" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <p>{t.note}</p>
      <label className="field-label" htmlFor={`${id}-date`}>
        {t.receivedOn}
      </label>
      <input
        id={`${id}-date`}
        type="date"
        value={receivedOn}
        aria-describedby={`${id}-date-help`}
        onChange={(event) => event.target.value && setReceivedOn(event.target.value)}
      />
      <p id={`${id}-date-help`} className="field-help">
        {t.receivedOnHelp}
      </p>
      <div
        className={`drop-zone${isDragging ? ' is-dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t.drop}</p>
        <label className="field-label" htmlFor={`${id}-files`}>
          {t.pick}
        </label>
        {/* A Vietnamese button over the browser's own (English) picker, as in Khôi phục. */}
        <span className="file-picker">
          <span className="button secondary" aria-hidden="true">
            {t.pickButton}
          </span>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".pdf,.json,application/pdf,application/json"
            disabled={isBusy}
            onChange={onPick}
          />
        </span>
      </div>
      <h3>{t.fromServer}</h3>
      {adminCode ? (
        <>
          <p>{t.fromServerNote}</p>
          <div className="button-row">
            <button type="button" disabled={isBusy} onClick={() => void fromServer()}>
              {t.fromServer}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t.noAdminCode}</p>
          <p>
            <a className="button secondary" href={settingsHref}>
              {t.toSettings}
            </a>
          </p>
        </>
      )}
      <StatusLines status={status} error={error} />
      {lines && lines.length > 0 ? (
        <>
          <h3>{t.resultsHeading}</h3>
          <ul className="intake-lines">
            {lines.map((line, index) => (
              <li key={index} className={line.kind === 'problem' ? 'is-problem' : undefined}>
                <strong>{line.name}</strong>: {line.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
