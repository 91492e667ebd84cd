// Corrupted backups, made with a seeded PRNG from a version 4 backup whose reports carry
// photos and a submission history: whatever the file, "Khôi phục" (storage/restore-file.ts, as Settings runs it)
// either refuses it with a problem and leaves the whole database as it was, or imports
// reports and photos the app can read back; and no file reaches Object.prototype. A
// file refused only for its photos' bytes is also applied as planned (as if it had not
// been checked first): the transaction must refuse it and write nothing either.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { photoIdsInValue } from '@/domain/report/answer-kinds';
import { buildBackupFile } from '@/domain/report/backup';
import { planImport, type ImportProblem } from '@/domain/report/import-plan';
import type { SoKetDatabase } from '@/storage/db';
import { existingReports, ImportPhotoError } from '@/storage/import-repository';
import { enqueueSubmission, listOutbox } from '@/storage/outbox-repository';
import { listPhotos } from '@/storage/photo-repository';
import {
  exportAllReports,
  getAnswers,
  getReport,
  listReports,
  reportMeta,
} from '@/storage/report-repository';
import { applyRestore, readRestoreFile, type RestoreRead } from '@/storage/restore-file';
import { vi } from '@/i18n/vi-report';
import {
  addPhotos,
  byteLength,
  EXPORTED,
  parseText,
  readFixtureFile,
  seedReport,
  snapshot,
  testDatabases,
} from './backup-fixtures';
import { mulberry32 } from '../fixtures/random';

const SEED = 20240510;
const VARIANTS_PER_KIND = 100;
const HUGE = 300_000;

const full = readFixtureFile('full');
const draft = readFixtureFile('draft');
// The backup every variant is made from: both reports with photos (made in beforeAll).
let VALID_TEXT = '';

type Random = () => number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const children = (node: Json): (string | number)[] =>
  Array.isArray(node)
    ? node.map((_, index) => index)
    : node !== null && typeof node === 'object'
      ? Object.keys(node)
      : [];

const child = (node: Json, key: string | number): Json =>
  (node as Record<string | number, Json>)[key]!;

// A random path into the document: deeper levels are likely, so answers and appendix
// cells are hit as often as the metadata.
function randomPath(random: Random, root: Json): Path {
  const path: Path = [];
  let node = root;
  for (;;) {
    const keys = children(node);
    if (keys.length === 0 || (path.length > 0 && random() < 0.15)) return path;
    const key = pick(random, keys);
    path.push(key);
    node = child(node, key);
  }
}

function parentOf(root: Json, path: Path): Json {
  return path.slice(0, -1).reduce<Json>((node, key) => child(node, key), root);
}

function removeAt(root: Json, path: Path): void {
  const parent = parentOf(root, path);
  const key = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key];
}

function setAt(root: Json, path: Path, value: Json): void {
  (parentOf(root, path) as Record<string | number, Json>)[path.at(-1)!] = value;
}

const typeOf = (value: Json) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const OTHER_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  2.5,
  1e21,
  '',
  'x',
  '2024-03-10T07:00:00.000Z',
  [],
  ['a'],
  {},
  { day: '1', month: '1', year: '2013' },
];

// Every string leaf under a path, as paths.
function stringPaths(node: Json, path: Path = []): Path[] {
  if (typeof node === 'string') return [path];
  return children(node).flatMap((key) => stringPaths(child(node, key), [...path, key]));
}

// The offsets just after each "{" of the text that opens an object (not inside a string).
function objectStarts(text: string): number[] {
  const starts: number[] = [];
  let isInString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (isInString) {
      if (c === '\\') i += 1;
      else if (c === '"') isInString = false;
    } else if (c === '"') isInString = true;
    else if (c === '{') starts.push(i + 1);
  }
  return starts;
}

const PROTO_MEMBERS = [
  '"__proto__": {"polluted": "yes"}',
  '"__proto__": {"polluted": true, "toString": "x", "id": "polluted"}',
  '"__proto__": [{"polluted": 1}]',
  '"__proto__": "polluted"',
  '"__proto__": null',
  '"constructor": {"prototype": {"polluted": "yes"}}',
  '"constructor": "polluted"',
  '"prototype": {"polluted": "yes"}',
];

