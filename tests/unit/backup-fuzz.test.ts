// Corrupted backups, made with a seeded PRNG: whatever the file, "Khôi phục" either
// refuses it with a problem and writes nothing, or imports reports the app can read back;
// and no file reaches Object.prototype.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBackupFile } from '@/domain/report/backup';
import type { ImportProblem, ParsedImport } from '@/domain/report/import-plan';
import type { SoKetDatabase } from '@/storage/db';
import { applyImport } from '@/storage/import-repository';
import { getAnswers, getReport, listReports, reportMeta } from '@/storage/report-repository';
import { vi } from '@/i18n/vi-report';
import {
  parseText,
  planFor,
  readFixtureFile,
  seedReport,
  snapshot,
  testDatabases,
} from './backup-fixtures';
import { mulberry32 } from '../fixtures/random';

const SEED = 20240510;
const VARIANTS_PER_KIND = 150;
const HUGE = 300_000;

const full = readFixtureFile('full');
const draft = readFixtureFile('draft');
const VALID = buildBackupFile([full, draft], '2024-03-10T07:00:00.000Z');
const VALID_TEXT = `${JSON.stringify(VALID, null, 2)}\n`;

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

const JSON_MUTATIONS = ['removeField', 'wrongType', 'duplicateId', 'hugeString'] as const;

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

// What each kind of damage must lead to, when that is certain.
const EXPECTED: Partial<Record<Kind, ImportProblem['code']>> = {
  truncate: 'notJson',
  duplicateId: 'duplicateReport',
  hugeString: 'invalidReport',
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
]);

function protoState() {
  return {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
  };
}

const sharedDatabases = testDatabases('fuzz-shared');
const variantDatabases = testDatabases('fuzz');
const DEVICE_UPDATED = '2013-09-01T00:00:00.000Z';
let shared: SoKetDatabase;
let sharedBefore: Awaited<ReturnType<typeof snapshot>>;
const cleanPrototypes = protoState();

// The device before a restore: an older copy of the draft.
async function device(db: SoKetDatabase) {
  await seedReport(db, draft, { createdAt: '2013-08-25T01:00:00.000Z', updatedAt: DEVICE_UPDATED });
  return db;
}

beforeAll(async () => {
  shared = await device(sharedDatabases.open());
  sharedBefore = await snapshot(shared);
});
afterAll(async () => {
  await variantDatabases.removeAll();
  await sharedDatabases.removeAll();
});

afterEach(() => {
  expect(protoState()).toEqual(cleanPrototypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function checkAccepted(parsed: Extract<ParsedImport, { ok: true }>, label: string) {
  const db = await device(variantDatabases.open(`fuzz-${label}`));
  const plan = await planFor(db, parsed.reports);
  await applyImport(db, plan, { newId: () => `copy-${label}`, copyName: vi.restore.copyName });
  const list = await listReports(db);
  expect(list.damaged, label).toEqual([]);
  for (const item of plan) {
    if (item.choice === 'skip') continue;
    const loaded = await getReport(db, item.file.report.id);
    if (loaded.status !== 'ok')
      throw new Error(`${label}: ${item.file.report.id} ${loaded.status}`);
    expect(reportMeta(loaded.report), label).toEqual(item.file.report);
    const { answers, damaged } = await getAnswers(db, item.file.report.id);
    expect(damaged, label).toEqual([]);
    expect(answers, label).toEqual(item.file.answers);
  }
  db.close();
}

describe('restoring a corrupted backup', () => {
  it('reads the uncorrupted backup', () => {
    expect(parseText(VALID_TEXT)).toMatchObject({ ok: true, kind: 'backup' });
  });

  const kinds: Kind[] = [...(Object.keys(MUTATIONS) as Kind[]), 'mixed'];
  it.each(kinds.map((kind, index) => [kind, index] as const))(
    'refuses with a problem and writes nothing, or restores readable reports: %s',
    async (kind, index) => {
      // mulberry32: one seed, one sequence of variants.
      const random = mulberry32(SEED + index);
      const outcomes = { accepted: 0, rejected: 0 };
      for (let n = 0; n < VARIANTS_PER_KIND; n += 1) {
        const label = `${kind}-${n}`;
        const text = mutate(kind, random);
        const parsed = parseText(text);
        if (parsed.ok) {
          outcomes.accepted += 1;
          expect(EXPECTED[kind], `${label} was accepted`).toBeUndefined();
          await checkAccepted(parsed, label);
          await variantDatabases.removeAll();
        } else {
          outcomes.rejected += 1;
          expect(PROBLEM_CODES.has(parsed.problem.code), label).toBe(true);
          if (EXPECTED[kind]) expect(parsed.problem.code, label).toBe(EXPECTED[kind]);
          expect(await snapshot(shared), label).toEqual(sharedBefore);
        }
        expect(({} as Record<string, unknown>).polluted, label).toBeUndefined();
      }
      expect(outcomes.accepted + outcomes.rejected).toBe(VARIANTS_PER_KIND);
      if (kind === 'protoKeys') expect(outcomes.accepted).toBeGreaterThan(0);
    },
    60_000,
  );
});
