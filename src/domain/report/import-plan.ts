// Reading a report file or a backup file for "Khôi phục", and planning what it would do.
// Everything is validated before anything is written; a bad file gets one specific
// reason (the UI words it) and changes nothing.
import type { z } from 'zod';
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import type { OfficeBackup } from '@/domain/rollup/received';
import type { Template } from '@/domain/template/template-schema';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileSchema,
  submissionHistoryProblem,
} from './backup';
import {
  answerProblemPath,
  answersAgainstTemplate,
  REPORT_FILE_FORMAT,
  REPORT_FILE_VERSION,
  reportFileSchema,
  type ReportFile,
} from './report-schema';
import { normalizeAnswers } from './answers';
import { normalizeText } from './text';
import {
  checkPhotoList,
  checkPhotoListWithoutBytes,
  decodeReportPhotos,
  type BytesSha256,
} from './report-photos';

// Photos make backups large: a report with 20 photos is about 8 MB, and a backup of a
// unit's reports tens of MB. Reading a file holds it about three times over at the peak
// (the text, the parsed JSON, the decoded photos), so 150 MB (some 400 photos) is as far
// as a phone's browser tab can safely go; a bigger backup is restored report by report.
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

export type ImportProblem =
  | { code: 'tooLarge' }
  | { code: 'notJson' }
  | { code: 'notOurs' }
  | { code: 'newerVersion'; version: number }
  | { code: 'unknownTemplate'; reportName: string; templateId: string; templateVersion: number }
  | { code: 'invalidReport'; reportName: string | null; field: string }
  | { code: 'duplicateReport'; reportName: string }
  // A photo the answers refer to is not in the file, or its bytes are not what the file
  // says (unreadable base64, another length or SHA-256).
  | { code: 'missingPhoto'; reportName: string }
  | { code: 'damagedPhoto'; reportName: string }
  // A version 4 backup whose submission history is damaged (null: it names no report).
  | { code: 'damagedHistory'; reportName: string | null }
  // A backup whose province report state (appendix snapshot, model picks) is damaged.
  | { code: 'damagedProvinceReport' };

export type ParsedImport =
  // `office`: the province office's data a backup carries (version 3), if any;
  // `submissions`: the reports' submission history a backup carries (version 4), if any.
  | {
      ok: true;
      kind: 'report' | 'backup';
      reports: ReportFile[];
      office: OfficeBackup | null;
      submissions: OutboxEntry[];
    }
  | { ok: false; problem: ImportProblem };

function nameOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'report' in raw) {
    const report = (raw as { report: unknown }).report;
    if (
      report &&
      typeof report === 'object' &&
      'name' in report &&
      typeof report.name === 'string'
    ) {
      return report.name.slice(0, 200);
    }
  }
  return null;
}

function pathOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? issue.path.map(String).join('.') || '(gốc)' : '';
}

// A report file that fails the schema in its photo list has a damaged photo.
function invalidReport(reportName: string | null, field: string): ImportProblem {
  return /^photos(\.|$)/.test(field) && reportName !== null
    ? { code: 'damagedPhoto', reportName }
    : { code: 'invalidReport', reportName, field };
}