const MUTATIONS = {
  truncate(random: Random, text: string): string {
    return text.slice(0, int(random, text.trimEnd().length));
  },
  removeField(random: Random, text: string): string {
    const root = JSON.parse(text) as Json;
    for (let n = 1 + int(random, 3); n > 0; n -= 1) {
      const path = randomPath(random, root);
      if (path.length > 0) removeAt(root, path);
    }
    return JSON.stringify(root);
  },
  wrongType(random: Random, text: string): string {
    const root = JSON.parse(text) as Json;
    for (let n = 1 + int(random, 3); n > 0; n -= 1) {
      const path = randomPath(random, root);
      if (path.length === 0) continue;
      const current = parentOf(root, path) as Record<string | number, Json>;
      const was = typeOf(current[path.at(-1)!]!);
      const others = OTHER_VALUES.filter((value) => typeOf(value) !== was);
      setAt(root, path, structuredClone(pick(random, others)));
    }
    return JSON.stringify(root);
  },
  hugeString(random: Random, text: string): string {
    const root = JSON.parse(text) as { reports?: Json };
    if (!Array.isArray(root.reports) || root.reports.length === 0) return text;
    const report = pick(random, root.reports) as { [key: string]: Json };
    if (typeof report !== 'object' || report === null || Array.isArray(report)) return text;
    const huge = pick(random, ['x', 'Đ', 'ệ', ' ', '\u0301', '😀']).repeat(HUGE);
    const where = pick(random, ['name', 'unit', 'answer', 'answer', 'answer']);
    const targets =
      where === 'name'
        ? [['report', 'name']]
        : where === 'unit'
          ? [['report', 'unit', 'name']]
          : stringPaths(report.answers ?? null, ['answers']);
    const target = targets.length > 0 ? pick(random, targets) : null;
    if (!target || parentOf(report, target) === undefined) return text;
    setAt(report, target, huge);
    return JSON.stringify(root);
  },
  protoKeys(random: Random, text: string): string {
    let result = text;
    for (let n = 1 + int(random, 3); n > 0; n -= 1) {
      const starts = objectStarts(result);
      if (starts.length === 0) return result;
      const at = pick(random, starts);
      const closes = result.slice(at).trimStart().startsWith('}');
      result = `${result.slice(0, at)}${pick(random, PROTO_MEMBERS)}${closes ? '' : ','}${result.slice(at)}`;
    }
    return result;
  },
  duplicateId(random: Random, text: string): string {
    const root = JSON.parse(text) as { reports?: { report?: { [key: string]: Json } }[] };
    const reports = root.reports;
    if (!Array.isArray(reports) || reports.length < 2) return text;
    if (random() < 0.5) {
      reports.push(structuredClone(pick(random, reports)));
    } else {
      const [first, second] = reports;
      const id = first?.report?.id;
      if (id === undefined || !second?.report) return text;
      second.report.id = id;
    }
    return JSON.stringify(root);
  },
  // Damage the parser cannot see: a photo's bytes or SHA-256 changed, still well formed
  // (or its base64 broken at the same length), so only decoding the photo finds it.
  damagePhoto(random: Random, text: string): string {
    const root = JSON.parse(text) as {
      reports?: { photos?: { data?: string; thumb?: string; sha256?: string }[] }[];
    };
    const reports = Array.isArray(root.reports) ? root.reports : [];
    const photos = reports.flatMap((report) =>
      Array.isArray(report?.photos) ? report.photos.filter((photo) => photo !== null) : [],
    );
    if (photos.length === 0) return text;
    const photo = pick(random, photos);
    const data = photo.data ?? '';
    const at = int(random, Math.max(1, data.length - 4));
    const replaceAt = (value: string, c: string) =>
      `${value.slice(0, at)}${c}${value.slice(at + 1)}`;
    const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    switch (int(random, 4)) {
      case 0:
        photo.data = replaceAt(
          data,
          pick(
            random,
            [...BASE64].filter((c) => c !== data[at]),
          ),
        );
        break;
      case 1:
        photo.sha256 = createHash('sha256').update(String(random())).digest('hex');
        break;
      case 2:
        photo.data = replaceAt(data, pick(random, ['*', '-', '_', ' ', '=', 'é']));
        break;
      default:
        if (photo.thumb) photo.thumb = `${photo.thumb.slice(0, 8)}*${photo.thumb.slice(9)}`;
        else photo.sha256 = '0'.repeat(64);
    }
    return JSON.stringify(root);
  },
  flipBytes(random: Random, text: string): string {
    const bytes = Buffer.from(text, 'utf8');
    for (let n = 1 + int(random, 4); n > 0; n -= 1) {
      const at = int(random, bytes.length);
      bytes[at] = bytes[at]! ^ (1 + int(random, 255));
    }
    // As File.text() reads it: invalid UTF-8 becomes U+FFFD.
    return new TextDecoder().decode(bytes);
  },
};
type Kind = keyof typeof MUTATIONS | 'mixed';

