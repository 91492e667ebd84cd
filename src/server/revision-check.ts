// Everything the server checks in a revision body before it stores it, as one pure
// function of the bytes: bounded pre-scan, JSON, answer count, schema, the report id, the
// template's own import rules, photos listed. It runs in a worker thread
// (revision-check-pool.ts), so the costly part of one unit's bodies never holds the
// event loop that answers everyone else.
import { canonicalReportJson } from '@/domain/outbox/canonical-json';
import { ANSWER_TEXT_BOUND } from '@/domain/report/answer-kinds';
import { normalizeReportFile, reportFileProblem } from '@/domain/report/import-plan';
import { referencedPhotoIds } from '@/domain/report/report-photos';
import { reportFileSchema } from '@/domain/report/report-schema';
import { jsonLimitProblem } from '@/lib/json-limits';
import { findTemplate } from '@/templates/template-registry';
import { invalidReportAt, type ServerErrorCode } from './server-messages';
import { sha256Hex } from './sha256';

// The longest string: an answer's bound with every UTF-16 unit escaped (\uXXXX, 6 bytes).
const REVISION_JSON_LIMITS = {
  maxDepth: 16,
  maxKeys: 20_000,
  maxStringLength: ANSWER_TEXT_BOUND * 6,
};
// A report's answers are keyed by its template's fields (47 today): more than this is
// refused before the schema reads them one by one.
export const MAX_ANSWER_KEYS = 1_000;

export type RevisionCheck =
  | { ok: true; body: string; sha256: string; photoSha256s: string[] }
  | {
      ok: false;
      error: ServerErrorCode;
      // Sent with the error: the places of the first problems, a message naming one.
      details?: { issues: string[]; message?: string };
    };

function answerKeyCount(json: unknown): number {
  if (typeof json !== 'object' || json === null || !('answers' in json)) return 0;
  const answers = json.answers;
  return typeof answers === 'object' && answers !== null ? Object.keys(answers).length : 0;
}

// Every refusal here is a 400 naming the first problem.
export function checkRevision(bytes: Uint8Array, reportId: string): RevisionCheck {
  // Bounded before it is decoded and parsed: a report nests 8 deep and has a few
  // thousand keys.
  const limit = jsonLimitProblem(bytes, REVISION_JSON_LIMITS);
  if (limit) return { ok: false, error: limit };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, error: 'notJson' };
  }
  if (answerKeyCount(json) > MAX_ANSWER_KEYS) return { ok: false, error: 'tooManyKeys' };
  const parsed = reportFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'invalidReport',
      details: { issues: parsed.error.issues.slice(0, 20).map((i) => i.path.join('.')) },
    };
  }
  if (parsed.data.report.id !== reportId) return { ok: false, error: 'idMismatch' };
  // Checked against the template it names, by the app's own import rules: what is
  // accepted here the app can always read and print.
  const problem = reportFileProblem(parsed.data, findTemplate);
  if (problem?.code === 'unknownTemplate') return { ok: false, error: 'unknownTemplate' };
  if (problem?.code === 'invalidReport') {
    return {
      ok: false,
      error: 'invalidReport',
      details: { issues: [problem.field], message: invalidReportAt(problem.field) },
    };
  }
  const file = normalizeReportFile(parsed.data, findTemplate);
  // Every photo the answers show must come with the report, as an uploaded file.
  const listed = new Set(file.photos.map((photo) => photo.id));
  if ([...referencedPhotoIds(file.answers)].some((id) => !listed.has(id))) {
    return { ok: false, error: 'photoNotListed' };
  }
  // The body as validated (the schema's default adds nothing: see canonicalReportJson).
  const body = canonicalReportJson(file);
  return {
    ok: true,
    body,
    sha256: sha256Hex(body),
    photoSha256s: file.photos.map((photo) => photo.sha256),
  };
}
