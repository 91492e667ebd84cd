// Applies a planned import in one transaction: every chosen change lands, or none.
import type { ImportChoice } from '@/domain/report/import-plan';
import { REPORT_NAME_MAX, type ReportFile } from '@/domain/report/report-schema';
import type { SoKetDatabase } from './db';
import { REPORT_RECORD_VERSION, type StoredReport } from './restore';

export type ImportResult = { imported: number; replaced: number; copied: number; skipped: number };

export async function existingReports(db: SoKetDatabase, ids: readonly string[]) {
  const rows = await db.reports.bulkGet([...ids]);
  const map = new Map<string, { name: string; updatedAt: string }>();
  rows.forEach((row, index) => {
    if (row)
      map.set(ids[index]!, {
        name: String(row.name ?? ''),
        updatedAt: String(row.updatedAt ?? ''),
      });
  });
  return map;
}

export async function applyImport(
  db: SoKetDatabase,
  items: readonly { file: ReportFile; choice: ImportChoice }[],
  options: { newId: () => string; copyName: (name: string) => string },
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, replaced: 0, copied: 0, skipped: 0 };
  // The copy's name must stay a valid name: shorten the original so the suffix fits.
  const suffixLength = options.copyName('').length;
  const copyName = (name: string) =>
    options.copyName(name.slice(0, Math.max(0, REPORT_NAME_MAX - suffixLength)));
  await db.transaction('rw', db.reports, db.answers, async () => {
    for (const { file, choice } of items) {
      if (choice === 'skip') {
        result.skipped += 1;
        continue;
      }
      const meta = file.report;
      const existing = await db.reports.get(meta.id);
      const id = choice === 'keepBoth' ? options.newId() : meta.id;
      if (choice === 'import' && existing) throw new Error(`report ${meta.id} appeared meanwhile`);
      if (choice === 'replace') await db.answers.where('reportId').equals(id).delete();
      const record: StoredReport = {
        ...meta,
        id,
        name: choice === 'keepBoth' ? copyName(meta.name) : meta.name,
        recordVersion: REPORT_RECORD_VERSION,
        deletedAt: null,
        // It came from a file: nothing in it is only on this device.
        changedSince: null,
        lastExportedAt:
          choice === 'replace' && typeof existing?.lastExportedAt === 'string'
            ? existing.lastExportedAt
            : null,
        submittedRevision:
          choice === 'replace' && typeof existing?.submittedRevision === 'number'
            ? existing.submittedRevision
            : 0,
      };
      await db.reports.put(record);
      await db.answers.bulkPut(
        Object.entries(file.answers).map(([fieldId, value]) => ({
          reportId: id,
          fieldId,
          value,
          updatedAt: meta.updatedAt,
        })),
      );
      if (choice === 'replace') result.replaced += 1;
      else if (choice === 'keepBoth') result.copied += 1;
      else result.imported += 1;
    }
  });
  return result;
}
