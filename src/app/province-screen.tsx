// The province office's screens with the pieces of other features they reuse: a
// received version is read with the unit's own review page (features/review), its
// photos from the file, and exported to PDF and Word from the file (features/export with
// export/received-export). The office's own chunk, loaded on the first visit to #/tinh.
import type { ReceivedVersion } from '@/domain/rollup/received';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import type { Template } from '@/domain/template/template-schema';
import { exportReceivedFile } from '@/export/received-export';
import { DocumentExportButtons } from '@/features/export/document-export-buttons';
import { ExportButtons, type ExportRenderer } from '@/features/export/export-buttons';
import { ReviewPage } from '@/features/review/review-page';
import { MODELS_PICK_ID, ProvincePage } from '@/features/province/province-page';
import { useFilePhotoUrls } from '@/features/province/use-file-photo-urls';
import { hrefs, type Route } from './routes';

type ProvinceRoute = Extract<Route, { name: 'province' }>;

function ReceivedVersionView({
  version,
  template,
  documentId,
}: {
  version: ReceivedVersion;
  template: Template;
  documentId: string | null;
}) {
  const photoUrls = useFilePhotoUrls(version.file);
  const extra = template.documents.find((document) => document.id === documentId);
  const shown = extra?.id ?? MAIN_DOCUMENT;
  const render: ExportRenderer = (kind, now, id, options) =>
    exportReceivedFile(version.file, kind, now, id, options);
  return (
    <ReviewPage
      key={shown}
      template={template}
      answers={version.file.answers}
      unitName={version.file.report.unit.name}
      documentId={shown}
      photoUrls={photoUrls}
      actions={
        extra ? (
          <DocumentExportButtons reportId={version.id} documentId={extra.id} render={render} />
        ) : (
          <ExportButtons reportId={version.id} render={render} />
        )
      }
      links={{
        field: () => hrefs.province('version', version.id, extra?.id),
        document: (id) =>
          hrefs.province('version', version.id, id === MAIN_DOCUMENT ? undefined : id),
      }}
    />
  );
}

export function ProvinceScreen({ route }: { route: ProvinceRoute }) {
  return (
    <ProvincePage
      view={route.view}
      id={route.id}
      links={{
        list: hrefs.list,
        settings: hrefs.settings,
        tracker: hrefs.province(),
        intake: hrefs.province('intake'),
        rollup: hrefs.province('rollup'),
        provinceReport: hrefs.province('report'),
        modelsPick: hrefs.province('report', MODELS_PICK_ID),
        modelsEdit: (id) => hrefs.step(id, 'models'),
        modelsReview: (id) => hrefs.review(id, 'models'),
        report: hrefs.report,
        review: (id) => hrefs.review(id),
        unit: (key) => hrefs.province('unit', key),
        version: (id) => hrefs.province('version', id),
      }}
      renderVersion={(version, template) => (
        <ReceivedVersionView version={version} template={template} documentId={route.documentId} />
      )}
    />
  );
}
