// Reads a report file for rendering: JSON, the file schema, a template this app has,
// answers that fit it. Shared by the Node command and the app's import paths.
import { z } from 'zod';
import { normalizeAnswers, type Answers } from '@/domain/report/answers';
import { base64ToBytes } from '@/domain/report/base64';
import {
  answerProblemPath,
  answersAgainstTemplate,
  reportFileSchema,
  type ReportFile,
} from '@/domain/report/report-schema';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import type { Template } from '@/domain/template/template-schema';
import { vi } from '@/i18n/vi-report';
import { documentPhotoIds, type PhotoAsset, type RenderInput } from '../render-input';
import { embeddedReportOf } from './embedded-report-data';

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
      message: vi.cli.badAnswers(
        problems.map((p) => `${answerProblemPath(p)} (${p.problem})`).join(', '),
      ),
    };
  }
  // Printed normalised; the file itself is kept as read (the PDF embeds it byte for byte).
  return { ok: true, file, template, answers: normalizeAnswers(template, file.answers) };
}

// What the writers render of a read report file: one of its documents, with the photos
// the file carries (base64). A photo the file lacks, or whose data does not decode,
// prints as missing.
export function reportFileRenderInput(
  read: Extract<ReportFileInput, { ok: true }>,
  documentId: string = MAIN_DOCUMENT,
): RenderInput {
  const needed = new Set(documentPhotoIds(read.template, read.answers, documentId));
  const photos = new Map<string, PhotoAsset>();
  for (const photo of read.file.photos) {
    if (!needed.has(photo.id) || photos.has(photo.id) || !photo.data) continue;
    try {
      photos.set(photo.id, {
        width: photo.width,
        height: photo.height,
        bytes: base64ToBytes(photo.data),
      });
    } catch {
      // Left out: printed as a missing photo.
    }
  }
  return {
    template: read.template,
    answers: read.answers,
    unitName: read.file.report.unit.name,
    title: read.file.report.name,
    documentId,
    photos,
  };
}

// What `npm run pdf` renders: reportFileRenderInput with the report file the PDF embeds.
export async function reportFilePdfInput(
  read: Extract<ReportFileInput, { ok: true }>,
  documentId: string = MAIN_DOCUMENT,
): Promise<RenderInput> {
  return {
    ...reportFileRenderInput(read, documentId),
    embeddedReport: await embeddedReportOf(read.file),
  };
}

// The documents a template makes: the review report and its other documents.
export function documentIds(template: Template): string[] {
  return [MAIN_DOCUMENT, ...template.documents.map((document) => document.id)];
}
