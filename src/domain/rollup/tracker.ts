// The tracker: one row per expected unit, whether and when it sent its report, against
// the deadline. Deadlines are dates in Việt Nam: "by 08/09" means received on or before
// that date in ICT. A receipt's day is the office's (the date an email arrived) or the
// server's receipt time in ICT, never the sender's clock.
import { evaluateAppendix } from '@/domain/appendix/evaluate';
import { requiredProgress } from '@/domain/report/progress';
import type { Template } from '@/domain/template/template-schema';
import type { AcceptedVersion, ExpectedUnit, ReceiptKind, ReceivedVersion } from './received';

const ICT_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// The ICT calendar date of an instant.
export function ictDate(instant: Date): string {
  return new Date(instant.getTime() + ICT_OFFSET_MS).toISOString().slice(0, 10);
}

// Whole days from one date to a later one (negative when earlier).
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type TrackerStatus = 'notReceived' | 'onTime' | 'late' | 'corrected';

export type TrackerRow = {
  unit: ExpectedUnit;
  status: TrackerStatus;
  // Days after the deadline the first version arrived (0 when on time).
  daysLate: number;
  firstReceivedOn: string | null;
  // Every way its versions came, first arrival first.
  kinds: ReceiptKind[];
  versions: ReceivedVersion[];
  latest: ReceivedVersion | null;
  accepted: ReceivedVersion | null;
  // A version received after the accepted one, waiting to be looked at.
  hasNewerThanAccepted: boolean;
  // Of the latest version.
  required: { done: number; total: number } | null;
  appendix: { errors: number; warnings: number } | null;
};

export function firstReceipt(version: ReceivedVersion): string {
  return version.sources.reduce(
    (first, source) => (source.receivedOn < first ? source.receivedOn : first),
    version.sources[0]!.receivedOn,
  );
}

// Versions in the order they arrived (by receipt day, then by the report's own revision).
export function byArrival(a: ReceivedVersion, b: ReceivedVersion): number {
  const day = firstReceipt(a).localeCompare(firstReceipt(b));
  if (day !== 0) return day;
  return a.file.report.revision - b.file.report.revision;
}

export function trackerRows(
  template: Template | ((version: ReceivedVersion) => Template | undefined),
  units: readonly ExpectedUnit[],
  versions: readonly ReceivedVersion[],
  accepted: readonly AcceptedVersion[],
  unitDeadline: string,
): TrackerRow[] {
  const templateOf = typeof template === 'function' ? template : () => template;
  return [...units]
    .sort((a, b) => a.order - b.order)
    .map((unit) => {
      const own = versions.filter((v) => v.unitKey === unit.key).sort(byArrival);
      const acceptedId = accepted.find((a) => a.unitKey === unit.key)?.versionId;
      const acceptedVersion = own.find((v) => v.id === acceptedId) ?? null;
      const latest = own[own.length - 1] ?? null;
      const first = own[0] ? firstReceipt(own[0]) : null;
      const daysLate = first === null ? 0 : Math.max(0, daysBetween(unitDeadline, first));
      const status: TrackerStatus =
        first === null
          ? 'notReceived'
          : own.length > 1
            ? 'corrected'
            : daysLate > 0
              ? 'late'
              : 'onTime';
      const kinds = [
        ...new Set(
          own.flatMap((v) =>
            [...v.sources]
              .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
              .map((s) => s.kind),
          ),
        ),
      ];
      let required: TrackerRow['required'] = null;
      let appendix: TrackerRow['appendix'] = null;
      const latestTemplate = latest ? templateOf(latest) : undefined;
      if (latest && latestTemplate) {
        const progress = requiredProgress(latestTemplate, latest.file.answers);
        required = { done: progress.requiredDone, total: progress.requiredTotal };
        const issues = evaluateAppendix(latestTemplate, latest.file.answers).issues;
        appendix = {
          errors: issues.filter((i) => i.severity === 'error').length,
          warnings: issues.filter((i) => i.severity === 'warning').length,
        };
      }
      const acceptedIndex = acceptedVersion ? own.indexOf(acceptedVersion) : -1;
      return {
        unit,
        status,
        daysLate,
        firstReceivedOn: first,
        kinds,
        versions: own,
        latest,
        accepted: acceptedVersion,
        hasNewerThanAccepted: acceptedIndex >= 0 && acceptedIndex < own.length - 1,
        required,
        appendix,
      };
    });
}
