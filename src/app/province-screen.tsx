// The province office's screens with the pieces of other features they reuse: a
// received version is read with the unit's own review page (features/review). The
// office's own chunk, loaded on the first visit to #/tinh.
import { ReviewPage } from '@/features/review/review-page';
import { ProvincePage } from '@/features/province/province-page';
import { hrefs, type Route } from './routes';

type ProvinceRoute = Extract<Route, { name: 'province' }>;

export function ProvinceScreen({ route }: { route: ProvinceRoute }) {
  return (
    <ProvincePage
      view={route.view}
      id={route.id}
      links={{
        list: hrefs.list,
        tracker: hrefs.province(),
        intake: hrefs.province('intake'),
        rollup: hrefs.province('rollup'),
        unit: (key) => hrefs.province('unit', key),
        version: (id) => hrefs.province('version', id),
      }}
      renderVersion={(version, template) => (
        <ReviewPage
          template={template}
          answers={version.file.answers}
          unitName={version.file.report.unit.name}
          links={{ field: () => hrefs.province('version', version.id) }}
        />
      )}
    />
  );
}
