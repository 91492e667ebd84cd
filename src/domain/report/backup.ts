// The backup file: every report file in one JSON document, and the reminder rule.
import { z } from 'zod';
import { officeBackupSchema, type OfficeBackup } from '@/domain/rollup/received';
import { isoTimeSchema, reportFileSchema, type ReportFile } from './report-schema';

export const BACKUP_FORMAT = 'so-ket/backup';
// 2: its report files carry their photos (report file version 2). Version 1 backups are
// still read.
// 3: the province office's data (`office`: received versions, expected units, accepted
// versions, settings). Written only when there is office data, so that a backup of a
// unit's reports stays version 2 and an older app still restores it; an older app
// refuses a version 3 backup rather than dropping the office's data unsaid.
export const BACKUP_VERSION = 3;

export const backupFileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(BACKUP_VERSION)]),
  exportedAt: isoTimeSchema,
  reports: z.array(reportFileSchema),
  office: officeBackupSchema.optional(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export function buildBackupFile(
  reports: ReportFile[],
  exportedAt: string,
  office: OfficeBackup | null = null,
): BackupFile {
  return office
    ? { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, reports, office }
    : { format: BACKUP_FORMAT, version: 2, exportedAt, reports };
}

export const BACKUP_REMINDER_DAYS = 3;

// A report has changes that never left the device (exported, backed up or queued for
// submission) and the oldest of them is more than three days old. `changedSince` is
// that oldest change when the record knows it; older records fall back to "changed
// after the last export, which is more than three days ago".
export function needsBackupReminder(
  report: {
    createdAt: string;
    updatedAt: string;
    lastExportedAt: string | null;
    changedSince?: string | null;
  },
  now: Date,
): boolean {
  const limit = BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
  if (report.changedSince) return now.getTime() - Date.parse(report.changedSince) > limit;
  const since = report.lastExportedAt ?? report.createdAt;
  if (
    report.lastExportedAt !== null &&
    Date.parse(report.updatedAt) <= Date.parse(report.lastExportedAt)
  )
    return false;
  return now.getTime() - Date.parse(since) > limit;
}

// Named after the day on the user's clock (before 07:00 in Việt Nam the UTC date is
// still the day before).
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sao-luu-so-ket-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
