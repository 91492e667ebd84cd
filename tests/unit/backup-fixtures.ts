// Reports for the backup and restore tests: the fixture report files, written to a
// fake-indexeddb database the way the app writes them (createReport, then saveAnswers),
// and the whole "Khôi phục" flow as the Settings screen runs it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import {
  parseImport,
  planImport,
  type ImportChoice,
  type ParsedImport,
  type PlanItem,
} from '@/domain/report/import-plan';
import { reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { vi } from '@/i18n/vi-report';
import { SoKetDatabase } from '@/storage/db';
import { applyImport, existingReports, type ImportResult } from '@/storage/import-repository';
import { createReport, saveAnswers } from '@/storage/report-repository';
import { findTemplate } from '@/templates/template-registry';

export type FixtureName = 'full' | 'largest' | 'draft';

export function readFixtureFile(name: FixtureName): ReportFile {
  const path = fileURLToPath(new URL(`../fixtures/reports/${name}.json`, import.meta.url));
  return reportFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

// Databases opened by a test, closed and deleted after it.
export function testDatabases(prefix: string) {
  let counter = 0;
  const open: SoKetDatabase[] = [];
  const names = new Set<string>();
  return {
    open(name = `${prefix}-${++counter}`): SoKetDatabase {
      const db = new SoKetDatabase(name);
      open.push(db);
      names.add(name);
      return db;
    },
    async removeAll(): Promise<void> {
      for (const db of open.splice(0)) db.close();
      for (const name of names) await Dexie.delete(name);
      names.clear();
    },
  };
}

// Creates a report from a fixture's answers: a few at creation, the rest saved later in
// two batches (so revision is 2, as after real editing).
export async function seedReport(
  db: SoKetDatabase,
  file: ReportFile,
  options: { id?: string; name?: string; createdAt: string; updatedAt: string },
): Promise<string> {
  const id = options.id ?? file.report.id;
  const entries = Object.entries(file.answers);
  const half = Math.ceil(entries.length / 2);
  await createReport(db, {
    id,
    name: options.name ?? file.report.name,
    unit: file.report.unit,
    templateId: file.report.templateId,
    templateVersion: file.report.templateVersion,
    answers: Object.fromEntries(entries.slice(0, 3)),
    now: options.createdAt,
  });
  await saveAnswers(db, id, new Map(entries.slice(3, half)), options.createdAt);
  await saveAnswers(db, id, new Map(entries.slice(half)), options.updatedAt);
  return id;
}

// Every row of the reports and answers tables, in key order.
export async function snapshot(db: SoKetDatabase) {
  return { reports: await db.reports.toArray(), answers: await db.answers.toArray() };
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function parseText(text: string): ParsedImport {
  return parseImport(text, byteLength(text), findTemplate);
}

export async function planFor(db: SoKetDatabase, reports: readonly ReportFile[]) {
  return planImport(
    reports,
    await existingReports(
      db,
      reports.map((file) => file.report.id),
    ),
  );
}

// What "Khôi phục" does: read, plan with the defaults (or the given choices), apply.
export async function restoreText(
  db: SoKetDatabase,
  text: string,
  choose: (item: PlanItem) => ImportChoice = (item) => item.choice,
  newId = () => 'copy-id',
): Promise<{ plan: PlanItem[]; result: ImportResult }> {
  const parsed = parseText(text);
  if (!parsed.ok) throw new Error(`rejected: ${JSON.stringify(parsed.problem)}`);
  const plan = (await planFor(db, parsed.reports)).map((item) => ({
    ...item,
    choice: choose(item),
  }));
  const result = await applyImport(db, plan, {
    newId,
    copyName: vi.restore.copyName,
    submissions: parsed.submissions,
  });
  return { plan, result };
}
