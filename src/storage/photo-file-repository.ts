// Photos on their way off the device: into a report file or a backup (with their bytes
// as base64), into a submission (listed without bytes; the sync engine uploads them
// first, reading them here by id).
import type { Answers } from '@/domain/report/answers';
import { bytesToBase64 } from '@/domain/report/base64';
import { keepPhotoRefs, referencedPhotoIds } from '@/domain/report/report-photos';
import {
  buildReportFile,
  type PhotoFile,
  type ReportFile,
  type ReportMeta,
} from '@/domain/report/report-schema';
import { sha256Hex } from '@/lib/sha256';
import type { PhotoRow, SoKetDatabase } from './db';
import { getPhoto, getPhotos } from './photo-repository';

export async function bytesSha256(bytes: Uint8Array): Promise<string> {
  return sha256Hex(bytes as Uint8Array<ArrayBuffer>);
}

async function blobBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

// The photos the answers refer to, in the order they first appear. A photo no longer on
// the device is left out, and so is every reference to it, so the file stays readable.
export async function photosForAnswers(
  db: SoKetDatabase,
  answers: Answers,
  options: { withData: boolean },
): Promise<{ answers: Answers; photos: PhotoFile[] }> {
  const ids = referencedPhotoIds(answers);
  if (ids.size === 0) return { answers, photos: [] };
  const rows = await getPhotos(db, [...ids]);
  const listed = photoFilesOfRows(answers, rows);
  if (options.withData) {
    for (const [i, row] of rows.entries()) {
      listed.photos[i]!.data = await blobBase64(row.blob);
      listed.photos[i]!.thumb = await blobBase64(row.thumb);
    }
  }
  return listed;
}

// The same from photo rows already read (`rows`: those of the referenced photos still on
// the device), without their bytes.
export function photoFilesOfRows(
  answers: Answers,
  rows: readonly PhotoRow[],
): { answers: Answers; photos: PhotoFile[] } {
  const ids = referencedPhotoIds(answers);
  const kept = rows.filter((row) => ids.has(row.id));
  const photos = kept.map((row): PhotoFile => ({
    id: row.id,
    sha256: row.sha256,
    type: 'image/jpeg',
    width: row.width,
    height: row.height,
    size: row.blob.size,
  }));
  const found = new Set(kept.map((row) => row.id));
  return { answers: found.size === ids.size ? answers : keepPhotoRefs(answers, found), photos };
}

// A report file the user keeps: answers and every photo they refer to, with its bytes.
export async function reportFileWithPhotos(
  db: SoKetDatabase,
  meta: ReportMeta,
  answers: Answers,
  exportedAt: string,
): Promise<ReportFile> {
  const withPhotos = await photosForAnswers(db, answers, { withData: true });
  return buildReportFile(meta, withPhotos.answers, exportedAt, withPhotos.photos);
}

// The bytes of a photo for its upload, or null when it is gone.
export async function photoBlob(db: SoKetDatabase, photoId: string): Promise<Blob | null> {
  return (await getPhoto(db, photoId))?.blob ?? null;
}
