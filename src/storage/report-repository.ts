// Reports and answers in IndexedDB. Every read goes through ./restore.ts. Writes are
// small transactions: answers field by field, metadata by modify, so concurrent tabs
// only ever race on the same field, where the later write wins.
import type { Answers } from '@/domain/report/answers';
import {
  photoIdsInValue,
  replacePhotoIds,
  type AnswerValue,
  type ReportUnit,
} from '@/domain/report/answer-kinds';
import { newId } from '@/lib/ids';
import type { ReportFile, ReportMeta } from '@/domain/report/report-schema';
import { hasTable, type SoKetDatabase } from './db';
import { reportFileWithPhotos } from './photo-file-repository';
import { copyPhotos, deletePhotosOfReport } from './photo-repository';
import {
  REPORT_RECORD_VERSION,
  restoreAnswers,
  restoreReport,
  type DamagedReport,
  type RestoredAnswers,
  type StoredReport,
} from './restore';
import { listReports } from './stored-report';

export const TRASH_DAYS = 30;

// The list's read: ./stored-report.ts (it loads with the list, before this module).
export { listReports, type ReportList } from './stored-report';

export type LoadedReport =
  | { status: 'ok'; report: StoredReport }
  | { status: 'damaged'; damaged: DamagedReport }
  | { status: 'missing' };

export async function getReport(db: SoKetDatabase, id: string): Promise<LoadedReport> {
  const row = await db.reports.get(id);
  if (row === undefined) return { status: 'missing' };
  const restored = restoreReport(row);
  return restored.ok
    ? { status: 'ok', report: restored.value }
    : { status: 'damaged', damaged: restored.damaged };
}

export async function getAnswers(db: SoKetDatabase, reportId: string): Promise<RestoredAnswers> {
  const rows = await db.answers.where('reportId').equals(reportId).toArray();
  return restoreAnswers(rows);
}

export type NewReport = {
  id: string;
  name: string;
  unit: ReportUnit;
  templateId: string;
  templateVersion: number;
  answers: Answers;
  now: string;
};

export async function createReport(db: SoKetDatabase, input: NewReport): Promise<StoredReport> {
  const report: StoredReport = {
    recordVersion: REPORT_RECORD_VERSION,
    id: input.id,
    name: input.name,
    unit: input.unit,
    templateId: input.templateId,
    templateVersion: input.templateVersion,
    createdAt: input.now,
    updatedAt: input.now,
    revision: 0,
    deletedAt: null,
    lastExportedAt: null,
    changedSince: input.now,
    submittedRevision: 0,
  };
  await db.transaction('rw', db.reports, db.answers, async () => {
    await db.reports.add(report);
    await db.answers.bulkPut(answerRows(input.id, input.answers, input.now));
  });
  return report;
}

export function answerRows(reportId: string, answers: Answers, now: string) {
  return Object.entries(answers).map(([fieldId, value]) => ({
    reportId,
    fieldId,
    value,
    updatedAt: now,
  }));
}

function nextRevision(record: Record<string, unknown>): number {
  return (
    (typeof record.revision === 'number' && Number.isFinite(record.revision)
      ? record.revision
      : 0) + 1
  );
}

export class ReportMissingError extends Error {
  constructor(id: string) {
    super(`report ${id} does not exist`);
    this.name = 'ReportMissingError';
  }
}

// Writes the changed fields only, and bumps the report's revision and time in the
// same transaction.
export async function saveAnswers(
  db: SoKetDatabase,
  reportId: string,
  changes: ReadonlyMap<string, AnswerValue>,
  now: string,
): Promise<void> {
  await db.transaction('rw', db.reports, db.answers, async () => {
    const updated = await db.reports
      .where('id')
      .equals(reportId)
      .modify((record) => {
        record.updatedAt = now;
        record.revision = nextRevision(record);
        record.changedSince ??= now;
      });
    if (updated === 0) throw new ReportMissingError(reportId);
    await db.answers.bulkPut(
      [...changes].map(([fieldId, value]) => ({ reportId, fieldId, value, updatedAt: now })),
    );
  });
}

// Applies journal entries (answer-journal.ts) that are at least as new as the stored
// answer: typed, then the page went before IndexedDB had them. An entry as old as the
// stored answer wins the tie: under a frozen clock both carry the same time, and an
// entry only stays journaled while its commit is not confirmed. Returns how many
// fields it wrote.
export async function applyJournal(
  db: SoKetDatabase,
  reportId: string,
  entries: ReadonlyMap<string, { at: string; value: AnswerValue }>,
  now: string,
): Promise<number> {
  if (entries.size === 0) return 0;
  return db.transaction('rw', db.reports, db.answers, async () => {
    if (!(await db.reports.get(reportId))) return 0;
    const fieldIds = [...entries.keys()];
    const rows = await db.answers.bulkGet(fieldIds.map((fieldId) => [reportId, fieldId]));
    const newer = fieldIds.filter((fieldId, index) => {
      const stored = rows[index]?.updatedAt;
      return typeof stored !== 'string' || entries.get(fieldId)!.at >= stored;
    });
    if (newer.length === 0) return 0;
    await saveAnswers(
      db,
      reportId,
      new Map(newer.map((fieldId) => [fieldId, entries.get(fieldId)!.value])),
      now,
    );
    return newer.length;
  });
}