const JSON_MUTATIONS = [
  'removeField',
  'wrongType',
  'duplicateId',
  'hugeString',
  'damagePhoto',
] as const;

function mutate(kind: Kind, random: Random): string {
  if (kind !== 'mixed') return MUTATIONS[kind](random, VALID_TEXT);
  let text = VALID_TEXT;
  for (let n = 2 + int(random, 2); n > 0; n -= 1) {
    let isJson = true;
    try {
      JSON.parse(text);
    } catch {
      isJson = false;
    }
    const kinds = Object.keys(MUTATIONS).filter(
      (k) => isJson || !(JSON_MUTATIONS as readonly string[]).includes(k),
    ) as (keyof typeof MUTATIONS)[];
    text = MUTATIONS[pick(random, kinds)](random, text);
  }
  return text;
}

// What each kind of damage must lead to, when that is certain (a report's id changed to
// another's also leaves the history naming a report the backup lacks).
const EXPECTED: Partial<Record<Kind, ImportProblem['code'][]>> = {
  truncate: ['notJson'],
  duplicateId: ['duplicateReport', 'damagedHistory'],
  hugeString: ['invalidReport'],
  damagePhoto: ['damagedPhoto'],
};

const PROBLEM_CODES = new Set([
  'tooLarge',
  'notJson',
  'notOurs',
  'newerVersion',
  'unknownTemplate',
  'invalidReport',
  'duplicateReport',
  'missingPhoto',
  'damagedPhoto',
  'damagedHistory',
]);

const PHOTO_CODES = new Set(['missingPhoto', 'damagedPhoto']);

function protoState() {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
  };
}

const sharedDatabases = testDatabases('fuzz-shared');
const variantDatabases = testDatabases('fuzz');
const sourceDatabases = testDatabases('fuzz-source');
const DEVICE_TIMES = {
  createdAt: '2013-08-25T01:00:00.000Z',
  updatedAt: '2013-09-01T00:00:00.000Z',
};
let shared: SoKetDatabase;
let sharedBefore: Awaited<ReturnType<typeof snapshot>>;
const cleanPrototypes = protoState();

// The device before a restore: an older copy of the draft, with a photo of its own
// (a restore that replaces the draft deletes it in its transaction). Made once, then
// copied row for row into a database of its own for each variant that is restored.
async function device(db: SoKetDatabase) {
  await seedReport(db, draft, DEVICE_TIMES);
  await addPhotos(db, draft.report.id, 1, DEVICE_TIMES);
  return db;
}
let deviceRows: [string, unknown[]][] = [];
async function copyOfDevice(name: string) {
  const db = variantDatabases.open(name);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of deviceRows) await db.table(table).bulkAdd(rows);
  });
  return db;
}

beforeAll(async () => {
  // The backup: both reports with photos and the draft submitted once (still waiting), as
  // "Sao lưu tất cả" writes it (version 4: with the submission history).
  const source = sourceDatabases.open();
  const times = { createdAt: '2024-03-01T08:00:00.000Z', updatedAt: '2024-03-05T10:15:00.000Z' };
  await seedReport(source, full, times);
  await addPhotos(source, full.report.id, 2, times);
  await seedReport(source, draft, times);
  await addPhotos(source, draft.report.id, 1, times);
  await enqueueSubmission(source, draft.report.id, { id: 'sub-1', now: new Date(EXPORTED) });
  const files = await exportAllReports(source, EXPORTED);
  const backup = buildBackupFile(files, EXPORTED, null, await listOutbox(source));
  expect(backup.version).toBe(4);
  expect(backup.submissions).toHaveLength(1);
  expect(backup.reports.map((report) => report.photos.length)).toEqual([2, 1]);
  VALID_TEXT = `${JSON.stringify(backup, null, 2)}\n`;
  await sourceDatabases.removeAll();

  shared = await device(sharedDatabases.open());
  sharedBefore = await snapshot(shared);
  deviceRows = await Promise.all(
    shared.tables.map(async (table) => [table.name, await table.toArray()] as [string, unknown[]]),
  );
  expect(sharedBefore.photos).toHaveLength(1);
});
afterAll(async () => {
  await variantDatabases.removeAll();
  await sharedDatabases.removeAll();
});

