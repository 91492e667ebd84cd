// "Xuất PDF" and "Xuất Word" of another document of the report (the summary of good
// models and effective practices, with the list of materials as its appendix), for the
// page that shows that document. app/ composes it with the page.
import { vi } from '@/i18n/vi-report';
import { ExportButtons, type DocumentWords, type ExportRenderer } from './export-buttons';

const words = vi.modelsDocument.export;
const MODELS_WORDS: DocumentWords = {
  pdf: {
    export: words.pdf,
    exporting: words.exporting,
    exported: words.exported,
    draftNote: words.draftNote,
    failed: words.failed,
  },
  docx: {
    export: words.docx,
    exporting: words.exporting,
    exported: words.exported,
    draftNote: words.draftNote,
    failed: words.failed,
  },
  missingPhotos: words.missingPhotos,
};

export function DocumentExportButtons({
  reportId,
  documentId,
  beforeExport,
  render,
}: {
  reportId: string;
  documentId: string;
  beforeExport?: () => Promise<void>;
  render?: ExportRenderer;
}) {
  return (
    <section className="document-export" aria-label={words.heading}>
      <ExportButtons
        reportId={reportId}
        documentId={documentId}
        words={MODELS_WORDS}
        {...(beforeExport ? { beforeExport } : {})}
        {...(render ? { render } : {})}
      />
    </section>
  );
}
