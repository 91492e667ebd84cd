// "Xuất PDF": reads the report, loads the PDF chunk on first use (cached; a failed load
// is retried once, then reported), renders and downloads the file.
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { downloadFile } from '@/lib/download';
import { cachedImport } from '@/lib/retry-import';
import { getDatabase } from '@/storage/db';
import { markExported } from '@/storage/report-repository';
import { readExportInput } from '../export-input';
import type * as BrowserPdfChunk from './browser-pdf.chunk';

export class PdfChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('the PDF chunk could not be loaded', { cause });
    this.name = 'PdfChunkLoadError';
  }
}

// Retried at once (no pause): the user is waiting on the button.
const loadChunk = cachedImport(
  (): Promise<typeof BrowserPdfChunk> => import('./browser-pdf.chunk'),
  (error) => new PdfChunkLoadError(error),
  0,
);

export type PdfExport = {
  fileName: string;
  isDraft: boolean;
  replacedCharacters: string[];
  missingPhotos: number;
  bytes: Uint8Array;
};

// Renders what readExportInput (or a received report file) gives, in the PDF chunk.
export async function renderPdf(
  input: Parameters<typeof BrowserPdfChunk.renderInBrowser>[0],
): Promise<Awaited<ReturnType<typeof BrowserPdfChunk.renderInBrowser>>> {
  const { renderInBrowser } = await loadChunk();
  return renderInBrowser(input);
}

// Renders a document of the report (the review report by default) as PDF without saving
// it (for sharing by email).
export async function renderReportPdfFile(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
): Promise<PdfExport> {
  const { input, fileName, missingPhotos } = await readExportInput(reportId, now, documentId);
  const result = await renderPdf(input);
  return {
    fileName: fileName('pdf'),
    isDraft: result.isDraft,
    replacedCharacters: result.replacedCharacters,
    missingPhotos,
    bytes: result.bytes,
  };
}

export async function exportReportPdf(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
): Promise<PdfExport> {
  const result = await renderReportPdfFile(reportId, now, documentId);
  downloadFile(result.fileName, result.bytes as Uint8Array<ArrayBuffer>, 'application/pdf');
  await markExported(getDatabase(), reportId, now.toISOString());
  return result;
}
