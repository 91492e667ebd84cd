// First: it asks for the list's store before React is evaluated (start-list-store.ts).
import { isInstalledStart, startListStore } from './start-list-store';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasNoDatabase } from '@/storage/first-visit';
import { browserJournalStorage, journaledReportIds } from '@/storage/journal-keys';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { afterFirstContent, afterFirstPaint } from './first-content';
import { listenForInstallPrompt } from './pwa/install';
import './styles.css';

// What the first screen loads is kept small (tests/e2e/first-render-bundle.spec.ts):
// React, the list's frame and the header. Dexie and the database come with the list's
// store; schemas (zod), the repositories, the templates, workbox-window and sync load
// after it, each from its own precached chunk.
listenForInstallPrompt();

// Asked before the database is first opened (which creates it): a browser without it
// has no report, and the list says so without waiting for the store (first-visit.ts).
const isFirstVisit = hasNoDatabase();

// The database for work that does not wait for the list (it is the store's: one chunk).
const database = () => import('@/storage/db').then((m) => m.getDatabase());

// The static shell (static-shell.ts) is already on screen, so the first render has no
// hurry: as a transition React renders in slices of a few milliseconds and the page
// stays responsive, instead of one long task of tens of milliseconds on a cheap phone.
function start(): void {
  // The list's first read starts at once, in a task of its own (with React's root in
  // the same task it was the load's longest): the store's chunk (Dexie, the database and
  // the stored reports' checks) loads while React renders the frame, and opens the
  // database.
  setTimeout(startListStore, 0);
  const root = createRoot(document.getElementById('root')!);
  startTransition(() => {
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
  });
}

// The installed app starts at once (its files come from the cache, and the list's store
// is already loading: start-list-store.ts); a first visit once the shell is on screen.
if (isInstalledStart) start();
else afterFirstPaint(start);

// Keystrokes a closed tab journaled but IndexedDB never got (reports not opened yet):
// written at once, in parallel with the first render. Only where there are any: the
// journal brings the repository and zod's checks, which a start without one (every
// first visit, most starts) does not need.
if (journaledReportIds(browserJournalStorage()).length > 0) {
  void Promise.all([import('@/storage/answer-journal'), database()])
    .then(([journal, db]) => journal.replayAllJournals(db, new Date().toISOString()))
    .catch(() => undefined);
}

afterFirstContent(() => {
  void import('./pwa/service-worker').then((m) => m.registerServiceWorker());
  // Sync starts when the outbox holds anything; an empty one (a first visit, a unit that
  // has not submitted yet) needs neither the engine nor the outbox's checks, and every
  // submission starts it (kickSync).
  void database()
    .then((db) => db.outbox.count())
    .then((count) => (count > 0 ? import('@/sync/browser-sync') : null))
    .then((sync) => sync?.startSync())
    .catch(() => undefined);
  // A first visit has no trash to empty (nor the repository's chunk to load for it).
  void isFirstVisit
    .then((isNew) =>
      isNew
        ? 0
        : Promise.all([import('@/storage/report-repository'), database()]).then(([reports, db]) =>
            reports.purgeTrash(db, new Date()),
          ),
    )
    .catch(() => 0);
});
