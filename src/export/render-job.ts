// One export's rendering, as the worker (render-worker.ts) runs it: the PDF through the
// shared jsPDF writer (the one `npm run pdf` uses), the Word copy through the docx
// writer, each loaded on first use (they pull in jsPDF, docx and the fonts).
import type { ReportFile } from '@/domain/report/report-schema';
import { cachedImport } from '@/lib/retry-import';
import type * as DocxWriterChunk from './docx/docx-writer.chunk';
import type * as BrowserPdfChunk from './pdf/browser-pdf.chunk';
import type { RenderInput } from './render-input';

// A writer chunk that cannot be loaded (offline before it was cached) is retried at once,
// then reported by its name, which the export buttons tell apart from a failed render.
const named = (name: string) => (cause: unknown) =>
  Object.assign(new Error(`the ${name} could not be loaded`, { cause }), { name });
const loadPdf = cachedImport(
  (): Promise<typeof BrowserPdfChunk> => import('./pdf/browser-pdf.chunk'),
  named('PdfChunkLoadError'),
  0,
);
const loadDocx = cachedImport(
  (): Promise<typeof DocxWriterChunk> => import('./docx/docx-writer.chunk'),
  named('DocxChunkLoadError'),
  0,
);

// The PDF embeds the report file; the Word copy does not.
export type RenderRequest =
  | { kind: 'pdf'; input: RenderInput & { reportFile: ReportFile } }
  | { kind: 'docx'; input: RenderInput };
// What the person sees move: the layout, then each page drawn (PDF), then the file.
export type RenderProgress =
  { stage: 'layout' } | { stage: 'page'; page: number; pages: number } | { stage: 'file' };
export type RenderResult = {
  bytes: Uint8Array;
  isDraft: boolean;
  replacedCharacters: string[];
};

export async function runRenderJob(
  request: RenderRequest,
  onProgress: (progress: RenderProgress) => void,
): Promise<RenderResult> {
  onProgress({ stage: 'layout' });
  if (request.kind === 'pdf') {
    const { renderInBrowser } = await loadPdf();
    const result = await renderInBrowser(request.input, onProgress);
    return {
      bytes: result.bytes,
      isDraft: result.isDraft,
      replacedCharacters: result.replacedCharacters,
    };
  }
  const { createReportDocx } = await loadDocx();
  const result = await createReportDocx(request.input, onProgress);
  return { bytes: result.bytes, isDraft: result.isDraft, replacedCharacters: [] };
}
