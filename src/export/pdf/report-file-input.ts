// Reads a report file for rendering: JSON, the file schema, a template this app has,
// answers that fit it. Shared by the Node command and the app's import paths.
import { z } from 'zod';
import type { Answers } from '@/domain/report/answers';
import {
  answersAgainstTemplate,
  reportFileSchema,
  type ReportFile,
} from '@/domain/report/report-schema';
import type { Template } from '@/domain/template/template-schema';
import { vi } from '@/i18n/vi-report';

export type ReportFileInput =
  | { ok: true; file: ReportFile; template: Template; answers: Answers }
  | { ok: false; message: string };

export function readReportFile(
  text: string,
  source: string,
  findTemplate: (id: string, version: number) => Template | undefined,
): ReportFileInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: vi.cli.notJson(source) };
  }
  const parsed = reportFileSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, message: vi.cli.invalidFile(z.prettifyError(parsed.error)) };
  const file = parsed.data;
  const template = findTemplate(file.report.templateId, file.report.templateVersion);
  if (!template)
    return {
      ok: false,
      message: vi.cli.unknownTemplate(file.report.templateId, file.report.templateVersion),
    };
  const problems = answersAgainstTemplate(template, file.answers);
  if (problems.length > 0) {
    return {
      ok: false,
      message: vi.cli.badAnswers(problems.map((p) => `${p.fieldId} (${p.problem})`).join(', ')),
    };
  }
  return { ok: true, file, template, answers: file.answers };
}
