// "Xuất Word": reads the report, loads the Word chunk on first use (cached; a failed load
// is retried once, then reported), renders and downloads the file under the PDF's name
// with the .docx extension.
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { downloadFile } from '@/lib/download';
import { cachedImport } from '@/lib/retry-import';
import { getDatabase } from '@/storage/db';
import { markExported } from '@/storage/report-repository';
import { readExportInput } from '../export-input';
import type * as DocxWriterChunk from './docx-writer.chunk';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export class DocxChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('the Word chunk could not be loaded', { cause });
    this.name = 'DocxChunkLoadError';
  }
}

// Retried at once (no pause): the user is waiting on the button.
const loadChunk = cachedImport(
  (): Promise<typeof DocxWriterChunk> => import('./docx-writer.chunk'),
  (error) => new DocxChunkLoadError(error),
  0,
);

export type DocxExport = {
  fileName: string;
  isDraft: boolean;
  missingPhotos: number;
  bytes: Uint8Array;
};

// Renders what readExportInput (or a received report file) gives, in the Word chunk.
export async function renderDocx(
  input: DocxWriterChunk.DocxInput,
): Promise<DocxWriterChunk.DocxResult> {
  const { createReportDocx } = await loadChunk();
  return createReportDocx(input);
}

// Renders the Word copy of a document of the report (the review report by default)
// without saving it (for sharing by email).
export async function renderReportDocxFile(
  reportId: string,
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
): Promise<DocxExport> {
  const { input, fileName, missingPhotos } = await readExportInput(reportId, now, documentId);
  const result = await renderDocx(input);
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
): Promise<DocxExport> {
  const result = await renderReportDocxFile(reportId, now, documentId);
  downloadFile(result.fileName, result.bytes as Uint8Array<ArrayBuffer>, DOCX_TYPE);
  await markExported(getDatabase(), reportId, now.toISOString());
  return result;
}
