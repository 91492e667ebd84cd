// The list of the unit's reports: create, open, rename, duplicate, export, delete to the
// trash (with undo), restore from the trash, and a way out for damaged records.
import { useLiveQuery } from 'dexie-react-hooks';
import {
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
} from 'react';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { submissionStatus, UNSENT_STATES } from '@/domain/outbox/outbox-entry';
import { needsBackupReminder } from '@/domain/report/backup';
import { requiredProgress } from '@/domain/report/progress';
import { REPORT_NAME_MAX, reportFileName } from '@/domain/report/report-schema';
import { normalizeText } from '@/domain/report/text';
import { vi, formatDateTime } from '@/i18n/vi';
import { viLimits } from '@/i18n/vi-limits';
import { viSafety } from '@/i18n/vi-safety';
import { downloadJson } from '@/lib/download';
import { newId } from '@/lib/ids';
import { storageTrouble } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { listOutbox } from '@/storage/outbox-repository';
import {
  createReport,
  deleteReportForever,
  duplicateReport,
  exportReportFile,
  listReports,
  markExported,
  rawReportData,
  renameReport,
  trashReport,
  untrashReport,
} from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { saveTroubles, subscribeSaveTroubles } from '@/storage/save-health';
import { loadTemplates, type TemplateRegistry } from '@/templates/load-templates';

