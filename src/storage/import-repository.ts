// Applies a planned import in one transaction: every chosen change lands, or none.
// Photos are decoded and checked against their SHA-256 first (a transaction must not
// wait on anything but IndexedDB), then written in the same transaction as the reports
// and answers that refer to them.
import type { OutboxEntry } from '@/domain/outbox/outbox-entry';
import { replacePhotoIds } from '@/domain/report/answer-kinds';
import type { ImportChoice } from '@/domain/report/import-plan';
import {
  decodeReportPhotos,
  type BytesSha256,
  type DecodedPhoto,
} from '@/domain/report/report-photos';
import { REPORT_NAME_MAX, type ReportFile } from '@/domain/report/report-schema';
import { hasTable, type PhotoRow, type SoKetDatabase } from './db';
import { mergeSubmissions } from './outbox-repository';
import { bytesSha256 } from './photo-file-repository';
import { photosHeldByOutbox } from './photo-repository';
import { answerRows } from './report-repository';
import { REPORT_RECORD_VERSION, type StoredReport } from './restore';

export type ImportResult = { imported: number; replaced: number; copied: number; skipped: number };

export class ImportPhotoError extends Error {
  constructor(
    readonly reportName: string,
    readonly code: 'missingPhoto' | 'damagedPhoto',
  ) {
    super(`report ${reportName}: ${code}`);
    this.name = 'ImportPhotoError';
  }
}

export async function existingReports(db: SoKetDatabase, ids: readonly string[]) {
  const rows = await db.reports.bulkGet([...ids]);
  const map = new Map<string, { name: string; updatedAt: string }>();
  rows.forEach((row, index) => {
    if (row)
      map.set(ids[index]!, {
        name: String(row.name ?? ''),
        updatedAt: String(row.updatedAt ?? ''),
      });
  });
  return map;
}

type NewPhoto = Omit<PhotoRow, 'reportId' | 'createdAt'>;

function toRow(photo: DecodedPhoto): NewPhoto {
  return {
    id: photo.id,
    blob: new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
    thumb: new Blob([photo.thumb as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
    width: photo.width,
    height: photo.height,
    size: photo.bytes.length,
    sha256: photo.sha256,
  };
}

// `submissions`: a version 4 backup's submission history; a report added or replaced gets
// its entries back in the same transaction (a copy kept beside the original is a new
// report to the server too, so it starts without a history).
export async function applyImport(
  db: SoKetDatabase,
  items: readonly { file: ReportFile; choice: ImportChoice }[],
  options: {
    newId: () => string;
    copyName: (name: string) => string;
    sha256?: BytesSha256;
    submissions?: readonly OutboxEntry[];
  },
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, replaced: 0, copied: 0, skipped: 0 };
  // The copy's name must stay a valid name: shorten the original so the suffix fits.
  const suffixLength = options.copyName('').length;
  const copyName = (name: string) =>
    options.copyName(name.slice(0, Math.max(0, REPORT_NAME_MAX - suffixLength)));
  const photosOf = new Map<ReportFile, NewPhoto[]>();
  for (const { file, choice } of items) {
    if (choice === 'skip') continue;
    const decoded = await decodeReportPhotos(file, options.sha256 ?? bytesSha256);
    if (!decoded.ok) throw new ImportPhotoError(file.report.name, decoded.problem.code);
    photosOf.set(file, decoded.photos.map(toRow));
  }
  const hasPhotos = hasTable(db, 'photos');
  const tables = [
    db.reports,
    db.answers,
    ...(hasPhotos ? [db.photos] : []),
    ...(hasTable(db, 'outbox') ? [db.outbox] : []),
  ];
  await db.transaction('rw', tables, async () => {
    for (const { file, choice } of items) {
      if (choice === 'skip') {
        result.skipped += 1;
        continue;
      }
      const meta = file.report;
      const existing = await db.reports.get(meta.id);
      const id = choice === 'keepBoth' ? options.newId() : meta.id;
      if (choice === 'import' && existing) throw new Error(`report ${meta.id} appeared meanwhile`);
      if (choice === 'replace') await db.answers.where('reportId').equals(id).delete();
      let answers = file.answers;
      if (hasPhotos) {
        if (choice === 'replace') {
          // The replaced report's photos go, except those a waiting submission needs.
          const held = await photosHeldByOutbox(db, id);
          const old = await db.photos.where('reportId').equals(id).primaryKeys();
          await db.photos.bulkDelete(old.filter((photoId) => !held.has(photoId)));
        }
        // A photo keeps its id unless the id is taken on this device by another report
        // or other bytes (a copy kept beside the original always gets new ids).
        const rows = photosOf.get(file) ?? [];
        const taken = await db.photos.bulkGet(rows.map((row) => row.id));
        const renamed = new Map<string, string>();
        const photoRows: PhotoRow[] = rows.map((row, index) => {
          const other = taken[index];
          const isTaken =
            choice === 'keepBoth' ||
            (other !== undefined && (other.reportId !== id || other.sha256 !== row.sha256));
          const photoId = isTaken ? options.newId() : row.id;
          if (isTaken) renamed.set(row.id, photoId);
          return { ...row, id: photoId, reportId: id, createdAt: meta.updatedAt };
        });
        if (renamed.size > 0) answers = replacePhotoIds(structuredClone(answers), renamed);
        await db.photos.bulkPut(photoRows);
      }
      const kept =
        choice === 'replace' && typeof existing?.submittedRevision === 'number'
          ? existing.submittedRevision
          : 0;
      // The device may hold entries of this id already (a report deleted for good keeps
      // them): the next submission must come after every one of them.
      const lastRevision = await mergeSubmissions(
        db,
        id,
        choice === 'keepBoth' ? [] : (options.submissions ?? []),
      );
      const record: StoredReport = {
        ...meta,
        id,
        name: choice === 'keepBoth' ? copyName(meta.name) : meta.name,
        recordVersion: REPORT_RECORD_VERSION,
        deletedAt: null,
        // It came from a file: nothing in it is only on this device.
        changedSince: null,
        lastExportedAt:
          choice === 'replace' && typeof existing?.lastExportedAt === 'string'
            ? existing.lastExportedAt
            : null,
        submittedRevision: Math.max(kept, lastRevision),
      };
      await db.reports.put(record);
      await db.answers.bulkPut(answerRows(id, answers, meta.updatedAt));
      if (choice === 'replace') result.replaced += 1;
      else if (choice === 'keepBoth') result.copied += 1;
      else result.imported += 1;
    }
  });
  return result;
}
