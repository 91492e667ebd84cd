// Reports for the backup and restore tests: the fixture report files, written to a
// fake-indexeddb database the way the app writes them (createReport, then saveAnswers),
// with photos (addPhoto), a dump of the whole database, and the whole "Khôi phục" flow
// as the Settings screen runs it (storage/restore-file.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import type { Answers } from '@/domain/report/answers';
import { bytesToBase64 } from '@/domain/report/base64';
import {
  parseImport,
  planImport,
  type ImportChoice,
  type ParsedImport,
  type PlanItem,
} from '@/domain/report/import-plan';
import { reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { importProblemMessage, vi } from '@/i18n/vi-report';
import { SoKetDatabase } from '@/storage/db';
import { existingReports, type ImportResult } from '@/storage/import-repository';
import { addPhoto } from '@/storage/photo-repository';
import { createReport, saveAnswers } from '@/storage/report-repository';
import { applyRestore, readRestoreFile } from '@/storage/restore-file';
import { findTemplate } from '@/templates/template-registry';

// When the backup tests' reports were created, last edited, and backed up.
export const CREATED = '2024-03-01T08:00:00.000Z';
export const EDITED = '2024-03-05T10:15:00.000Z';
export const EXPORTED = '2024-03-10T07:00:00.000Z';

export type FixtureName = 'full' | 'largest' | 'draft';

export function readFixtureFile(name: FixtureName): ReportFile {
  const path = fileURLToPath(new URL(`../fixtures/reports/${name}.json`, import.meta.url));
  return reportFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

// Databases opened by a test, closed and deleted after it.
export function testDatabases(prefix: string) {
  let counter = 0;
  const open: SoKetDatabase[] = [];
  const names = new Set<string>();
  return {
    open(name = `${prefix}-${++counter}`): SoKetDatabase {
      const db = new SoKetDatabase(name);
      open.push(db);
      names.add(name);
      return db;
    },
    async removeAll(): Promise<void> {
      for (const db of open.splice(0)) db.close();
      for (const name of names) await Dexie.delete(name);
      names.clear();
    },
  };
}

// Creates a report from a fixture's answers: a few at creation, the rest saved later in
// two batches (so revision is 2, as after real editing).
export async function seedReport(
  db: SoKetDatabase,
  file: ReportFile,
  options: { id?: string; name?: string; createdAt: string; updatedAt: string },
): Promise<string> {
  const id = options.id ?? file.report.id;
  const entries = Object.entries(file.answers);
  const half = Math.ceil(entries.length / 2);
  await createReport(db, {
    id,
    name: options.name ?? file.report.name,
    unit: file.report.unit,
    templateId: file.report.templateId,
    templateVersion: file.report.templateVersion,
    answers: Object.fromEntries(entries.slice(0, 3)),
    now: options.createdAt,
  });
  await saveAnswers(db, id, new Map(entries.slice(3, half)), options.createdAt);
  await saveAnswers(db, id, new Map(entries.slice(half)), options.updatedAt);
  return id;
}

// JPEG-like bytes of a given length, different for every seed.
export function jpegBytes(seed: number, length = 2000 + seed * 37): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  if (length >= 4) {
    bytes.set([0xff, 0xd8], 0);
    bytes.set([0xff, 0xd9], length - 2);
  }
  return bytes;
}

let photoCounter = 0;

// Stores `count` photos for the report and saves answers that show them: all but the
// last in a good model, the last on a material. Returns the photos' ids and bytes.
export async function addPhotos(
  db: SoKetDatabase,
  reportId: string,
  count: number,
  now: { createdAt: string; updatedAt: string },
): Promise<Map<string, Uint8Array>> {
  const photos = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n += 1) {
    const seed = (photoCounter += 1);
    const id = `photo-${seed}`;
    const bytes = jpegBytes(seed);
    await addPhoto(db, {
      id,
      reportId,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }),
      thumb: new Blob([jpegBytes(seed + 1000, 300) as Uint8Array<ArrayBuffer>], {
        type: 'image/jpeg',
      }),
      width: 1600,
      height: 1200,
      now: now.createdAt,
    });
    photos.set(id, bytes);
  }
  const ids = [...photos.keys()];
  const refs = (list: string[]) => list.map((photoId, i) => ({ photoId, caption: `Ảnh ${i}` }));
  const answers: Answers = {
    models: [
      {
        id: 'model-1',
        values: { name: 'Ngày thứ Bảy tình nguyện', photos: refs(ids.slice(0, -1)) },
      },
    ],
    materials: [{ id: 'material-1', values: { title: 'Tờ gấp', photo: refs(ids.slice(-1)) } }],
  };
  await saveAnswers(db, reportId, new Map(Object.entries(answers)), now.updatedAt);
  return photos;
}

// Every row of every table of the database, in key order, each Blob as its type and
// bytes (two Blobs always look equal to toEqual).
export async function snapshot(db: SoKetDatabase) {
  const readBlobs = async (row: unknown) => {
    if (row === null || typeof row !== 'object') return row;
    const entries = await Promise.all(
      Object.entries(row).map(async ([key, value]) => [
        key,
        value instanceof Blob
          ? { type: value.type, bytes: bytesToBase64(new Uint8Array(await value.arrayBuffer())) }
          : value,
      ]),
    );
    return Object.fromEntries(entries) as unknown;
  };
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    dump[table.name] = await Promise.all((await table.toArray()).map(readBlobs));
  }
  return dump;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function parseText(text: string): ParsedImport {
  return parseImport(text, byteLength(text), findTemplate);
}

export async function planFor(db: SoKetDatabase, reports: readonly ReportFile[]) {
  return planImport(
    reports,
    await existingReports(
      db,
      reports.map((file) => file.report.id),
    ),
  );
}

// What "Khôi phục" does (storage/restore-file.ts, as the Settings screen runs it): read
// and check the file, plan with the defaults (or the given choices), apply.
export async function restoreText(
  db: SoKetDatabase,
  text: string,
  choose: (item: PlanItem) => ImportChoice = (item) => item.choice,
  newId = () => 'copy-id',
): Promise<{ plan: PlanItem[]; result: ImportResult }> {
  const read = await readRestoreFile(db, text, byteLength(text));
  if (!read.ok) throw new Error(`rejected: ${importProblemMessage(read.problem)}`);
  const plan = read.plan.map((item) => ({ ...item, choice: choose(item) }));
  const result = await applyRestore(db, plan, read.office, {
    newId,
    copyName: vi.restore.copyName,
    submissions: read.submissions,
  });
  return { plan, result };
}
