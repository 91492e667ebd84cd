// The stored report and the report file. The file format is an interface (the PDF
// command and backups read it): keep it stable and bump its version on any change.
import { z } from 'zod';
import type { Template } from '@/domain/template/template-schema';
import { answerValueSchema } from './answer-kinds';
import { readAnswer, type Answers } from './answers';
import { safeKeySchema } from './safe-key';

export const REPORT_NAME_MAX = 200;

export const isoTimeSchema = z.iso.datetime({ offset: true });

export const reportUnitSchema = z.object({
  id: z.string().min(1).max(100).nullable(),
  name: z.string().trim().min(1).max(REPORT_NAME_MAX),
});

export const reportMetaSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(REPORT_NAME_MAX),
  unit: reportUnitSchema,
  templateId: z.string().min(1).max(100),
  templateVersion: z.number().int().positive(),
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  // Counts saved changes to the content: every write of answers, and renames. Moving to
  // and from the trash or exporting does not change it.
  revision: z.number().int().nonnegative(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const answersSchema = z.record(safeKeySchema, answerValueSchema);

export const REPORT_FILE_FORMAT = 'so-ket/report';
export const REPORT_FILE_VERSION = 1;

export const reportFileSchema = z
  .object({
    format: z.literal(REPORT_FILE_FORMAT),
    version: z.literal(REPORT_FILE_VERSION),
    exportedAt: isoTimeSchema,
    report: reportMetaSchema,
    answers: answersSchema,
  })
  .meta({
    title: 'so-ket report file',
    description: 'One report with its answers, as exported by so-ket.',
  });
export type ReportFile = z.infer<typeof reportFileSchema>;

export function buildReportFile(
  report: ReportMeta,
  answers: Answers,
  exportedAt: string,
): ReportFile {
  return { format: REPORT_FILE_FORMAT, version: REPORT_FILE_VERSION, exportedAt, report, answers };
}

export type AnswerProblem = { fieldId: string; problem: 'unknownField' | 'wrongType' };

// Answers that do not fit the template: a field it does not have, or a value of the
// wrong shape for the field's kind.
export function answersAgainstTemplate(template: Template, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const criteria = new Map(
    template.steps.flatMap((step) => step.criteria.map((c) => [c.id, c] as const)),
  );
  for (const [fieldId, value] of Object.entries(answers)) {
    const criterion = criteria.get(fieldId);
    if (!criterion) problems.push({ fieldId, problem: 'unknownField' });
    else if (readAnswer(criterion, value) === undefined)
      problems.push({ fieldId, problem: 'wrongType' });
  }
  return problems;
}

export function reportFileName(report: ReportMeta): string {
  return `bao-cao-${asciiSlug(report.name || report.unit.name) || 'so-ket'}.json`;
}

// Lower-case ASCII words joined by hyphens: "Huyện Đoàn Hồng Dân" → "huyen-doan-hong-dan".
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