// The templates arrive a moment after the list (they are not part of the first render):
// until then the unit picker waits and progress is not shown.
function useTemplates(): TemplateRegistry | null {
  const [registry, setRegistry] = useState<TemplateRegistry | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadTemplates().then(
      (loaded) => isCurrent && setRegistry(loaded),
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return registry;
}

type Notice = { message: string; undo?: () => void; isError?: boolean };

async function loadList() {
  const db = getDatabase();
  const list = await listReports(db);
  const rows = await db.answers.toArray();
  const answersByReport = new Map<string, Answers>();
  for (const row of rows) {
    const answers = answersByReport.get(row.reportId) ?? {};
    answers[row.fieldId] = row.value as Answers[string];
    answersByReport.set(row.reportId, answers);
  }
  const outbox = await listOutbox(db);
  return { ...list, answersByReport, outbox };
}

function requestPersistence() {
  // Asks the browser to keep our storage under pressure; the answer shows in Settings.
  if (navigator.storage && typeof navigator.storage.persist === 'function') {
    void navigator.storage.persist().catch(() => false);
  }
}

function CreateForm({
  templates,
  onCreated,
  onCancel,
}: {
  // null until the templates have loaded: the unit picker waits, and a submit loads them.
  templates: TemplateRegistry | null;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const [unitId, setUnitId] = useState('');
  const [otherName, setOtherName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const selectId = useId();
  const otherId = useId();
  const isOther = unitId === 'other';
  const units = templates?.defaultTemplate.units ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let defaultTemplate;
    try {
      ({ defaultTemplate } = templates ?? (await loadTemplates()));
    } catch {
      setError(vi.errors.actionFailed);
      return;
    }
    const known = defaultTemplate.units.find((unit) => unit.id === unitId);
    const name = known ? known.name : normalizeText(otherName.trim());
    if (!name || name.length > REPORT_NAME_MAX) {
      setError(vi.create.unitRequired);
      return;
    }
    setBusy(true);
    try {
      const unit = { id: known ? known.id : null, name };
      const report = await createReport(getDatabase(), {
        id: newId(),
        name: vi.create.defaultName(name),
        unit,
        templateId: defaultTemplate.id,
        templateVersion: defaultTemplate.version,
        answers: initialAnswers(defaultTemplate, unit),
        now: new Date().toISOString(),
      });
      requestPersistence();
      onCreated(report.id);
    } catch (caught) {
      const trouble = storageTrouble(caught);
      setError(trouble ? viLimits.storage(trouble, 'create') : vi.errors.actionFailed);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel create-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${selectId}-h`}
    >
      <h2 id={`${selectId}-h`}>{vi.create.heading}</h2>
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          {vi.create.unitLabel}
        </label>
        {/* The button that opened this form is gone: focus moves here, not to <body>. */}
        <select
          id={selectId}
          autoFocus
          value={unitId}
          onChange={(event) => {
            setUnitId(event.target.value);
            setError(null);
          }}
          aria-describedby={error ? `${selectId}-error` : undefined}
        >
          <option value="" disabled>
            —
          </option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
          <option value="other">{vi.create.unitOther}</option>
        </select>
      </div>
      {isOther ? (
        <div className="field">
          <label className="field-label" htmlFor={otherId}>
            {vi.create.otherNameLabel}
          </label>
          <input
            id={otherId}
            type="text"
            value={otherName}
            maxLength={REPORT_NAME_MAX}
            placeholder={vi.create.otherNameHint}
            onChange={(event) => {
              setOtherName(event.target.value);
              setError(null);
            }}
          />
        </div>
      ) : null}
      {error ? (
        <p className="field-error" id={`${selectId}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" disabled={isBusy}>
          {vi.create.submit}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {vi.create.cancel}
        </button>
      </div>
    </form>
  );
}

function RenameForm({
  report,
  onDone,
}: {
  report: StoredReport;
  onDone: (name: string | null) => void;
}) {
  const [name, setName] = useState(report.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        const clean = normalizeText(name.trim());
        if (!clean) return setError(vi.rename.required);
        if ([...clean].length > REPORT_NAME_MAX)
          return setError(vi.rename.tooLong(REPORT_NAME_MAX));
        onDone(clean);
      }}
    >
      <label className="field-label" htmlFor={id}>
        {vi.rename.label}
      </label>
      <input
        id={id}
        type="text"
        value={name}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setName(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit">{vi.rename.submit}</button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          {vi.rename.cancel}
        </button>
      </div>
    </form>
  );
}

export function ReportListPage({
  reportHref,
  onOpen,
  menuExtras,
}: {
  reportHref: (id: string) => string;
  onOpen: (id: string) => void;
  // More actions for a report's menu (e.g. the PDF export), composed in by app/.
  menuExtras?: (reportId: string) => ReactNode;
}) {
  const data = useLiveQuery(loadList, []);
  const templates = useTemplates();
  const [isCreating, setCreating] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const troubles = useSyncExternalStore(subscribeSaveTroubles, saveTroubles);
  const db = getDatabase();

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (caught) {
      const trouble = storageTrouble(caught);
      const message = trouble ? viLimits.storage(trouble, 'action') : vi.errors.actionFailed;
      setNotice({ message, isError: true });
    }
  };

  if (!data) return <p>{vi.list.loading}</p>;
  const active = data.reports.filter((report) => report.deletedAt === null);
  const unsent = data.outbox.filter((entry) => UNSENT_STATES.has(entry.state)).length;
  const statusOf = (reportId: string) =>
    submissionStatus(data.outbox.filter((entry) => entry.reportId === reportId));
  const trashed = data.reports.filter((report) => report.deletedAt !== null);

  const progressOf = (report: StoredReport) => {
    const template = templates?.findTemplate(report.templateId, report.templateVersion);
    if (!template) return null;
    const { requiredDone, requiredTotal } = requiredProgress(
      template,
      data.answersByReport.get(report.id) ?? {},
    );
    return vi.list.progress(requiredDone, requiredTotal);
  };

  return (
    <div className="report-list">
      <div className="list-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {vi.list.heading}
        </h1>
        {!isCreating ? (
          <button type="button" onClick={() => setCreating(true)}>
            + {vi.list.create}
          </button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="notice-area">
        {notice ? (
          <p className={`notice ${notice.isError ? 'error' : ''}`}>
            {notice.message}{' '}
            {notice.undo ? (
              <button type="button" className="link-button" onClick={notice.undo}>
                {vi.list.undo}
              </button>
            ) : null}
            <button
              type="button"
              className="link-button"
              aria-label={vi.dismiss}
              onClick={() => setNotice(null)}
            >
              ✕
            </button>
          </p>
        ) : null}
      </div>
      {troubles.map((trouble) => (
        <p key={trouble.reportId} role="alert" className="notice error">
          {viSafety.saveTrouble(trouble.reportName)}{' '}
          <a href={reportHref(trouble.reportId)}>{viSafety.openReport}</a>
        </p>
      ))}
      {unsent > 0 ? (
        <p className="notice warning unsent">
          {vi.submit.unsent(unsent)}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void run(() => import('@/sync/browser-sync').then((m) => m.sendNow()))}
          >
            {vi.submit.sendNow}
          </button>
        </p>
      ) : null}
      {isCreating ? (
        <CreateForm
          templates={templates}
          onCreated={(id) => {
            setCreating(false);
            onOpen(id);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {active.length === 0 && !isCreating ? <p className="empty">{vi.list.empty}</p> : null}
      <ul className="cards">
        {active.map((report) => {
          const status = statusOf(report.id);
          return (
            <li key={report.id} className="card">
              {renamingId === report.id ? (
                <RenameForm
                  report={report}
                  onDone={(name) => {
                    setRenamingId(null);
                    if (name !== null)
                      void run(() => renameReport(db, report.id, name, new Date().toISOString()));
                  }}
                />
              ) : (
                <>
                  <h2 className="card-title">
                    <a href={reportHref(report.id)}>{report.name}</a>
                  </h2>
                  <p className="card-meta">
                    {report.unit.name} ·{' '}
                    <span className={`submission-status status-${status}`}>
                      {vi.submit.status[status]}
                    </span>
                  </p>
                  <p className="card-meta">{vi.list.updated(formatDateTime(report.updatedAt))}</p>
                  <p className="card-meta">{progressOf(report)}</p>
                  {needsBackupReminder(report, new Date()) ? (
                    <p className="card-reminder">{vi.reminder.backup}</p>
                  ) : null}
                  <details className="menu">
                    <summary aria-label={vi.list.menu(report.name)}>⋯</summary>
                    <div className="menu-items">
                      <button type="button" onClick={() => setRenamingId(report.id)}>
                        {vi.list.rename}
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            const name = `${report.name}${vi.list.copySuffix}`.slice(
                              0,
                              REPORT_NAME_MAX,
                            );
                            await duplicateReport(db, report.id, {
                              id: newId(),
                              name,
                              now: new Date().toISOString(),
                            });
                            setNotice({ message: vi.list.duplicated(name) });
                          })
                        }
                      >
                        {vi.list.duplicate}
                      </button>
                      <button
                        type="button"
                        onClick={() =>
                          void run(async () => {
                            const now = new Date().toISOString();
                            const file = await exportReportFile(db, report.id, now);
                            downloadJson(reportFileName(file.report), file);
                            await markExported(db, report.id, now);
                            setNotice({ message: vi.list.exported });
                          })
                        }
                      >
                        {vi.list.exportJson}
                      </button>
                      {menuExtras?.(report.id)}
                      <button
                        type="button"
                        className="danger"
                        onClick={() =>
                          void run(async () => {
                            await trashReport(db, report.id, new Date().toISOString());
                            headingRef.current?.focus();
                            setNotice({
                              message: vi.list.movedToTrash(report.name),
                              undo: () =>
                                void run(async () => {
                                  await untrashReport(db, report.id);
                                  setNotice({ message: vi.list.restored(report.name) });
                                }),
                            });
                          })
                        }
                      >
                        {vi.list.delete}
                      </button>
                    </div>
                  </details>
                </>
              )}
            </li>
          );
        })}
      </ul>

      {data.damaged.length > 0 ? (
        <section className="damaged" aria-labelledby="damaged-heading">
          <h2 id="damaged-heading">{vi.list.damagedHeading}</h2>
          <p>{vi.list.damagedNote}</p>
          <ul className="cards">
            {data.damaged.map((damaged, index) => (
              <li key={damaged.id ?? index} className="card damaged-card">
                <p className="card-meta">{damaged.id ?? '—'}</p>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(async () => {
                      const raw = (await rawReportData(db, damaged.id)) ?? damaged.raw;
                      downloadJson(`du-lieu-goc-${damaged.id ?? index}.json`, raw);
                    })
                  }
                >
                  {vi.list.damagedExport}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {trashed.length > 0 ? (
        <details className="trash">
          <summary>{vi.list.trashHeading(trashed.length)}</summary>
          <p className="card-meta">{vi.list.trashNote}</p>
          <ul className="cards">
            {trashed.map((report) => (
              <li key={report.id} className="card">
                <h3 className="card-title">{report.name}</h3>
                <p className="card-meta">
                  {vi.list.trashedOn(formatDateTime(report.deletedAt ?? report.updatedAt))}
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void run(async () => {
                        await untrashReport(db, report.id);
                        setNotice({ message: vi.list.restored(report.name) });
                      })
                    }
                  >
                    {vi.list.restore}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(vi.list.confirmDeleteForever(report.name))) {
                        void run(() => deleteReportForever(db, report.id));
                      }
                    }}
                  >
                    {vi.list.deleteForever}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
