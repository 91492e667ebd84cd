// Filing what the office received: each report file (from a PDF, a .json, a backup or
// the endpoint) becomes a version of a unit's report, keyed by its content. Pure: the
// files are read and hashed by the caller; this decides what each one does, and every
// file gets its own line.
import type { ReportFile } from '@/domain/report/report-schema';
import type { ReceiptSource, ReceivedVersion } from './received';
import { unitKeyOf } from './units';

export type IncomingVersion = {
  // Content hash and printed fingerprint (computed by the caller).
  id: string;
  fingerprint: string;
  file: ReportFile;
  source: ReceiptSource;
};

export type IntakeOutcome =
  // A version not received before; `isCorrection` when the unit already had one.
  | { kind: 'new'; version: ReceivedVersion; isCorrection: boolean }
  // The same content again (by another way, or twice): one more source, no new version.
  | { kind: 'duplicate'; versionId: string; unitName: string; addsSource: boolean }
  // The same report and revision as one already received, with other content.
  | { kind: 'conflict'; unitName: string; reportName: string; revision: number };

export type IntakePlan = {
  outcomes: IntakeOutcome[];
  // Records to write: new versions, and known ones with a source added.
  writes: ReceivedVersion[];
};

// The same version's photos, with the bytes `incoming` carries that `known` lacks (its PDF
// or submission came first; a report file or backup brings them): null when it adds none.
function photosWithBytes(known: ReportFile, incoming: ReportFile): ReportFile['photos'] | null {
  let added = false;
  const photos = known.photos.map((photo) => {
    if (photo.data) return photo;
    const other = incoming.photos.find((p) => p.id === photo.id && p.sha256 === photo.sha256);
    if (!other?.data) return photo;
    added = true;
    return { ...photo, data: other.data, ...(other.thumb ? { thumb: other.thumb } : {}) };
  });
  return added ? photos : null;
}

export function planIntake(
  received: readonly ReceivedVersion[],
  incoming: readonly IncomingVersion[],
): IntakePlan {
  const byId = new Map(received.map((v) => [v.id, v]));
  const changed = new Map<string, ReceivedVersion>();
  const outcomes: IntakeOutcome[] = [];
  const all = () => [...byId.values()];
  for (const item of incoming) {
    const report = item.file.report;
    const unitName = report.unit.name.normalize('NFC');
    const known = byId.get(item.id);
    if (known) {
      const hasSource = known.sources.some(
        (s) => s.kind === item.source.kind && s.name === item.source.name,
      );
      const photos = photosWithBytes(known.file, item.file);
      if (!hasSource || photos) {
        const updated = {
          ...known,
          sources: hasSource ? known.sources : [...known.sources, item.source],
          file: photos ? { ...known.file, photos } : known.file,
        };
        byId.set(item.id, updated);
        changed.set(item.id, updated);
      }
      outcomes.push({ kind: 'duplicate', versionId: item.id, unitName, addsSource: !hasSource });
      continue;
    }
    const unitKey = unitKeyOf(report.unit);
    const sameRevision = all().find(
      (v) => v.file.report.id === report.id && v.file.report.revision === report.revision,
    );
    if (sameRevision) {
      outcomes.push({
        kind: 'conflict',
        unitName,
        reportName: report.name,
        revision: report.revision,
      });
      continue;
    }
    const isCorrection = all().some((v) => v.unitKey === unitKey);
    const version: ReceivedVersion = {
      recordVersion: 1,
      id: item.id,
      unitKey,
      unitName,
      fingerprint: item.fingerprint,
      file: item.file,
      sources: [item.source],
    };
    byId.set(item.id, version);
    changed.set(item.id, version);
    outcomes.push({ kind: 'new', version, isCorrection });
  }
  return { outcomes, writes: [...changed.values()] };
}
