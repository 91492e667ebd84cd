// The province's own report as the office's screens see it: the newest one not in the
// trash, the snapshot its appendix holds, the snapshot the consolidation would give now,
// and what changed between them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  snapshotChanges,
  takeSnapshot,
  type AppendixSnapshot,
  type SnapshotChanges,
} from '@/domain/rollup/province-report';
import type { AcceptedVersion, ReceivedVersion } from '@/domain/rollup/received';
import type { Rollup } from '@/domain/rollup/rollup';
import { coverageLine } from '@/i18n/vi-province';
import { getDatabase } from '@/storage/db';
import { getProvinceSnapshot } from '@/storage/province-report-repository';
import { listReports } from '@/storage/report-repository';
import type { StoredReport } from '@/storage/restore';
import { findProvinceTemplate } from '@/templates/template-registry';
import { officeTemplate } from './use-office';

export const provinceTemplate = findProvinceTemplate(officeTemplate)!;

// The snapshot the consolidation gives now, for the report `reportId`.
export function currentSnapshot(
  reportId: string,
  rollup: Rollup,
  versions: readonly ReceivedVersion[],
  accepted: readonly AcceptedVersion[],
  takenAt: string,
): AppendixSnapshot {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const acceptedOf = new Map(accepted.map((a) => [a.unitKey, a.versionId]));
  return takeSnapshot({
    reportId,
    rollup,
    source: coverageLine(rollup.coverage),
    takenAt,
    charts: officeTemplate.provinceLevel?.charts ?? [],
    versionOf: (unitKey) => {
      const version = byId.get(acceptedOf.get(unitKey) ?? '');
      return version ? { versionId: version.id, fingerprint: version.fingerprint } : undefined;
    },
  });
}

export type ProvinceReportState = {
  report: StoredReport;
  held: AppendixSnapshot | null;
  now: AppendixSnapshot;
  changes: SnapshotChanges | null;
};

// The report to follow: `reportId` when given, else the newest province report.
export function useProvinceReport(
  rollup: Rollup,
  versions: readonly ReceivedVersion[],
  accepted: readonly AcceptedVersion[],
  reportId?: string,
): ProvinceReportState | null | undefined {
  const loaded = useLiveQuery(async () => {
    const db = getDatabase();
    const { reports } = await listReports(db);
    const report = reports.find(
      (r) =>
        r.templateId === provinceTemplate.id &&
        r.deletedAt === null &&
        (reportId === undefined || r.id === reportId),
    );
    if (!report) return null;
    return { report, held: await getProvinceSnapshot(db, report.id) };
  }, [reportId]);
  return useMemo(() => {
    if (!loaded) return loaded;
    const now = currentSnapshot(
      loaded.report.id,
      rollup,
      versions,
      accepted,
      new Date().toISOString(),
    );
    return {
      ...loaded,
      now,
      changes: loaded.held ? snapshotChanges(provinceTemplate, loaded.held, now) : null,
    };
  }, [loaded, rollup, versions, accepted]);
}
