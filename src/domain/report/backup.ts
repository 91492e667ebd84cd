// The backup file: every report file in one JSON document, and the reminder rule.
import { z } from 'zod';
import { outboxEntrySchema, type OutboxEntry } from '@/domain/outbox/outbox-entry';
import { officeBackupSchema, type OfficeBackup } from '@/domain/rollup/received';
import { isoTimeSchema, reportFileSchema, type ReportFile } from './report-schema';

export { BACKUP_REMINDER_DAYS, needsBackupReminder } from './backup-reminder';

export const BACKUP_FORMAT = 'so-ket/backup';
// 2: its report files carry their photos (report file version 2). Version 1 backups are
// still read.
// 3: the province office's data (`office`: received versions, expected units, accepted
// versions, settings). Written only when there is office data, so that a backup of a
// unit's reports stays version 2 and an older app still restores it; an older app
// refuses a version 3 backup rather than dropping the office's data unsaid.
// 4: the reports' submissions (`submissions`: their outbox entries, each with its frozen
// body, state and receipt), so a restored report keeps its history ("Lần nộp 1", the
// receipt) and knows what it last submitted ("Nội dung không đổi so với lần nộp 1").
// Written only when some report was submitted, for the same reason as version 3.
export const BACKUP_VERSION = 4;

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(BACKUP_VERSION)]),
  exportedAt: isoTimeSchema,
  reports: z.array(reportFileSchema),
  office: officeBackupSchema.optional(),
  submissions: z.array(outboxEntrySchema).optional(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

// `submissions`: the outbox entries of the reports in the backup (others are left out).
export function buildBackupFile(
  reports: ReportFile[],
  exportedAt: string,
  office: OfficeBackup | null = null,
  submissions: readonly OutboxEntry[] = [],
): BackupFile {
  const ids = new Set(reports.map((file) => file.report.id));
  const history = submissions.filter((entry) => ids.has(entry.reportId));
  const version = history.length > 0 ? BACKUP_VERSION : office ? 3 : 2;
  return {
    format: BACKUP_FORMAT,
    version,
    exportedAt,
    reports,
    ...(office ? { office } : {}),
    ...(history.length > 0 ? { submissions: history } : {}),
  };
}

// The first report whose submission history in a backup does not hold together (valid
// in shape, but an entry names a report the backup lacks, or another report in its body
// or receipt, or an entry's id or a report's revision number comes twice). Returns the
// report's id, or '' when the entry names no report of the backup; null when all is well.
export function submissionHistoryProblem(backup: BackupFile): string | null {
  const ids = new Set(backup.reports.map((file) => file.report.id));
  const entryIds = new Set<string>();
  const revisions = new Set<string>();
  for (const entry of backup.submissions ?? []) {
    if (!ids.has(entry.reportId)) return '';
    const revision = `${entry.reportId}\n${entry.revision}`;
    if (
      entry.body.report.id !== entry.reportId ||
      (entry.receipt !== null && entry.receipt.reportId !== entry.reportId) ||
      entryIds.has(entry.id) ||
      revisions.has(revision)
    )
      return entry.reportId;
    entryIds.add(entry.id);
    revisions.add(revision);
  }
  return null;
}

// Named after the day on the user's clock (before 07:00 in Việt Nam the UTC date is
// still the day before).
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sao-luu-so-ket-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
