// "Xuất Word": reads the report on the page, renders it in a Web Worker (render-in-worker.ts:
// progress, "Hủy") and downloads the file under the PDF's name with the .docx extension.
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { downloadFile } from '@/lib/download';
import { getDatabase } from '@/storage/db';
import { markExported } from '@/storage/report-repository';
import { readExportInput } from '../export-input';
import { renderInWorker, type RenderOptions } from '../render-in-worker';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxExport = {
  fileName: string;
  isDraft: boolean;
  missingPhotos: number;
  bytes: Uint8Array;
};

// Renders the Word copy of a document of the report (the review report by default)
// without saving it (for sharing by email).
export async function renderReportDocxFile(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
  options: RenderOptions = {},
): Promise<DocxExport> {
  const { input, fileName, missingPhotos } = await readExportInput(reportId, now, documentId);
  const result = await renderInWorker({ kind: 'docx', input }, options);
  return {
    fileName: fileName('docx'),
    isDraft: result.isDraft,
    missingPhotos,
    bytes: result.bytes,
  };
}

// The Word copy as an e-mail attachment.
export async function reportDocxAttachment(
  reportId: string,
  now: Date,
  documentId: string = MAIN_DOCUMENT,
) {
  const { fileName, bytes } = await renderReportDocxFile(reportId, now, documentId);
  return { name: fileName, type: DOCX_TYPE, bytes };
}

export async function exportReportDocx(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
  options: RenderOptions = {},
): Promise<DocxExport> {
  const result = await renderReportDocxFile(reportId, now, documentId, options);
  downloadFile(result.fileName, result.bytes as Uint8Array<ArrayBuffer>, DOCX_TYPE);
  await markExported(getDatabase(), reportId, now.toISOString());
  return result;
}
