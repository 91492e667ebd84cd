// "Xuất PDF": reads the report on the page, renders it in a Web Worker (render-in-worker.ts:
// progress, "Hủy"; the worker loads the PDF chunk and fonts, precached with the app) and
// downloads the file.
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { downloadFile } from '@/lib/download';
import { getDatabase } from '@/storage/db';
import { markExported } from '@/storage/report-repository';
import { readExportInput } from '../export-input';
import { renderInWorker, type RenderOptions } from '../render-in-worker';

export type PdfExport = {
  fileName: string;
  isDraft: boolean;
  replacedCharacters: string[];
  missingPhotos: number;
  bytes: Uint8Array;
};

// Renders a document of the report (the review report by default) as PDF without saving
// it (for sharing by email).
export async function renderReportPdfFile(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
  options: RenderOptions = {},
): Promise<PdfExport> {
  const { input, fileName, missingPhotos } = await readExportInput(reportId, now, documentId);
  const result = await renderInWorker({ kind: 'pdf', input }, options);
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
  options: RenderOptions = {},
): Promise<PdfExport> {
  const result = await renderReportPdfFile(reportId, now, documentId, options);
  downloadFile(result.fileName, result.bytes as Uint8Array<ArrayBuffer>, 'application/pdf');
  await markExported(getDatabase(), reportId, now.toISOString());
  return result;
}
