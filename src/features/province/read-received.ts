// Turning what arrived (files dropped or picked, submissions from the endpoint) into
// versions to file, each file with its own line. A file is read with the same schemas
// as "Khôi phục"; a PDF gives the report file embedded in it. Nothing is written here.
import { parseImport, MAX_IMPORT_BYTES, verifyImportPhotos } from '@/domain/report/import-plan';
import type { ReportFile } from '@/domain/report/report-schema';
import type { IncomingVersion } from '@/domain/rollup/intake';
import type { ReceiptKind } from '@/domain/rollup/received';
import { readEmbeddedReport } from '@/export/pdf/embedded-report';
import { importProblemMessage } from '@/i18n/vi-report';
import { viProvince } from '@/i18n/vi-province';
import { bytesSha256 } from '@/storage/photo-file-repository';
import { fingerprintOf, versionIdOf } from '@/storage/province-repository';
import { findTemplate } from '@/templates/template-registry';

// More than this in one drop is refused as a whole (the office splits it).
export const MAX_FILES_PER_DROP = 1000;

export type FileReading =
  | { ok: true; name: string; versions: IncomingVersion[] }
  | { ok: false; name: string; message: string };

const t = viProvince.intake;

async function toVersions(
  text: string,
  size: number,
  name: string,
  kind: ReceiptKind,
  receivedOn: string,
  now: Date,
): Promise<FileReading> {
  // A PDF carries its report file without the photos' bytes (their SHA-256 stay), and so
  // does a submission the endpoint holds (the photos went up apart, by SHA-256).
  const parsed = parseImport(text, size, findTemplate, {
    photoBytes: kind === 'pdf' || kind === 'server' ? 'left out' : 'required',
  });
  if (!parsed.ok) return { ok: false, name, message: importProblemMessage(parsed.problem) };
  if (parsed.reports.some((report) => report.photos.some((photo) => photo.data))) {
    const problem = await verifyImportPhotos(parsed.reports, bytesSha256);
    if (problem) return { ok: false, name, message: importProblemMessage(problem) };
  }
  const sourceKind: ReceiptKind = kind === 'json' && parsed.kind === 'backup' ? 'backup' : kind;
  const versions = await Promise.all(
    parsed.reports.map(async (file: ReportFile) => ({
      id: await versionIdOf(file),
      fingerprint: await fingerprintOf(file),
      file,
      source: { kind: sourceKind, name, receivedOn, addedAt: now.toISOString() },
    })),
  );
  return { ok: true, name, versions };
}

export async function readReceivedFile(
  file: File,
  receivedOn: string,
  now: Date,
): Promise<FileReading> {
  const name = file.name.slice(0, 300);
  try {
    const isPdf = /\.pdf$/i.test(file.name) || file.type === 'application/pdf';
    const isJson = /\.json$/i.test(file.name) || file.type === 'application/json';
    if (!isPdf && !isJson) return { ok: false, name, message: t.unknownKind };
    if (file.size > MAX_IMPORT_BYTES)
      return { ok: false, name, message: importProblemMessage({ code: 'tooLarge' }) };
    if (isPdf) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Rejects only when the reader's chunk cannot load (offline before it was cached).
      const embedded = await readEmbeddedReport(bytes).catch(() => null);
      if (!embedded) return { ok: false, name, message: t.pdfReaderMissing };
      if (embedded.kind === 'not-pdf') return { ok: false, name, message: t.notPdf };
      if (embedded.kind === 'none') return { ok: false, name, message: t.pdfNoData };
      return toVersions(embedded.text, embedded.text.length, name, 'pdf', receivedOn, now);
    }
    const text = await file.text();
    return toVersions(text, file.size, name, 'json', receivedOn, now);
  } catch {
    return { ok: false, name, message: t.readFailed };
  }
}

// A submission the endpoint holds, read like a file; its receipt day is the server's.
export async function readSubmission(
  body: unknown,
  label: string,
  receivedOn: string,
  now: Date,
): Promise<FileReading> {
  const text = JSON.stringify(body);
  return toVersions(text, text.length, label, 'server', receivedOn, now);
}
