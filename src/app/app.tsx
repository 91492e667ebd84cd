import { lazy, Suspense, useEffect, useState } from 'react';
import { ReportListPage } from '@/features/drafts/report-list-page';
import { PdfExportButton } from '@/features/export/pdf-export-button';
import { vi } from '@/i18n/vi';
import { hrefs, parseRoute, type Route } from './routes';

// The report screen (forms, validation, review) loads on first use; the list stays light.
const ReportScreen = lazy(() =>
  import('./report-screen').then((m) => ({ default: m.ReportScreen })),
);

function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const route = useHashRoute();
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
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'list' ? (
          <ReportListPage
            reportHref={hrefs.report}
            menuExtras={(id) => <PdfExportButton reportId={id} />}
            onOpen={(id) => {
              window.location.hash = hrefs.report(id);
            }}
          />
        ) : (
          <Suspense fallback={<p>{vi.list.loading}</p>}>
            <ReportScreen key={route.reportId} route={route} />
          </Suspense>
        )}
      </main>
    </>
  );
}
