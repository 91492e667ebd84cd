// The app's calm, non-blocking notices: update ready, ready offline, online state,
// install, the iOS install how-to, and "reload" after another tab upgraded the data.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { vi } from '@/i18n/vi';
import { viPhone } from '@/i18n/vi-phone';
import { onDatabaseReplaced } from '@/storage/db-events';
import { canInstall, isIosSafari, isStandalone, promptInstall, subscribeInstall } from './install';
import { dismissOfflineReady, getPwaState, subscribePwa } from './pwa-state';

function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}

export function OnlineIndicator() {
  const isOnline = useOnline();
  return (
    <span className={`online-indicator ${isOnline ? 'online' : 'offline'}`} role="status">
      <span aria-hidden="true" className="dot" />
      <span className="online-text">{isOnline ? vi.pwa.online : vi.pwa.offline}</span>
    </span>
  );
}

// In the header on a wider screen; on a phone (where the header keeps to one line) on
// the report list instead (`placement`, styles.css shows one of the two). Its place is
// kept from the first paint (the static shell in index.html has the same slot), so the
// button appearing when the browser offers the install moves nothing; an installed app
// has no slot.
export function InstallButton({ placement }: { placement: 'header' | 'list' }) {
  const isAvailable = useSyncExternalStore(subscribeInstall, canInstall);
  const [isInstalled] = useState(isStandalone);
  if (isInstalled) return null;
  return (
    <span className={`install-slot install-in-${placement}`}>
      {isAvailable ? (
        <button
          type="button"
          className="install-button secondary"
          onClick={() => void promptInstall()}
        >
          {viPhone.install}
        </button>
      ) : null}
    </span>
  );
}

const IOS_DISMISSED = 'so-ket:ios-install-dismissed';

export function IosInstallHint() {
  const [isShown, setShown] = useState(() => {
    try {
      return isIosSafari() && !isStandalone() && !localStorage.getItem(IOS_DISMISSED);
    } catch {
      return false;
    }
  });
  if (!isShown) return null;
  return (
    <aside className="panel ios-hint" aria-labelledby="ios-hint-title">
      <h2 id="ios-hint-title">{vi.pwa.iosTitle}</h2>
      <ol>
        {vi.pwa.iosSteps.map((step, index) => (
          <li key={step}>
            {index === 0 ? (
              <svg
                viewBox="0 0 24 24"
                width="22"
                height="22"
                aria-hidden="true"
                className="share-icon"
              >
                <path d="M12 3v12M7 8l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="2" />
                <rect
                  x="4"
                  y="11"
                  width="16"
                  height="10"
                  rx="2"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                />
              </svg>
            ) : null}{' '}
            {step}
          </li>
        ))}
      </ol>
      <p>{vi.pwa.iosWhy}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          try {
            localStorage.setItem(IOS_DISMISSED, '1');
          } catch {
            // ignore: the hint just shows again next time
          }
          setShown(false);
        }}
      >
        {vi.dismiss}
      </button>
    </aside>
  );
}

const OFFLINE_READY_MS = 8_000;

export function PwaNotices() {
  const state = useSyncExternalStore(subscribePwa, getPwaState);
  const [isUpdating, setUpdating] = useState(false);
  const [isLater, setLater] = useState(false);
  const [isReplaced, setReplaced] = useState(false);
  useEffect(() => onDatabaseReplaced(() => setReplaced(true)), []);
  // "Ready offline" says it once and goes: it floats over the bottom of the screen (so
  // nothing moves when it comes), and a page's last control should not stay under it.
  // (Room below the page's end was tried: it let a sticky step list scroll out of view.)
  useEffect(() => {
    if (!state.isOfflineReady) return;
    const timer = setTimeout(dismissOfflineReady, OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [state.isOfflineReady]);

  return (
    <div className="pwa-notices">
      {isReplaced ? (
        <div className="banner blocking" role="alert">
          <p>{vi.pwa.databaseReplaced}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {vi.errors.reload}
          </button>
        </div>
      ) : null}
      {state.isUpdateWaiting && !isLater ? (
        <div className="banner" role="status" aria-live="polite">
          <p>{isUpdating ? vi.pwa.updating : vi.pwa.updateReady}</p>
          <div className="button-row">
            <button
              type="button"
              disabled={isUpdating}
              onClick={() => {
                setUpdating(true);
                void import('./service-worker').then((m) => m.applyUpdate());
              }}
            >
              {vi.pwa.update}
            </button>
            <button type="button" className="secondary" onClick={() => setLater(true)}>
              {vi.pwa.later}
            </button>
          </div>
        </div>
      ) : null}
      {state.isOfflineReady ? (
        <div className="banner success" role="status">
          <p>{vi.pwa.offlineReady}</p>
          <button type="button" className="link-button" onClick={dismissOfflineReady}>
            {vi.dismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
