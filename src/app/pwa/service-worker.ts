// Service worker registration and updates, with workbox-window. Policy:
// - never reload on its own: a waiting version is announced, and applied only when the
//   user presses "Cập nhật", after every pending save is flushed;
// - check for a new version at start, every hour, and when the app becomes visible;
// - say "ready offline" once, after the first install.
// This module loads after the first screen (main.tsx); the notices read pwa-state.ts.
import { Workbox } from 'workbox-window';
import { flushAll } from '@/storage/flush-registry';
import { setPwaState } from './pwa-state';

const HOUR = 60 * 60 * 1000;
const OFFLINE_READY_SHOWN = 'so-ket:offline-ready-shown';

let workbox: Workbox | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV || workbox) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  wb.addEventListener('waiting', () => setPwaState({ isUpdateWaiting: true }));
  wb.addEventListener('installed', (event) => {
    if (event.isUpdate) return;
    try {
      if (localStorage.getItem(OFFLINE_READY_SHOWN)) return;
      localStorage.setItem(OFFLINE_READY_SHOWN, '1');
    } catch {
      // Storage blocked: show it this time anyway.
    }
    setPwaState({ isOfflineReady: true });
  });
  void wb.register().catch(() => undefined);
  const check = () => void wb.update().catch(() => undefined);
  setInterval(check, HOUR);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

// "Cập nhật": save everything typed, then let the new version take over and reload
// once it controls the page.
export async function applyUpdate(): Promise<void> {
  await flushAll();
  const wb = workbox;
  if (!wb) {
    window.location.reload();
    return;
  }
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}
