// The province's own reports' state in backups: each report's appendix snapshot
// (`snapshot:<reportId>`) and the office's picks of units' models (`models:<reportId>`),
// both kept in `provinceSettings`. Restoring adds what the device lacks and never drops
// what is here: a snapshot goes in where the device has none for that report or holds an
// older one (by the time it was taken), picks where the device has none; only for a
// report the device has (the backup's reports are restored first).
import { appendixSnapshotSchema } from '@/domain/rollup/province-report';
import {
  provinceReportStateSchema,
  type ProvinceReportState,
} from '@/domain/rollup/province-report-state';
import type { SoKetDatabase } from './db';
import { getModelPicks } from './province-models-repository';
import { getProvinceSnapshot } from './province-report-repository';

const PREFIXES = ['snapshot:', 'models:'] as const;

// Every province report with a readable snapshot or picks, by report id.
export async function exportProvinceReportStates(
  db: SoKetDatabase,
): Promise<ProvinceReportState[]> {
  const keys = (await db.provinceSettings.toCollection().primaryKeys()).filter((key) =>
    PREFIXES.some((prefix) => key.startsWith(prefix)),
  );
  const reportIds = [...new Set(keys.map((key) => key.slice(key.indexOf(':') + 1)))].sort();
  const states: ProvinceReportState[] = [];
  for (const reportId of reportIds) {
    const snapshot = await getProvinceSnapshot(db, reportId);
    const modelPicks = await getModelPicks(db, reportId);
    if (snapshot === null && modelPicks.length === 0) continue;
    states.push(provinceReportStateSchema.parse({ reportId, snapshot, modelPicks }));
  }
  return states;
}

// Runs inside the caller's transaction (reports and provinceSettings).
export async function restoreProvinceReportStates(
  db: SoKetDatabase,
  states: readonly ProvinceReportState[],
): Promise<void> {
  for (const { reportId, snapshot, modelPicks } of states) {
    if (!(await db.reports.get(reportId))) continue;
    if (snapshot) {
      const here = appendixSnapshotSchema.safeParse(
        (await db.provinceSettings.get(`snapshot:${reportId}`))?.value,
      );
      if (!here.success || here.data.takenAt < snapshot.takenAt)
        await db.provinceSettings.put({ key: `snapshot:${reportId}`, value: snapshot });
    }
    if (modelPicks.length > 0 && (await getModelPicks(db, reportId)).length === 0)
      await db.provinceSettings.put({
        key: `models:${reportId}`,
        value: { reportId, picks: modelPicks },
      });
  }
}
