// When the report list reminds the unit to back a report up: a pure rule without zod,
// so the first screen can apply it before any schema loads.
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
