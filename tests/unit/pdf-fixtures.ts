// The report files in tests/fixtures/reports/ read as the `npm run pdf` command reads
// them, for the PDF tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answers } from '@/domain/report/answers';
import type { RenderInput } from '@/export/pdf/pdf-writer.chunk';
import { readReportFile } from '@/export/pdf/report-file-input';
import { findTemplate } from '@/templates/template-registry';

export type FixtureName = 'full' | 'largest' | 'draft';

export function fixturePath(name: FixtureName): string {
  return fileURLToPath(new URL(`../fixtures/reports/${name}.json`, import.meta.url));
}

export function loadFixture(name: FixtureName, overrides: Answers = {}): RenderInput {
  const path = fixturePath(name);
  const read = readReportFile(readFileSync(path, 'utf8'), path, findTemplate);
  if (!read.ok) throw new Error(`${name}.json: ${read.message}`);
  return {
    template: read.template,
    answers: { ...read.answers, ...overrides },
    unitName: read.file.report.unit.name,
    title: read.file.report.name,
  };
}
