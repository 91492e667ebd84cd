import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadListStore } from '@/features/drafts/load-list-store';
import { getDatabase } from '@/storage/db';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { afterFirstContent } from './first-content';
import { listenForInstallPrompt } from './pwa/install';
import './styles.css';

// What the first screen loads is kept small (tests/e2e/first-render-bundle.spec.ts):
// React, Dexie, the list and the header. Schemas (zod), the repositories, the templates,
// workbox-window and sync load after it, each from its own precached chunk.
listenForInstallPrompt();

// The list's first read starts at once: the database opens and the store's chunk (the
// repositories and their schemas) loads while React renders the frame.
void getDatabase()
  .open()
  .catch(() => undefined);
void loadListStore().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// Keystrokes a closed tab journaled but IndexedDB never got (reports not opened yet):
// written at once, in parallel with the first render.
void import('@/storage/answer-journal')
  .then((m) => m.replayAllJournals(getDatabase(), new Date().toISOString()))
  .catch(() => undefined);

afterFirstContent(() => {
  void import('./pwa/service-worker').then((m) => m.registerServiceWorker());
  void import('@/sync/browser-sync').then((m) => m.startSync());
  void import('@/storage/report-repository')
    .then((m) => m.purgeTrash(getDatabase(), new Date()))
    .catch(() => 0);
});
