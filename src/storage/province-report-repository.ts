// The province's own report: a stored report like any other (reports, answers), and the
// snapshot of the consolidation its appendix was made from, kept with the office's
// settings under `snapshot:<reportId>` (read through the domain's schema). Creating the
// report and updating its appendix write the answers and the snapshot together.
import type { AnswerValue } from '@/domain/report/answer-kinds';
import { appendixSnapshotSchema, type AppendixSnapshot } from '@/domain/rollup/province-report';
import type { SoKetDatabase } from './db';
import { createReport, saveAnswers, type NewReport } from './report-repository';
import type { StoredReport } from './restore';

const snapshotKey = (reportId: string) => `snapshot:${reportId}`;

export async function getProvinceSnapshot(
  db: SoKetDatabase,
  reportId: string,
): Promise<AppendixSnapshot | null> {
  const row = await db.provinceSettings.get(snapshotKey(reportId));
  const parsed = appendixSnapshotSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function createProvinceReport(
  db: SoKetDatabase,
  report: NewReport,
  snapshot: AppendixSnapshot,
): Promise<StoredReport> {
  const checked = appendixSnapshotSchema.parse(snapshot);
  return db.transaction('rw', [db.reports, db.answers, db.provinceSettings], async () => {
    const stored = await createReport(db, report);
    await db.provinceSettings.put({ key: snapshotKey(report.id), value: checked });
    return stored;
  });
}

// Replaces the report's appendix with the snapshot's tables, and its snapshot; the charts
// the office chose stay.
export async function updateProvinceAppendix(
  db: SoKetDatabase,
  snapshot: AppendixSnapshot,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.reports, db.answers, db.provinceSettings], async () => {
    const held = await getProvinceSnapshot(db, snapshot.reportId);
    const checked = appendixSnapshotSchema.parse(
      held?.charts ? { ...snapshot, charts: held.charts } : snapshot,
    );
    await saveAnswers(
      db,
      checked.reportId,
      new Map<string, AnswerValue>(Object.entries(checked.tables)),
      now,
    );
    await db.provinceSettings.put({ key: snapshotKey(checked.reportId), value: checked });
  });
}

// The indicators the report charts (the snapshot keeps them); false when the report has no
// snapshot (nothing is written).
export async function saveProvinceCharts(
  db: SoKetDatabase,
  reportId: string,
  charts: readonly string[],
): Promise<boolean> {
  return db.transaction('rw', [db.provinceSettings], async () => {
    const held = await getProvinceSnapshot(db, reportId);
    if (!held) return false;
    const checked = appendixSnapshotSchema.parse({ ...held, charts: [...charts] });
    await db.provinceSettings.put({ key: snapshotKey(reportId), value: checked });
    return true;
  });
}