// `photoBytes: 'left out'` reads the report file a PDF embeds: its photos are listed
// by SHA-256 without their bytes, which is not damage there.
export function parseImport(
  text: string,
  sizeBytes: number,
  findTemplate: (id: string, version: number) => Template | undefined,
  { photoBytes = 'required' }: { photoBytes?: 'required' | 'left out' } = {},
): ParsedImport {
  if (sizeBytes > MAX_IMPORT_BYTES) return { ok: false, problem: { code: 'tooLarge' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, problem: { code: 'notOurs' } };
  const { format, version } = json as { format?: unknown; version?: unknown };
  const kind =
    format === BACKUP_FORMAT ? 'backup' : format === REPORT_FILE_FORMAT ? 'report' : null;
  if (!kind) return { ok: false, problem: { code: 'notOurs' } };
  const known = kind === 'backup' ? BACKUP_VERSION : REPORT_FILE_VERSION;
  if (typeof version === 'number' && version > known) {
    return { ok: false, problem: { code: 'newerVersion', version } };
  }
  let reports: ReportFile[];
  let office: OfficeBackup | null = null;
  let submissions: OutboxEntry[] = [];
  if (kind === 'backup') {
    const parsed = backupFileSchema.safeParse(json);
    if (!parsed.success && parsed.error.issues[0]?.path[0] === 'submissions') {
      const index = parsed.error.issues[0].path[1];
      const entry =
        typeof index === 'number'
          ? (json as { submissions?: unknown[] }).submissions?.[index]
          : undefined;
      return { ok: false, problem: damagedHistory(json, entry) };
    }
    const where = parsed.error?.issues[0]?.path;
    if (where?.[0] === 'office' && where[1] === 'provinceReports')
      return { ok: false, problem: { code: 'damagedProvinceReport' } };
    if (!parsed.success) {
      const index = parsed.error.issues[0]?.path[1];
      const raw =
        typeof index === 'number' ? (json as { reports?: unknown[] }).reports?.[index] : undefined;
      const path = pathOf(parsed.error).replace(/^reports\.\d+\.?/, '');
      return { ok: false, problem: invalidReport(nameOf(raw), path || '(gốc)') };
    }
    const historyProblem = submissionHistoryProblem(parsed.data);
    if (historyProblem !== null)
      return { ok: false, problem: damagedHistory(parsed.data, { reportId: historyProblem }) };
    reports = parsed.data.reports;
    office = parsed.data.office ?? null;
    submissions = parsed.data.submissions ?? [];
  } else {
    const parsed = reportFileSchema.safeParse(json);
    if (!parsed.success) {
      return { ok: false, problem: invalidReport(nameOf(json), pathOf(parsed.error)) };
    }
    reports = [parsed.data];
  }
  const seen = new Set<string>();
  for (const file of reports) {
    if (seen.has(file.report.id))
      return { ok: false, problem: { code: 'duplicateReport', reportName: file.report.name } };
    seen.add(file.report.id);
    // The template, the answers and the photo list, in that order.
    const problem = reportFileProblem(file, findTemplate, photoBytes);
    if (problem) return { ok: false, problem };
  }
  return {
    ok: true,
    kind,
    reports: reports.map((file) => normalizeReportFile(file, findTemplate)),
    office,
    submissions,
  };
}

// Names the report a damaged history entry belongs to, when the backup has it.
function damagedHistory(backup: unknown, entry: unknown): ImportProblem {
  const reportId = (entry as { reportId?: unknown } | null | undefined)?.reportId;
  const reports = (backup as { reports?: unknown }).reports;
  const file =
    typeof reportId === 'string' && Array.isArray(reports)
      ? reports.find(
          (raw) => (raw as { report?: { id?: unknown } } | null)?.report?.id === reportId,
        )
      : undefined;
  return { code: 'damagedHistory', reportName: nameOf(file) };
}

// The first reason a report file (valid in shape) cannot be taken in, checked against the
// template it names: the same check for import and the server (which receives the photos
// apart, so the photo data is checked by each door itself).
export function reportFileProblem(
  file: ReportFile,
  findTemplate: (id: string, version: number) => Template | undefined,
  photoBytes: 'required' | 'left out' = 'required',
): ImportProblem | null {
  const template = findTemplate(file.report.templateId, file.report.templateVersion);
  if (!template) {
    return {
      code: 'unknownTemplate',
      reportName: file.report.name,
      templateId: file.report.templateId,
      templateVersion: file.report.templateVersion,
    };
  }
  const problem = answersAgainstTemplate(template, file.answers)[0];
  if (problem) {
    return {
      code: 'invalidReport',
      reportName: file.report.name,
      field: answerProblemPath(problem),
    };
  }
  const photoProblem =
    photoBytes === 'required' ? checkPhotoList(file) : checkPhotoListWithoutBytes(file);
  return photoProblem ? { code: photoProblem.code, reportName: file.report.name } : null;
}

// The file with every text normalised (normalizeText) the way the editor stores it.
export function normalizeReportFile(
  file: ReportFile,
  findTemplate: (id: string, version: number) => Template | undefined,
): ReportFile {
  const template = findTemplate(file.report.templateId, file.report.templateVersion);
  if (!template) return file;
  return {
    ...file,
    report: { ...file.report, name: normalizeText(file.report.name) },
    answers: normalizeAnswers(template, file.answers),
  };
}

// The second, slower half of reading a file: decodes every photo the reports need and
// checks its SHA-256 (the bytes are let go; applying the import decodes them again, so
// they are not held while the user chooses).
export async function verifyImportPhotos(
  reports: readonly ReportFile[],
  sha256: BytesSha256,
): Promise<ImportProblem | null> {
  for (const file of reports) {
    const decoded = await decodeReportPhotos(file, sha256);
    if (!decoded.ok) return { code: decoded.problem.code, reportName: file.report.name };
  }
  return null;
}

export type ImportChoice = 'import' | 'replace' | 'keepBoth' | 'skip';

export type PlanItem = {
  file: ReportFile;
  // What is on the device with the same id.
  existing: { name: string; updatedAt: string } | null;
  comparison: 'new' | 'fileNewer' | 'fileOlder' | 'same';
  choice: ImportChoice;
};

// Defaults: new reports are imported; an existing one is replaced when the file's copy
// is newer, else skipped. The user can change every choice.
export function planImport(
  reports: readonly ReportFile[],
  existing: ReadonlyMap<string, { name: string; updatedAt: string }>,
): PlanItem[] {
  return reports.map((file) => {
    const current = existing.get(file.report.id) ?? null;
    if (!current) return { file, existing: null, comparison: 'new', choice: 'import' };
    // By instant, not by text: a file's times may carry an offset (+07:00).
    const fileTime = Date.parse(file.report.updatedAt);
    const deviceTime = Date.parse(current.updatedAt);
    const comparison =
      // An unreadable time on the device (a damaged record) counts as older.
      Number.isNaN(deviceTime) || fileTime > deviceTime
        ? 'fileNewer'
        : fileTime < deviceTime
          ? 'fileOlder'
          : 'same';
    return {
      file,
      existing: current,
      comparison,
      choice: comparison === 'fileNewer' ? 'replace' : 'skip',
    };
  });
}

export function summarizePlan(plan: readonly PlanItem[]) {
  return {
    new: plan.filter((item) => item.comparison === 'new').length,
    fileNewer: plan.filter((item) => item.comparison === 'fileNewer').length,
    fileOlder: plan.filter((item) => item.comparison === 'fileOlder').length,
    same: plan.filter((item) => item.comparison === 'same').length,
  };
}
