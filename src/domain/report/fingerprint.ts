// The report file a PDF carries inside it, and the short fingerprint printed on its last
// page so that a paper copy and its data can be matched.
//
// The canonical report file is the report file (format so-ket/report, version 2)
// without the photos' bytes (`data`, `thumb`; their SHA-256 and sizes stay), written as
// canonical JSON: object keys sorted at every level, no whitespace, an empty photo list
// left out, exactly as a submission is hashed. Its fingerprint is the first 8 hex
// digits of the SHA-256 of those UTF-8 bytes.
import { canonicalReportJson } from '@/domain/outbox/canonical-json';
import type { PhotoFile, ReportFile } from './report-schema';

export const FINGERPRINT_LENGTH = 8;

// The file name and MIME type of the embedded file inside every exported PDF.
export const EMBEDDED_REPORT_NAME = 'so-ket.json';
export const EMBEDDED_REPORT_TYPE = 'application/json';

function photoWithoutBytes(photo: PhotoFile): PhotoFile {
  const { data: _data, thumb: _thumb, ...rest } = photo;
  return rest;
}

// A report file (any supported version) as the canonical JSON text a PDF embeds.
export function canonicalReportFileJson(file: ReportFile): string {
  // Written out rather than through buildReportFile, which would pull the report schema
  // (zod) into the PDF chunk's imports. Version 2: the current REPORT_FILE_VERSION.
  const current: ReportFile = {
    format: file.format,
    version: 2,
    exportedAt: file.exportedAt,
    report: file.report,
    answers: file.answers,
    photos: file.photos.map(photoWithoutBytes),
  };
  return canonicalReportJson(current);
}

// The fingerprint from the SHA-256 (64 hex digits) of the canonical JSON.
export function fingerprintOfSha256(sha256Hex: string): string {
  return sha256Hex.slice(0, FINGERPRINT_LENGTH).toLowerCase();
}

// The fingerprint of a canonical JSON text; the hash is injected (Web Crypto in the app,
// src/lib/sha256.ts) so that the domain stays pure.
export async function reportFingerprint(
  canonicalJson: string,
  sha256Hex: (bytes: Uint8Array<ArrayBuffer>) => Promise<string>,
): Promise<string> {
  return fingerprintOfSha256(await sha256Hex(new TextEncoder().encode(canonicalJson)));
}
