// Photos inside report files: which ones a report needs, and checking those a file
// carries before anything is written.
//
// Files the user keeps (report file, backup) carry each photo as base64 in the JSON,
// not in a zip beside it. One format and one validation path for every file the app
// reads or writes, no zip code in the app, and nothing to gain in size: a JPEG does not
// compress further, so a zip would only save base64's third (a 20-photo report is
// about 8 MB instead of 6). Submissions carry the list without the bytes; the photos
// go ahead as separate uploads named by their SHA-256.
import { dropPhotoRefs, photoIdsInValue } from './answer-kinds';
import type { Answers } from './answers';
import { base64DecodedLength, base64ToBytes } from './base64';
import type { PhotoFile, ReportFile } from './report-schema';

// A photo is resized on the device to at most 1600 px (a few hundred KB); this bounds
// what a file may claim, and matches the server's default MAX_FILE_BYTES.
export const PHOTO_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type BytesSha256 = (bytes: Uint8Array) => Promise<string>;

export function referencedPhotoIds(answers: Answers): Set<string> {
  return photoIdsInValue(Object.values(answers));
}

// The answers without references to photos outside `keep`: a photo lost on the device
// leaves the file it goes into consistent (every photo it names is in it) instead of
// unreadable.
export function keepPhotoRefs(answers: Answers, keep: ReadonlySet<string>): Answers {
  const result: Answers = {};
  for (const [fieldId, value] of Object.entries(answers)) {
    result[fieldId] = dropPhotoRefs(value, keep);
  }
  return result;
}

export type PhotoProblem = { code: 'missingPhoto' | 'damagedPhoto'; photoId: string };

// The photos a file's answers refer to, each once with its bytes: the ids in order.
// With `withBytes` false (the report file a PDF embeds, which keeps each photo's SHA-256
// but not its bytes), a photo only has to be listed.
function neededPhotos(
  file: ReportFile,
  withBytes = true,
): {
  photos: Map<string, PhotoFile>;
  problem: PhotoProblem | null;
} {
  const byId = new Map<string, PhotoFile>();
  for (const photo of file.photos) {
    const other = byId.get(photo.id);
    if (other && other.sha256 !== photo.sha256) {
      return { photos: byId, problem: { code: 'damagedPhoto', photoId: photo.id } };
    }
    byId.set(photo.id, photo);
  }
  const needed = new Map<string, PhotoFile>();
  for (const id of referencedPhotoIds(file.answers)) {
    const photo = byId.get(id);
    if (!photo || (withBytes && !photo.data))
      return { photos: needed, problem: { code: 'missingPhoto', photoId: id } };
    needed.set(id, photo);
  }
  return { photos: needed, problem: null };
}

// What can be checked without decoding: every photo the answers refer to is in the
// file with its bytes, whose length (from the base64 length) matches the stated size
// and is within bounds. Photos nobody refers to are ignored (never imported).
export function checkPhotoList(file: ReportFile): PhotoProblem | null {
  return checkedPhotos(file).problem;
}

// For a report file embedded in a PDF: every photo the answers refer to is listed (by its
// SHA-256); the bytes were left out on purpose, so none is required.
export function checkPhotoListWithoutBytes(file: ReportFile): PhotoProblem | null {
  return neededPhotos(file, false).problem;
}

// The photos checkPhotoList passes (none when it finds a problem), so the check runs once.
function checkedPhotos(file: ReportFile): { photos: PhotoFile[]; problem: PhotoProblem | null } {
  const { photos, problem } = neededPhotos(file);
  if (problem) return { photos: [], problem };
  for (const photo of photos.values()) {
    const length = base64DecodedLength(photo.data ?? '');
    if (length !== photo.size || length === 0 || length > PHOTO_FILE_MAX_BYTES) {
      return { photos: [], problem: { code: 'damagedPhoto', photoId: photo.id } };
    }
  }
  return { photos: [...photos.values()], problem: null };
}

export type DecodedPhoto = {
  id: string;
  sha256: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  // Without a thumbnail in the file, the photo itself serves as one.
  thumb: Uint8Array;
};

export type DecodedPhotos =
  { ok: true; photos: DecodedPhoto[] } | { ok: false; problem: PhotoProblem };

// Decodes the photos a report needs and checks each against its SHA-256.
export async function decodeReportPhotos(
  file: ReportFile,
  sha256: BytesSha256,
): Promise<DecodedPhotos> {
  const { photos, problem } = checkedPhotos(file);
  if (problem) return { ok: false, problem };
  const decoded: DecodedPhoto[] = [];
  for (const photo of photos) {
    const damaged = { ok: false, problem: { code: 'damagedPhoto', photoId: photo.id } } as const;
    let bytes: Uint8Array;
    let thumb: Uint8Array;
    try {
      bytes = base64ToBytes(photo.data ?? '');
      thumb = photo.thumb ? base64ToBytes(photo.thumb) : bytes;
    } catch {
      return damaged;
    }
    if (bytes.length !== photo.size || (await sha256(bytes)) !== photo.sha256) return damaged;
    decoded.push({
      id: photo.id,
      sha256: photo.sha256,
      width: photo.width,
      height: photo.height,
      bytes,
      thumb,
    });
  }
  return { ok: true, photos: decoded };
}
