import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react';
import { ReportListPage } from '@/features/drafts/report-list-page';
import { vi } from '@/i18n/vi';
import { retryImport } from '@/lib/retry-import';
import { ErrorBoundary } from './error-boundary';
import { markFirstContent, markFirstContentOnLoad } from './first-content';
import { IosInstallHint, InstallButton, OnlineIndicator, PwaNotices } from './pwa/pwa-ui';
import { hrefs, parseRoute, type Route } from './routes';

// The report screen (forms, validation, review) and settings load on first use (and
// are precached); the list stays light.
const ReportScreen = lazy(() =>
  retryImport(() => import('./report-screen')).then((m) => ({ default: m.ReportScreen })),
);
const SettingsPage = lazy(() =>
  retryImport(() => import('@/features/settings/settings-page')).then((m) => ({
    default: m.SettingsPage,
  })),
);

// A report's export buttons, in its menu on the list: loaded with the menu.
const ExportButtons = lazy(() =>
  retryImport(() => import('@/features/export/export-buttons')).then((m) => ({
    default: m.ExportButtons,
  })),
);

// The province office's screens: a chunk of their own.
const ProvinceScreen = lazy(() =>
  retryImport(() => import('./province-screen')).then((m) => ({ default: m.ProvinceScreen })),
);

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

// The route of the address's hash. useSyncExternalStore reads the hash again once it
// listens: the first render is a transition (main.tsx), and a tap on the static shell's
// "Cài đặt" between that render and its effects must still open Settings.
function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, readHash);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function App() {
  const route = useHashRoute();
  useEffect(() => {
    // Opened straight on another screen: its load event stands for the first content.
    if (route.name !== 'list') markFirstContentOnLoad();
  }, [route.name]);
  return (
    <>
      <a className="skip-link" href="#main">
        {vi.skipToContent}
      </a>
      <header className="app-header">
        <a href={hrefs.list} className="app-name">
          {vi.appName}
        </a>
        <span className="app-title">{vi.appTitle}</span>
        <span className="header-tools">
          <OnlineIndicator />
          <InstallButton placement="header" />
          <a href={hrefs.settings} className="header-link">
            {vi.settingsLink}
          </a>
        </span>
      </header>
      <PwaNotices />
      <main id="main" tabIndex={-1}>
        {route.name === 'list' ? (
          <>
            <IosInstallHint />
            <InstallButton placement="list" />
            <ReportListPage
              reportHref={hrefs.report}
              onShown={markFirstContent}
              menuExtras={(id) => <ExportButtons reportId={id} />}
              onOpen={(id) => {
                window.location.hash = hrefs.report(id);
              }}
            />
          </>
        ) : (
          <ErrorBoundary message={vi.pwa.chunkFailed}>
            <Suspense fallback={<p>{vi.list.loading}</p>}>
              {route.name === 'settings' ? (
                <SettingsPage />
              ) : route.name === 'province' ? (
                <ProvinceScreen route={route} />
              ) : (
                <ReportScreen key={route.reportId} route={route} />
              )}
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