async function modifyReport(
  db: SoKetDatabase,
  id: string,
  change: (record: Record<string, unknown>) => void,
) {
  const updated = await db.reports
    .where('id')
    .equals(id)
    .modify((record) => change(record));
  if (updated === 0) throw new ReportMissingError(id);
}

export async function renameReport(
  db: SoKetDatabase,
  id: string,
  name: string,
  now: string,
): Promise<void> {
  await modifyReport(db, id, (record) => {
    record.name = name;
    record.updatedAt = now;
    record.revision = nextRevision(record);
    record.changedSince ??= now;
  });
}

export async function trashReport(db: SoKetDatabase, id: string, now: string): Promise<void> {
  await modifyReport(db, id, (record) => {
    record.deletedAt = now;
  });
}

export async function untrashReport(db: SoKetDatabase, id: string): Promise<void> {
  await modifyReport(db, id, (record) => {
    record.deletedAt = null;
  });
}

export async function markExported(db: SoKetDatabase, id: string, now: string): Promise<void> {
  await modifyReport(db, id, (record) => {
    record.lastExportedAt = now;
    record.changedSince = null;
  });
}

// With its answers and photos.
export async function deleteReportForever(db: SoKetDatabase, id: string): Promise<void> {
  const tables = hasTable(db, 'photos')
    ? [db.reports, db.answers, db.photos]
    : [db.reports, db.answers];
  await db.transaction('rw', tables, async () => {
    await db.answers.where('reportId').equals(id).delete();
    await deletePhotosOfReport(db, id);
    await db.reports.delete(id);
  });
}

// Removes reports that have been in the trash longer than TRASH_DAYS.
export async function purgeTrash(db: SoKetDatabase, now: Date): Promise<number> {
  const cutoff = now.getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000;
  const { reports } = await listReports(db);
  const expired = reports.filter((r) => r.deletedAt !== null && Date.parse(r.deletedAt) < cutoff);
  for (const report of expired) await deleteReportForever(db, report.id);
  return expired.length;
}

// The copy gets its own copies of the photos its answers refer to, under new ids, so
// deleting a photo of one report never touches the other.
export async function duplicateReport(
  db: SoKetDatabase,
  id: string,
  copy: { id: string; name: string; now: string; newId?: () => string },
): Promise<StoredReport> {
  const tables = hasTable(db, 'photos')
    ? [db.reports, db.answers, db.photos]
    : [db.reports, db.answers];
  return db.transaction('rw', tables, async () => {
    const loaded = await getReport(db, id);
    if (loaded.status !== 'ok') throw new ReportMissingError(id);
    const { answers } = await getAnswers(db, id);
    const photoIds = photoIdsInValue(Object.values(answers));
    const map = await copyPhotos(db, id, copy.id, photoIds, copy.newId ?? newId, copy.now);
    return createReport(db, {
      id: copy.id,
      name: copy.name,
      unit: loaded.report.unit,
      templateId: loaded.report.templateId,
      templateVersion: loaded.report.templateVersion,
      answers: replacePhotoIds(structuredClone(answers), map),
      now: copy.now,
    });
  });
}

export function reportMeta(report: StoredReport): ReportMeta {
  return {
    id: report.id,
    name: report.name,
    unit: report.unit,
    templateId: report.templateId,
    templateVersion: report.templateVersion,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    revision: report.revision,
  };
}

// With the photos its answers refer to, as base64.
export async function exportReportFile(
  db: SoKetDatabase,
  id: string,
  now: string,
): Promise<ReportFile> {
  const loaded = await getReport(db, id);
  if (loaded.status !== 'ok') throw new ReportMissingError(id);
  const { answers } = await getAnswers(db, id);
  return reportFileWithPhotos(db, reportMeta(loaded.report), answers, now);
}

// Everything stored for a report, unparsed: the way out for a damaged record.
export async function rawReportData(db: SoKetDatabase, id: string | null): Promise<unknown> {
  if (id === null) return null;
  const [report, answers] = await Promise.all([
    db.reports.get(id),
    db.answers.where('reportId').equals(id).toArray(),
  ]);
  return { report, answers };
}

// Every report outside the trash as report files (with their photos), and marks them
// exported.
export async function exportAllReports(db: SoKetDatabase, now: string): Promise<ReportFile[]> {
  const { reports } = await listReports(db);
  const files: ReportFile[] = [];
  for (const report of reports.filter((r) => r.deletedAt === null)) {
    files.push(await exportReportFile(db, report.id, now));
  }
  await db.transaction('rw', db.reports, async () => {
    for (const file of files) await markExported(db, file.report.id, now);
  });
  return files;
}
