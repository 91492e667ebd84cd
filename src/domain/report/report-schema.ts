// The stored report and the report file. The file format is an interface (the PDF
// command and backups read it): keep it stable and bump its version on any change.
import { z } from 'zod';
import { SHA256_PATTERN } from '@/domain/outbox/canonical-json';
import type { Template } from '@/domain/template/template-schema';
import { answerValueSchema, photoIdSchema } from './answer-kinds';
import type { RefusalCode } from './answer-kinds';
import { acceptAnswer, type Answers } from './answers';
import { isoTimeSchema, reportMetaSchema, type ReportMeta } from './report-meta';
import { safeKeySchema } from './safe-key';

// The metadata's schemas live in ./report-meta.ts (zod/mini, for the list's first read).
export {
  isoTimeSchema,
  REPORT_NAME_MAX,
  reportMetaSchema,
  reportUnitSchema,
  type ReportMeta,
} from './report-meta';

export const answersSchema = z.record(safeKeySchema, answerValueSchema);

export const REPORT_FILE_FORMAT = 'so-ket/report';
// 2: photos. Version 1 files (no photos) are still read.
export const REPORT_FILE_VERSION = 2;

export const sha256Schema = z.string().regex(SHA256_PATTERN);

// A photo an answer refers to. In a file kept by the user (report file, backup) `data`
// carries the JPEG as base64, and `thumb` its thumbnail; in a submission both are left
// out: the photos go ahead as separate uploads, named by their SHA-256.
export const photoFileSchema = z.object({
  id: photoIdSchema,
  sha256: sha256Schema,
  type: z.literal('image/jpeg'),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
  size: z.number().int().nonnegative(),
  data: z.base64().optional(),
  thumb: z.base64().optional(),
});
export type PhotoFile = z.infer<typeof photoFileSchema>;

export const reportFileSchema = z
  .object({
    format: z.literal(REPORT_FILE_FORMAT),
    version: z.union([z.literal(1), z.literal(REPORT_FILE_VERSION)]),
    exportedAt: isoTimeSchema,
    report: reportMetaSchema,
    answers: answersSchema,
    photos: z.array(photoFileSchema).max(5000).default([]),
    // A submission the unit sent knowing required items were missing (it was asked).
    incomplete: z.boolean().optional(),
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
  photos: PhotoFile[] = [],
): ReportFile {
  return {
    format: REPORT_FILE_FORMAT,
    version: REPORT_FILE_VERSION,
    exportedAt,
    report,
    answers,
    photos,
  };
}

// Where in the answers a problem is: the field id, then inside it (an entry's field).
export type AnswerProblem = { fieldId: string; problem: RefusalCode; path: string };

// Answers the app would refuse to take in, checked against the template the report names
// by every door (import, the PDF command, the server): a field the template does not
// have, a value of the wrong shape, or one the editor could never store (acceptAnswer).
export function answersAgainstTemplate(template: Template, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const criteria = new Map(
    template.steps.flatMap((step) => step.criteria.map((c) => [c.id, c] as const)),
  );
  for (const [fieldId, value] of Object.entries(answers)) {
    const criterion = criteria.get(fieldId);
    const refusal = criterion
      ? acceptAnswer(criterion, value)
      : { code: 'unknownField' as const, path: '' };
    if (refusal) problems.push({ fieldId, problem: refusal.code, path: refusal.path });
  }
  return problems;
}

// "answers.models.2.values.name": where a problem is, as import messages name it.
export function answerProblemPath(problem: AnswerProblem): string {
  return ['answers', problem.fieldId, problem.path].filter(Boolean).join('.');
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
