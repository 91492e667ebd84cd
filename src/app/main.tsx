import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { replayAllJournals } from '@/storage/answer-journal';
import { getDatabase } from '@/storage/db';
import { purgeTrash } from '@/storage/report-repository';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import { listenForInstallPrompt } from './pwa/install';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

listenForInstallPrompt();
registerServiceWorker();
void purgeTrash(getDatabase(), new Date()).catch(() => 0);
// Keystrokes a closed tab journaled but IndexedDB never got (reports not opened yet).
void replayAllJournals(getDatabase(), new Date().toISOString());

// Sync starts after the first render, from its own (precached) chunk.
const startSync = () => void import('@/sync/browser-sync').then((m) => m.startSync());
if ('requestIdleCallback' in window) window.requestIdleCallback(startSync, { timeout: 2000 });
else setTimeout(startSync, 500);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