afterEach(() => {
  expect(protoState()).toEqual(cleanPrototypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const restoreOptions = (label: string) => {
  let n = 0;
  return { newId: () => `copy-${label}-${(n += 1)}`, copyName: vi.restore.copyName };
};

// Restored on a device of its own: every report the plan brings in reads back as the
// file has it, and every photo its answers show is stored with the bytes of its SHA-256.
async function checkAccepted(read: Extract<RestoreRead, { ok: true }>, label: string) {
  const db = await copyOfDevice(`fuzz-${label}`);
  await applyRestore(db, read.plan, read.office, {
    ...restoreOptions(label),
    submissions: read.submissions,
  });
  const list = await listReports(db);
  expect(list.damaged, label).toEqual([]);
  for (const item of read.plan) {
    if (item.choice === 'skip') continue;
    const loaded = await getReport(db, item.file.report.id);
    if (loaded.status !== 'ok')
      throw new Error(`${label}: ${item.file.report.id} ${loaded.status}`);
    expect(reportMeta(loaded.report), label).toEqual(item.file.report);
    const { answers, damaged } = await getAnswers(db, item.file.report.id);
    expect(damaged, label).toEqual([]);
    expect(answers, label).toEqual(item.file.answers);
    const photos = await listPhotos(db, item.file.report.id);
    expect(new Set(photos.map((photo) => photo.id)), label).toEqual(
      photoIdsInValue(Object.values(answers)),
    );
    for (const photo of photos) {
      const bytes = new Uint8Array(await photo.blob.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex'), label).toBe(photo.sha256);
    }
  }
  db.close();
}

describe('restoring a corrupted backup', () => {
  it('restores the uncorrupted backup', async () => {
    const read = await readRestoreFile(shared, VALID_TEXT, byteLength(VALID_TEXT));
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.plan.map((item) => item.choice)).toEqual(['import', 'replace']);
    await checkAccepted(read, 'valid');
    await variantDatabases.removeAll();
  });

  const kinds: Kind[] = [...(Object.keys(MUTATIONS) as Kind[]), 'mixed'];
  it.each(kinds.map((kind, index) => [kind, index] as const))(
    'refuses with a problem and changes nothing, or restores readable reports: %s',
    async (kind, index) => {
      // mulberry32: one seed, one sequence of variants.
      const random = mulberry32(SEED + index);
      const outcomes = { accepted: 0, rejected: 0, appliedAnyway: 0 };
      for (let n = 0; n < VARIANTS_PER_KIND; n += 1) {
        const label = `${kind}-${n}`;
        const text = mutate(kind, random);
        const read = await readRestoreFile(shared, text, byteLength(text));
        if (read.ok) {
          outcomes.accepted += 1;
          expect(EXPECTED[kind], `${label} was accepted`).toBeUndefined();
          await checkAccepted(read, label);
          await variantDatabases.removeAll();
        } else {
          outcomes.rejected += 1;
          expect(PROBLEM_CODES.has(read.problem.code), label).toBe(true);
          if (EXPECTED[kind]) expect(EXPECTED[kind], label).toContain(read.problem.code);
          expect(await snapshot(shared), label).toEqual(sharedBefore);
          const parsed = PHOTO_CODES.has(read.problem.code) ? parseText(text) : null;
          if (parsed?.ok) {
            // Refused for its photos' bytes: the plan, applied all the same, fails in
            // its transaction and writes nothing.
            outcomes.appliedAnyway += 1;
            const ids = parsed.reports.map((file) => file.report.id);
            const plan = planImport(parsed.reports, await existingReports(shared, ids));
            await expect(
              applyRestore(shared, plan, parsed.office, {
                ...restoreOptions(label),
                submissions: parsed.submissions,
              }),
              label,
            ).rejects.toBeInstanceOf(ImportPhotoError);
            expect(await snapshot(shared), label).toEqual(sharedBefore);
          }
        }
        expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
      }
      expect(outcomes.accepted + outcomes.rejected).toBe(VARIANTS_PER_KIND);
      if (kind === 'protoKeys') expect(outcomes.accepted).toBeGreaterThan(0);
      // (The rest are refused by the parser: base64 that is not base64.)
      if (kind === 'damagePhoto')
        expect(outcomes.appliedAnyway).toBeGreaterThan(VARIANTS_PER_KIND / 3);
    },
    60_000,
  );
});
