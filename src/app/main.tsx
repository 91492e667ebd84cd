import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
