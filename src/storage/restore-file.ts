// "Khôi phục" without the screen: what Settings' restore panel runs, and what the tests
// drive with damaged files. Reading checks the whole file (its text, then every photo's
// bytes) and plans it against the device; applying writes the plan in one transaction
// (applyImport, with the submission history of a version 4 backup), then the province
// office's data a version 3 backup carries.
import {
  parseImport,
  planImport,
  verifyImportPhotos,
  type ImportProblem,
  type PlanItem,
} from '@/domain/report/import-plan';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import type { OfficeBackup } from '@/domain/rollup/received';
import { findTemplate } from '@/templates/template-registry';
import type { SoKetDatabase } from './db';
import { applyImport, existingReports, type ImportResult } from './import-repository';
import { bytesSha256 } from './photo-file-repository';
import { restoreOffice } from './province-repository';

export type RestoreRead =
  | {
      ok: true;
      plan: PlanItem[];
      office: OfficeBackup | null;
      // The submission history of a version 4 backup, restored with its reports.
      submissions: OutboxEntry[];
    }
  | { ok: false; problem: ImportProblem };

// `text` is the file's text ('' when `sizeBytes` is over the limit: it is not read).
// `onCheckingPhotos` is called before the photos' bytes are checked (that takes a while).
export async function readRestoreFile(
  db: SoKetDatabase,
  text: string,
  sizeBytes: number,
  onCheckingPhotos: () => void = () => undefined,
): Promise<RestoreRead> {
  const parsed = parseImport(text, sizeBytes, findTemplate);
  if (!parsed.ok) return parsed;
  if (parsed.reports.some((report) => report.photos.length > 0)) {
    onCheckingPhotos();
    const problem = await verifyImportPhotos(parsed.reports, bytesSha256);
    if (problem) return { ok: false, problem };
  }
  const existing = await existingReports(
    db,
    parsed.reports.map((r) => r.report.id),
  );
  return {
    ok: true,
    plan: planImport(parsed.reports, existing),
    office: parsed.office,
    submissions: parsed.submissions,
  };
}

export async function applyRestore(
  db: SoKetDatabase,
  plan: readonly PlanItem[],
  office: OfficeBackup | null,
  options: Parameters<typeof applyImport>[2],
): Promise<ImportResult> {
  const result = await applyImport(db, plan, options);
  if (office) await restoreOffice(db, office);
  return result;
}
