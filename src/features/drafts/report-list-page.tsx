// The list of the unit's reports: create, open, rename, duplicate, export, delete to the
// trash (with undo), restore from the trash, and a way out for damaged records.
import {
  Suspense,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type RefObject,
} from 'react';
import { submissionStatus, UNSENT_STATES } from '@/domain/outbox/outbox-states';
import { needsBackupReminder } from '@/domain/report/backup-reminder';
import { vi, formatDateTime } from '@/i18n/vi';
import { viLimits } from '@/i18n/vi-limits';
import { viSafety } from '@/i18n/vi-safety';
import { downloadJson } from '@/lib/download';
import type { SoKetDatabase } from '@/storage/db';
import type { StoredReport } from '@/storage/restore';
import { hasNoDatabase } from '@/storage/first-visit';
import { storageTrouble } from '@/storage/save-errors';
import { saveTroubles, subscribeSaveTroubles } from '@/storage/save-health';
import { loadTemplates, type TemplateRegistry } from '@/templates/load-templates';
import type { ListData } from './list-store';
import {
  CreateForm,
  loadListActions,
  loadListStore,
  loadProgress,
  RenameForm,
  ReportMenuItems,
  type ListStore,
  type ProgressModule,
} from './load-list-store';

// The store (repositories and schemas) loads with the first read; until then, and if it
// cannot load, the list's frame is on screen without its cards.
function useListStore(): ListStore | 'failed' | null {
  const [store, setStore] = useState<ListStore | 'failed' | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadListStore().then(
      (loaded) => isCurrent && setStore(loaded),
      () => isCurrent && setStore('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return store;
}

// True when the browser has no database of the app (a first visit): the list is empty,
// and says so at once, before the store and the database have loaded.
function useIsFirstVisit(): boolean {
  const [isFirstVisit, setFirstVisit] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    void hasNoDatabase().then((isNew) => isCurrent && setFirstVisit(isNew));
    return () => {
      isCurrent = false;
    };
  }, []);
  return isFirstVisit;
}

// The list as the store reads it, again on every change; undefined until the first read.
// A failed read goes to the error boundary, as a failed live query always has.
function useList(store: ListStore | null): ListData | undefined {
  const [data, setData] = useState<ListData>();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!store) return;
    return store.watchList(setData, (error) => setFailure({ error }));
  }, [store]);
  if (failure) throw failure.error;
  return data;
}

// The templates arrive after the list is on screen (they are not part of the first
// render): until then the unit picker waits and progress is not shown. With cards, the
// actions' chunk is fetched then too, so that a menu opens at once, and the progress
// measure (it checks answers with zod's classic build), which each card shows once both
// are there.
type Templates = {
  registry: TemplateRegistry | null;
  requiredProgress: ProgressModule['requiredProgress'] | null;
};

