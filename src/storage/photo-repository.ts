// Photos in IndexedDB: one row per photo (the resized JPEG, its thumbnail, size and
// SHA-256), keyed by a random id and indexed by report. Answers refer to photos by id
// (image lists, alone or inside group entries); captions live in the answers.
//
// A photo is deleted only when nothing refers to it any more: no answer of its report
// and no submission still waiting in the outbox (it is uploaded with the report). The
// UI deletes at once what the user removed once the undo window has passed; a sweep on
// opening a report removes what a closed tab left behind.
import { photoIdsInValue } from '@/domain/report/answer-kinds';
import { RESENDABLE_STATES, type OutboxState } from '@/domain/outbox/outbox-entry';
import { sha256Hex } from '@/lib/sha256';
import { hasTable, type PhotoRow, type SoKetDatabase } from './db';

export type NewPhoto = Omit<PhotoRow, 'size' | 'sha256' | 'createdAt'> & {
  sha256?: string;
  now: string;
};

export async function blobSha256(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}

function isPhotoRow(raw: unknown): raw is PhotoRow {
  if (!raw || typeof raw !== 'object') return false;
  const row = raw as Record<string, unknown>;
  return (
    typeof row.id === 'string' &&
    typeof row.reportId === 'string' &&
    row.blob instanceof Blob &&
    row.thumb instanceof Blob &&
    typeof row.width === 'number' &&
    typeof row.height === 'number' &&
    typeof row.sha256 === 'string' &&
    typeof row.createdAt === 'string'
  );
}

// Hashing reads the blob, so it happens before the write transaction.
export async function addPhoto(db: SoKetDatabase, input: NewPhoto): Promise<PhotoRow> {
  const row: PhotoRow = {
    id: input.id,
    reportId: input.reportId,
    blob: input.blob,
    thumb: input.thumb,
    width: input.width,
    height: input.height,
    size: input.blob.size,
    sha256: input.sha256 ?? (await blobSha256(input.blob)),
    createdAt: input.now,
  };
  await db.photos.add(row);
  return row;
}

export async function getPhoto(db: SoKetDatabase, id: string): Promise<PhotoRow | undefined> {
  if (!hasTable(db, 'photos')) return undefined;
  const row: unknown = await db.photos.get(id);
  return isPhotoRow(row) ? row : undefined;
}

// The photos of a report, oldest first; rows of the wrong shape are left out.
export async function listPhotos(db: SoKetDatabase, reportId: string): Promise<PhotoRow[]> {
  if (!hasTable(db, 'photos')) return [];
  const rows: unknown[] = await db.photos.where('reportId').equals(reportId).toArray();
  return rows.filter(isPhotoRow).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

// The photos with these ids, in the order asked, skipping missing ones.
export async function getPhotos(db: SoKetDatabase, ids: readonly string[]): Promise<PhotoRow[]> {
  if (!hasTable(db, 'photos') || ids.length === 0) return [];
  const rows: unknown[] = await db.photos.bulkGet([...ids]);
  return rows.filter(isPhotoRow);
}

// Photo ids a report's submissions that may still be sent refer to (waiting, or in
// conflict until the user sends it as a new revision), added to `into`.
export async function photosHeldByOutbox(
  db: SoKetDatabase,
  reportId: string,
  into: Set<string> = new Set(),
): Promise<Set<string>> {
  if (!hasTable(db, 'outbox')) return into;
  const entries = await db.outbox.where('reportId').equals(reportId).toArray();
  for (const entry of entries) {
    if (!RESENDABLE_STATES.has(entry.state as OutboxState)) continue;
    const body = entry.body as { answers?: unknown } | undefined;
    photoIdsInValue(Object.values((body?.answers ?? {}) as Record<string, unknown>), into);
  }
  return into;
}

// Photo ids a report still needs: in its answers, or held by a submission.
async function photosStillNeeded(db: SoKetDatabase, reportId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const answers = await db.answers.where('reportId').equals(reportId).toArray();
  for (const row of answers) photoIdsInValue(row.value, ids);
  return photosHeldByOutbox(db, reportId, ids);
}

// Deletes those of `candidates` (photo ids of the report) nothing refers to; returns
// how many went.
export async function deletePhotosIfUnreferenced(
  db: SoKetDatabase,
  reportId: string,
  candidates: readonly string[],
): Promise<number> {
  if (!hasTable(db, 'photos') || candidates.length === 0) return 0;
  return db.transaction('rw', [db.photos, db.answers, db.outbox], async () => {
    const referenced = await photosStillNeeded(db, reportId);
    const rows = await db.photos.bulkGet([...candidates]);
    const doomed = rows
      .filter((row): row is PhotoRow => row !== undefined && row.reportId === reportId)
      .map((row) => row.id)
      .filter((id) => !referenced.has(id));
    await db.photos.bulkDelete(doomed);
    return doomed.length;
  });
}

// Photos of a report nothing refers to and older than the grace period (a photo is
// stored a moment before the answer that refers to it is saved).
export async function sweepPhotos(
  db: SoKetDatabase,
  reportId: string,
  now: Date,
  graceMs = 10 * 60 * 1000,
): Promise<number> {
  const cutoff = now.getTime() - graceMs;
  const old = (await listPhotos(db, reportId))
    .filter((row) => Date.parse(row.createdAt) < cutoff)
    .map((row) => row.id);
  return deletePhotosIfUnreferenced(db, reportId, old);
}

export async function deletePhotosOfReport(db: SoKetDatabase, reportId: string): Promise<void> {
  if (!hasTable(db, 'photos')) return;
  await db.photos.where('reportId').equals(reportId).delete();
}

// Copies of the photos of one report for another, with new ids; returns old id → new.
// Blobs are immutable, so the copy shares nothing that can change.
export async function copyPhotos(
  db: SoKetDatabase,
  from: string,
  to: string,
  ids: ReadonlySet<string>,
  newId: () => string,
  now: string,
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!hasTable(db, 'photos')) return map;
  const rows = (await listPhotos(db, from)).filter((row) => ids.has(row.id));
  const copies = rows.map((row) => {
    const id = newId();
    map.set(row.id, id);
    return { ...row, id, reportId: to, createdAt: now };
  });
  await db.photos.bulkAdd(copies);
  return map;
}
