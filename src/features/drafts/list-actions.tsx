// The list's actions that the first screen does not need to paint: the create and
// rename forms and a report's menu (rename, duplicate, export, delete). They load when
// first used (load-list-store.ts), from a precached chunk.
import { useId, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { initialAnswers } from '@/domain/report/answers';
import { REPORT_NAME_MAX, reportFileName } from '@/domain/report/report-schema';
import { normalizeText } from '@/domain/report/text';
import { vi } from '@/i18n/vi';
import { viLimits } from '@/i18n/vi-limits';
import { downloadJson } from '@/lib/download';
import { newId } from '@/lib/ids';
import { storageTrouble } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import {
  createReport,
  duplicateReport,
  exportReportFile,
  markExported,
  trashReport,
  untrashReport,
} from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { loadTemplates, type TemplateRegistry } from '@/templates/load-templates';
import type { Notice } from './report-list-page';

function requestPersistence() {
  // Asks the browser to keep our storage under pressure; the answer shows in Settings.
  if (navigator.storage && typeof navigator.storage.persist === 'function') {
    void navigator.storage.persist().catch(() => false);
  }
}

export function CreateForm({
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

export function RenameForm({
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

// A report's menu, once opened.
export function ReportMenuItems({
  report,
  run,
  onRename,
  onNotice,
  headingRef,
  extras,
}: {
  report: StoredReport;
  run: (action: () => Promise<void>) => Promise<void>;
  onRename: () => void;
  onNotice: (notice: Notice) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  extras?: ReactNode;
}) {
  const db = getDatabase();
  return (
    <div className="menu-items">
      <button type="button" onClick={onRename}>
        {vi.list.rename}
      </button>
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const name = `${report.name}${vi.list.copySuffix}`.slice(0, REPORT_NAME_MAX);
            await duplicateReport(db, report.id, {
              id: newId(),
              name,
              now: new Date().toISOString(),
            });
            onNotice({ message: vi.list.duplicated(name) });
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
            onNotice({ message: vi.list.exported });
          })
        }
      >
        {vi.list.exportJson}
      </button>
      {extras}
      <button
        type="button"
        className="danger"
        onClick={() =>
          void run(async () => {
            await trashReport(db, report.id, new Date().toISOString());
            headingRef.current?.focus();
            onNotice({
              message: vi.list.movedToTrash(report.name),
              undo: () =>
                void run(async () => {
                  await untrashReport(db, report.id);
                  onNotice({ message: vi.list.restored(report.name) });
                }),
            });
          })
        }
      >
        {vi.list.delete}
      </button>
    </div>
  );
}