function useTemplates(isListShown: boolean, hasReports: boolean, isCreating: boolean): Templates {
  const [templates, setTemplates] = useState<Templates>({ registry: null, requiredProgress: null });
  // The cards name their template's units; with no card (a first visit) only the create
  // form needs the templates, so they load when it opens.
  const needsTemplates = isCreating || (isListShown && hasReports);
  useEffect(() => {
    if (!needsTemplates) return;
    let isCurrent = true;
    loadTemplates().then(
      (registry) => isCurrent && setTemplates((was) => ({ ...was, registry })),
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, [needsTemplates]);
  // Only cards have menus and show progress: an empty list (a first visit) does without
  // the actions' chunk (the repository and zod's checks) until Tạo báo cáo mới asks.
  useEffect(() => {
    if (!hasReports) return;
    let isCurrent = true;
    void loadListActions().catch(() => undefined);
    loadProgress().then(
      ({ requiredProgress }) => isCurrent && setTemplates((was) => ({ ...was, requiredProgress })),
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, [hasReports]);
  return templates;
}

export type Notice = { message: string; undo?: () => void; isError?: boolean };

// What the list's body and its cards share, once the store has read the list.
type ListContext = {
  list: ListData;
  store: ListStore;
  templates: Templates;
  reportHref: (id: string) => string;
  menuExtras?: ((reportId: string) => ReactNode) | undefined;
  run: (action: () => Promise<void>) => Promise<void>;
  onNotice: (notice: Notice) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
};

// One report's card; its menu's items load when it is first opened.
function ReportCard({ report, context }: { report: StoredReport; context: ListContext }) {
  const { list, store, templates, reportHref, menuExtras, run, onNotice, headingRef } = context;
  const [isRenaming, setRenaming] = useState(false);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const status = submissionStatus(list.outbox.filter((entry) => entry.reportId === report.id));
  const { registry, requiredProgress } = templates;
  const template = registry?.findTemplate(report.templateId, report.templateVersion);
  const progress =
    template && requiredProgress
      ? requiredProgress(template, list.answersByReport.get(report.id) ?? {})
      : null;
  if (isRenaming) {
    return (
      <li className="card">
        <Suspense fallback={null}>
          <RenameForm
            report={report}
            onDone={(name) => {
              setRenaming(false);
              if (name !== null)
                void run(() =>
                  store.renameReport(
                    store.getDatabase(),
                    report.id,
                    name,
                    new Date().toISOString(),
                  ),
                );
            }}
          />
        </Suspense>
      </li>
    );
  }
  return (
    <li className="card">
      <h2 className="card-title">
        <a href={reportHref(report.id)}>{report.name}</a>
      </h2>
      <p className="card-meta">
        {report.unit.name} ·{' '}
        <span className={`submission-status status-${status}`}>{vi.submit.status[status]}</span>
      </p>
      <p className="card-meta">{vi.list.updated(formatDateTime(report.updatedAt))}</p>
      <p className="card-meta">
        {progress ? vi.list.progress(progress.requiredDone, progress.requiredTotal) : null}
      </p>
      {needsBackupReminder(report, new Date()) ? (
        <p className="card-reminder">{vi.reminder.backup}</p>
      ) : null}
      <details className="menu" onToggle={(event) => setMenuOpen(event.currentTarget.open)}>
        <summary aria-label={vi.list.menu(report.name)}>⋯</summary>
        {isMenuOpen ? (
          <Suspense fallback={<p className="menu-items">{vi.list.loading}</p>}>
            <ReportMenuItems
              report={report}
              run={run}
              onRename={() => setRenaming(true)}
              onNotice={onNotice}
              headingRef={headingRef}
              extras={menuExtras?.(report.id)}
            />
          </Suspense>
        ) : null}
      </details>
    </li>
  );
}

export function ReportListPage({
  reportHref,
  onOpen,
  onShown,
  menuExtras,
}: {
  reportHref: (id: string) => string;
  onOpen: (id: string) => void;
  // Called once the list (or its empty state) is on screen.
  onShown?: () => void;
  // More actions for a report's menu (e.g. the PDF export), composed in by app/.
  menuExtras?: (reportId: string) => ReactNode;
}) {
  const loadedStore = useListStore();
  const store = loadedStore === 'failed' ? null : loadedStore;
  const data = useList(store);
  const isFirstVisit = useIsFirstVisit();
  const [isCreating, setCreating] = useState(false);
  const templates = useTemplates(data !== undefined, (data?.reports.length ?? 0) > 0, isCreating);
  const [notice, setNotice] = useState<Notice | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const troubles = useSyncExternalStore(subscribeSaveTroubles, saveTroubles);
  const isShown = data !== undefined;
  const unsent = data?.outbox.filter((entry) => UNSENT_STATES.has(entry.state)).length ?? 0;
  useEffect(() => {
    if (isShown) onShown?.();
  }, [isShown, onShown]);

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (caught) {
      const trouble = storageTrouble(caught);
      const message = trouble ? viLimits.storage(trouble, 'action') : vi.errors.actionFailed;
      setNotice({ message, isError: true });
    }
  };

  // The frame (heading, create button, notices) paints at once, the same as the shell
  // in index.html; the cards fill in below it once the store has read them.
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
        <Suspense fallback={null}>
          <CreateForm
            templates={templates.registry}
            onCreated={(id) => {
              setCreating(false);
              onOpen(id);
            }}
            onCancel={() => setCreating(false)}
          />
        </Suspense>
      ) : null}
      {loadedStore === 'failed' ? (
        <div role="alert" className="notice error">
          <p>{vi.pwa.chunkFailed}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {vi.errors.reload}
          </button>
        </div>
      ) : !data || !store ? (
        isFirstVisit ? (
          !isCreating ? (
            <p className="empty">{vi.list.empty}</p>
          ) : null
        ) : (
          <p className="list-loading">{vi.list.loading}</p>
        )
      ) : (
        <ListBody
          db={store.getDatabase()}
          isCreating={isCreating}
          context={{
            list: data,
            store,
            templates,
            reportHref,
            menuExtras,
            run,
            onNotice: setNotice,
            headingRef,
          }}
        />
      )}
    </div>
  );
}

function ListBody({
  db,
  isCreating,
  context,
}: {
  db: SoKetDatabase;
  isCreating: boolean;
  context: ListContext;
}) {
  const { list, store, run, onNotice } = context;
  const active = list.reports.filter((report) => report.deletedAt === null);
  const trashed = list.reports.filter((report) => report.deletedAt !== null);
  return (
    <>
      {active.length === 0 && !isCreating ? <p className="empty">{vi.list.empty}</p> : null}
      <ul className="cards">
        {active.map((report) => (
          <ReportCard key={report.id} report={report} context={context} />
        ))}
      </ul>

      {list.damaged.length > 0 ? (
        <section className="damaged" aria-labelledby="damaged-heading">
          <h2 id="damaged-heading">{vi.list.damagedHeading}</h2>
          <p>{vi.list.damagedNote}</p>
          <ul className="cards">
            {list.damaged.map((damaged, index) => (
              <li key={damaged.id ?? index} className="card damaged-card">
                <p className="card-meta">{damaged.id ?? '—'}</p>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(async () => {
                      const raw = (await store.rawReportData(db, damaged.id)) ?? damaged.raw;
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
                        await store.untrashReport(db, report.id);
                        onNotice({ message: vi.list.restored(report.name) });
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
                        void run(() => store.deleteReportForever(db, report.id));
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
    </>
  );
}
