// The one door between IndexedDB and the rest of the app: every record read passes
// here (zod parse, defaults, forward migration). A record that fails is returned as
// damaged with its raw data, never thrown, so one bad record cannot break a list.
import { z } from 'zod';
import { storedAnswerValueSchema, type AnswerValue } from '@/domain/report/answer-kinds';
import { isoTimeSchema, reportMetaSchema } from '@/domain/report/report-schema';

export const REPORT_RECORD_VERSION = 1;

export const storedReportSchema = reportMetaSchema.extend({
  recordVersion: z.literal(REPORT_RECORD_VERSION),
  deletedAt: isoTimeSchema.nullable().default(null),
  // When the report was last exported to a file (later: submitted); for backup reminders.
  lastExportedAt: isoTimeSchema.nullable().default(null),
  // The first change not yet exported or submitted (null: none, or not known).
  changedSince: isoTimeSchema.nullable().default(null),
  // The last submission revision put in the outbox (0: never submitted).
  submittedRevision: z.number().int().nonnegative().default(0),
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

export type RestoredAnswers = {
  answers: Record<string, AnswerValue>;
  damaged: { fieldId: string; raw: unknown }[];
};

export function restoreAnswers(
  rows: readonly { fieldId: string; value: unknown }[],
): RestoredAnswers {
  const result: RestoredAnswers = { answers: {}, damaged: [] };
  for (const row of rows) {
    // Without the file bounds: a value the app stored is shown with its error, never hidden.
    const parsed = storedAnswerValueSchema.safeParse(row.value);
    if (parsed.success) result.answers[row.fieldId] = parsed.data;
    else result.damaged.push({ fieldId: row.fieldId, raw: row.value });
  }
  return result;
}
