// What the report list reads and writes, behind the restore step. The list loads this
// module when it first reads, so the first screen paints before it (load-list-store.ts);
// Dexie and the database come with it.
// Its first read needs no more than zod/mini (stored-report.ts): the outbox's schemas
// (zod's classic build) load only when the outbox holds something to check, and the
// writes' module (report-repository.ts) when the user first acts (issue 18).
import type { Answers } from '@/domain/report/answers';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { cachedImport } from '@/lib/retry-import';
import { getDatabase, hasTable, type SoKetDatabase } from '@/storage/db';
import { watchQuery } from '@/storage/live-query';
import { listReports } from '@/storage/stored-report';

export { getDatabase };

const writes = cachedImport(() => import('@/storage/report-repository'));
const outboxChecks = cachedImport(() => import('@/storage/outbox-repository'));

export async function renameReport(db: SoKetDatabase, id: string, name: string, now: string) {
  return (await writes()).renameReport(db, id, name, now);
}

export async function untrashReport(db: SoKetDatabase, id: string) {
  return (await writes()).untrashReport(db, id);
}

export async function deleteReportForever(db: SoKetDatabase, id: string) {
  return (await writes()).deleteReportForever(db, id);
}

export async function rawReportData(db: SoKetDatabase, id: string | null) {
  return (await writes()).rawReportData(db, id);
}

export async function loadList(db: SoKetDatabase) {
  const list = await listReports(db);
  const rows = await db.answers.toArray();
  const answersByReport = new Map<string, Answers>();
  for (const row of rows) {
    const answers = answersByReport.get(row.reportId) ?? {};
    answers[row.fieldId] = row.value as Answers[string];
    answersByReport.set(row.reportId, answers);
  }
  // The last read of this live query: the import that may follow reads nothing more.
  const outboxRows: unknown[] = hasTable(db, 'outbox') ? await db.outbox.toArray() : [];
  const outbox: OutboxEntry[] =
    outboxRows.length === 0 ? [] : (await outboxChecks()).restoreOutbox(outboxRows);
  return { ...list, answersByReport, outbox };
}

export type ListData = Awaited<ReturnType<typeof loadList>>;

// The list, read again whenever a table it reads changes (a Dexie live query).
export function watchList(
  next: (data: ListData) => void,
  fail: (error: unknown) => void,
): () => void {
  return watchQuery(() => loadList(getDatabase()), next, fail);
}
