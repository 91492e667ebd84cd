// "Xuất PDF" and "Xuất Word" of a report file the province office received: rendered from
// the file itself (its answers, and its photos where the file carries them), never from
// the reports on this device. The PDF embeds the file again, so its fingerprint is the
// one the unit's own PDF printed. Nothing is stored. Rendered in the export worker
// (render-in-worker.ts: progress, "Hủy").
import { normalizeAnswers } from '@/domain/report/answers';
import type { ReportFile } from '@/domain/report/report-schema';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { downloadFile } from '@/lib/download';
import { loadTemplates } from '@/templates/load-templates';
import { DOCX_TYPE } from './docx/export-report-docx';
import { documentFileName } from './export-input';
import { reportFileRenderInput } from './pdf/report-file-input';
import { renderInWorker, type RenderOptions } from './render-in-worker';
import { documentPhotoIds } from './render-input';

export type ReceivedExport = {
  fileName: string;
  isDraft: boolean;
  replacedCharacters?: string[];
  missingPhotos: number;
};

export async function exportReceivedFile(
  file: ReportFile,
  kind: 'pdf' | 'docx',
  now = new Date(),
  documentId: string = MAIN_DOCUMENT,
  options: RenderOptions = {},
): Promise<ReceivedExport> {
  const { findTemplate } = await loadTemplates();
  const template = findTemplate(file.report.templateId, file.report.templateVersion);
  if (!template) throw new Error(`template ${file.report.templateId} is unknown`);
  const answers = normalizeAnswers(template, file.answers);
  const input = reportFileRenderInput({ ok: true, file, template, answers }, documentId);
  const missingPhotos =
    documentPhotoIds(template, answers, documentId).length - (input.photos?.size ?? 0);
  const pdfName = documentFileName(template, documentId, file.report.unit.name, answers, now);
  if (kind === 'pdf') {
    const result = await renderInWorker(
      { kind: 'pdf', input: { ...input, reportFile: file } },
      options,
    );
    downloadFile(pdfName, result.bytes as Uint8Array<ArrayBuffer>, 'application/pdf');
    return {
      fileName: pdfName,
      isDraft: result.isDraft,
      replacedCharacters: result.replacedCharacters,
      missingPhotos,
    };
  }
  const fileName = pdfName.replace(/\.pdf$/, '.docx');
  const result = await renderInWorker({ kind: 'docx', input }, options);
  downloadFile(fileName, result.bytes as Uint8Array<ArrayBuffer>, DOCX_TYPE);
  return { fileName, isDraft: result.isDraft, missingPhotos };
}
