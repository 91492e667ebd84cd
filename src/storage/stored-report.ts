// How a stored report is checked on its way out of IndexedDB (zod parse, defaults,
// forward migration): the list's first read needs nothing more, so this is built with
// zod/mini and loads before the rest of the schemas (issue 18). ./restore.ts re-exports
// it for every other reader.
import { z } from 'zod/mini';
import { isoTimeSchema, reportMetaSchema } from '@/domain/report/report-meta';
import type { SoKetDatabase } from './db';

export const REPORT_RECORD_VERSION = 1;

export const storedReportSchema = z.extend(reportMetaSchema, {
  recordVersion: z.literal(REPORT_RECORD_VERSION),
  deletedAt: z._default(z.nullable(isoTimeSchema), null),
  // When the report was last exported to a file (later: submitted); for backup reminders.
  lastExportedAt: z._default(z.nullable(isoTimeSchema), null),
  // The first change not yet exported or submitted (null: none, or not known).
  changedSince: z._default(z.nullable(isoTimeSchema), null),
  // The last submission revision put in the outbox (0: never submitted).
  submittedRevision: z._default(z.int().check(z.nonnegative()), 0),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export type DamagedReport = { id: string | null; raw: unknown; reason: string };

export type Restored<T> = { ok: true; value: T } | { ok: false; damaged: DamagedReport };

// Forward migrations of report records, keyed by the version they upgrade from.
// Version 1 is the first; add `1: (raw) => …` when version 2 exists.
const reportMigrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> =
  {};

function recordId(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return null;
}

export function restoreReport(raw: unknown): Restored<StoredReport> {
  if (!raw || typeof raw !== 'object') {
    return { ok: false, damaged: { id: null, raw, reason: 'not an object' } };
  }
  let record = raw as Record<string, unknown>;
  let version =
    typeof record.recordVersion === 'number' ? record.recordVersion : REPORT_RECORD_VERSION;
  while (version < REPORT_RECORD_VERSION) {
    const migrate = reportMigrations[version];
    if (!migrate) break;
    record = migrate(record);
    version += 1;
  }
  const parsed = storedReportSchema.safeParse({ recordVersion: REPORT_RECORD_VERSION, ...record });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, damaged: { id: recordId(raw), raw, reason: z.prettifyError(parsed.error) } };
}

export type ReportList = { reports: StoredReport[]; damaged: DamagedReport[] };

// Every report, newest change first; the ones that fail their check apart, with their raw data.
export async function listReports(db: SoKetDatabase): Promise<ReportList> {
  const rows = await db.reports.toArray();
  const list: ReportList = { reports: [], damaged: [] };
  for (const row of rows) {
    const restored = restoreReport(row);
    if (restored.ok) list.reports.push(restored.value);
    else list.damaged.push(restored.damaged);
  }
  list.reports.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return list;
}
