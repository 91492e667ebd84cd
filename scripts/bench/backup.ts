// "Sao lưu tất cả" and "Khôi phục" with 50 full reports (full.json's answers, appendix
// included), in Node on fake-indexeddb: the app's repositories and schemas over an
// in-memory IndexedDB, so the figures are our code's cost more than a disk's.
//   backup-50-export: exportAllReports + buildBackupFile + JSON.stringify
//   backup-50-import: parseImport + planImport + applyImport into an empty database
// Median of 3 runs each.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Dexie from 'dexie';
import { buildBackupFile } from '@/domain/report/backup';
import { parseImport, planImport } from '@/domain/report/import-plan';
import { reportFileSchema } from '@/domain/report/report-schema';
import { vi } from '@/i18n/vi-report';
import { SoKetDatabase } from '@/storage/db';
import { applyImport, existingReports } from '@/storage/import-repository';
import { createReport, exportAllReports, listReports } from '@/storage/report-repository';
import { findTemplate } from '@/templates/template-registry';
import { median } from './stats';
import type { BenchResult } from './types';

const REPORTS = 50;
const RUNS = 3;
const FIXTURE = 'tests/fixtures/reports/full.json';
const NOW = '2024-05-10T02:41:00.000Z';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function fill(db: SoKetDatabase): Promise<void> {
  const full = reportFileSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  for (let i = 1; i <= REPORTS; i += 1) {
    await createReport(db, {
      ...full.report,
      id: `bench-report-${i}`,
      name: `${full.report.name} (${i})`,
      answers: structuredClone(full.answers),
      now: full.report.updatedAt,
    });
  }
}

export async function run(): Promise<BenchResult[]> {
  // Dexie reads IndexedDB from the global when it loads: in case it loaded first.
  Object.assign(Dexie.dependencies, { indexedDB, IDBKeyRange });
  const source = new SoKetDatabase('bench-backup-source');
  await fill(source);
  const exports: number[] = [];
  const imports: number[] = [];
  let text = '';
  for (let i = 0; i < RUNS; i += 1) {
    const exported = await timed(async () => {
      const files = await exportAllReports(source, NOW);
      return `${JSON.stringify(buildBackupFile(files, NOW), null, 2)}\n`;
    });
    exports.push(exported.ms);
    text = exported.value;

    const name = `bench-backup-target-${i}`;
    const target = new SoKetDatabase(name);
    await target.open();
    const imported = await timed(async () => {
      const parsed = parseImport(text, Buffer.byteLength(text, 'utf8'), findTemplate);
      if (!parsed.ok) throw new Error(`the backup was refused: ${parsed.problem.code}`);
      const ids = parsed.reports.map((file) => file.report.id);
      const plan = planImport(parsed.reports, await existingReports(target, ids));
      return applyImport(target, plan, { newId: () => 'unused', copyName: vi.restore.copyName });
    });
    imports.push(imported.ms);
    const { reports, damaged } = await listReports(target);
    if (imported.value.imported !== REPORTS || reports.length !== REPORTS || damaged.length > 0)
      throw new Error(`imported ${reports.length} reports, ${damaged.length} damaged`);
    target.close();
    await Dexie.delete(name);
  }
  source.close();
  await Dexie.delete('bench-backup-source');
  return [
    { name: 'backup-50-export', value: Math.round(median(exports)), unit: 'ms' },
    { name: 'backup-50-import', value: Math.round(median(imports)), unit: 'ms' },
  ];
}
