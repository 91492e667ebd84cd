// What every export of a stored report starts from: the report, its template and
// answers, and the file name (the PDF's, with the format's extension).
import type { DateValue } from '@/domain/report/answer-kinds';
import type { Answers } from '@/domain/report/answers';
import type { Template } from '@/domain/template/template-schema';
import { getDatabase } from '@/storage/db';
import { getAnswers, getReport } from '@/storage/report-repository';
import { loadTemplates } from '@/templates/load-templates';
import { pdfFileName } from './pdf/pdf-file-name';

export type ExportInput = {
  input: { template: Template; answers: Answers; unitName: string; title: string };
  fileName: (extension: 'pdf' | 'docx') => string;
};

export async function readExportInput(reportId: string, now: Date): Promise<ExportInput> {
  const db = getDatabase();
  const loaded = await getReport(db, reportId);
  if (loaded.status !== 'ok') throw new Error(`report ${reportId} cannot be read`);
  const { findTemplate } = await loadTemplates();
  const template = findTemplate(loaded.report.templateId, loaded.report.templateVersion);
  if (!template) throw new Error(`template ${loaded.report.templateId} is unknown`);
  const { answers } = await getAnswers(db, reportId);
  const dateField = template.documentFields.date;
  const pdfName = pdfFileName(
    template.exportFilePrefix,
    loaded.report.unit.name,
    dateField ? (answers[dateField] as DateValue | undefined) : undefined,
    now,
  );
  return {
    input: { template, answers, unitName: loaded.report.unit.name, title: loaded.report.name },
    fileName: (extension) => pdfName.replace(/\.pdf$/, `.${extension}`),
  };
}
