// What the report list reads and writes, behind the restore step: the repositories and
// the schemas they parse with (zod). The list loads this module when it first reads,
// so the first screen paints before it (load-list-store.ts).
import type { Answers } from '@/domain/report/answers';
import type { SoKetDatabase } from '@/storage/db';
import { listOutbox } from '@/storage/outbox-repository';
import { listReports } from '@/storage/report-repository';

export { requiredProgress } from '@/domain/report/progress';
export {
  deleteReportForever,
  rawReportData,
  renameReport,
  untrashReport,
} from '@/storage/report-repository';

export async function loadList(db: SoKetDatabase) {
  const list = await listReports(db);
  const rows = await db.answers.toArray();
  const answersByReport = new Map<string, Answers>();
  for (const row of rows) {
    const answers = answersByReport.get(row.reportId) ?? {};
    answers[row.fieldId] = row.value as Answers[string];
    answersByReport.set(row.reportId, answers);
  }
  const outbox = await listOutbox(db);
  return { ...list, answersByReport, outbox };
}

export type ListData = Awaited<ReturnType<typeof loadList>>;
