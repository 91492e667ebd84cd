// Issue 14: a seeded fuzz of each door text comes in by, besides the backup (its own
// backup-fuzz.test.ts): the editor's paste (the domain's normalise-and-limit rule and
// the storage the editor writes to), the report file import ("Khôi phục" into IndexedDB)
// and the server (revision bodies over HTTP on loopback). The same invariants at each:
// nothing accepted that cannot be read back and printed, nothing read back that differs
// from what was written, no 5xx, no throw.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeReportFile } from '@/domain/report/import-plan';
import { buildReportFile, reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { acceptedLength, normalizeText, textLength } from '@/domain/report/text';
import type { Criterion } from '@/domain/template/template-schema';
import { readReportFile } from '@/export/pdf/report-file-input';
import { createReport, getAnswers, saveAnswers } from '@/storage/report-repository';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';
import { reportFilePdf } from '../fixtures/report-pdf';
import { mulberry32 } from '../fixtures/random';
import { parseText, readFixtureFile, restoreText, testDatabases } from './backup-fixtures';
import { call, putRevision, startTestServer } from './server-harness';

const SEED = 20261206;
const VARIANTS = 40;
// Printing is the slow check: the first accepted variants of each door are printed.
const PRINTED = 3;

type Random = () => number;
const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

// What a paste can hold: Vietnamese text composed and decomposed, C0/C1 controls,
// noncharacters, lone surrogates, an emoji, line breaks of every kind, JSON and HTML
// specials, long unbroken runs.
const PIECES = [
  'Đoàn viên thanh niên ',
  'Nghi\u0323 quyê\u0301t ',
  '\u0000',
  '\u0007',
  '\u0085',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '😀',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '"\\',
  '<script>alert(1)</script>',
  '- gạch đầu dòng\n',
  'x'.repeat(120),
];

function randomText(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += pick(random, PIECES);
  return text.slice(0, length);
}

type TextCriterion = Extract<Criterion, { kind: 'text' | 'longText' }>;
const TEXT_CRITERIA = defaultTemplate.steps
  .flatMap((step) => step.criteria)
  .filter((c): c is TextCriterion => c.kind === 'text' || c.kind === 'longText');

// Lengths at and around a field's limits: its maximum, and twice it (what is taken in).
function pasteLength(random: Random, maxLength: number): number {
  const accepted = acceptedLength(maxLength);
  return pick(random, [
    0,
    1,
    maxLength - 1,
    maxLength,
    maxLength + 1,
    accepted - 1,
    accepted,
    accepted + 1,
    accepted + 40,
    int(random, accepted + 100),
  ]);
}

// The editor's rule (features/wizard/field-parts.tsx: nfcChange, useLimitedChange).
function editorTakes(raw: string, maxLength: number): string | null {
  const text = normalizeText(raw);
  return textLength(text) > acceptedLength(maxLength) ? null : text;
}

// A report file read back prints: the PDF the app makes of it has pages.
async function expectPrintable(file: ReportFile): Promise<void> {
  const bytes = await reportFilePdf(file);
  expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
}

// Mutations of a valid report file's answers and meta, as a careless or hostile writer
// makes them.
function mutateFile(random: Random, base: ReportFile, id: string): ReportFile | string {
  const file = structuredClone(base);
  file.report.id = id;
  const answers = file.answers as Record<string, unknown>;
  for (let n = 1 + int(random, 3); n > 0; n -= 1) {
    const criterion = pick(random, TEXT_CRITERIA);
    switch (int(random, 6)) {
      case 0:
      case 1:
      case 2:
        answers[criterion.id] = randomText(random, pasteLength(random, criterion.maxLength));
        break;
      case 3:
        answers[criterion.id] = pick(random, [42, null, [], {}, { value: 'x' }, true]);
        break;
      case 4:
        answers[`unknown-${int(random, 100)}`] = randomText(random, 20);
        break;
      default:
        file.report.name = randomText(random, pick(random, [0, 50, 300]));
    }
  }
  if (random() < 0.1) return JSON.stringify(file).slice(0, int(random, 2000));
  return file;
}

describe('the editor’s paste', () => {
  const databases = testDatabases('door-fuzz-paste');
  afterAll(() => databases.removeAll());

  it('stores what it takes as it is read back and printed, and stores nothing it refuses', async () => {
    const random = mulberry32(SEED);
    const db = databases.open();
    const base = readFixtureFile('draft');
    const reportId = 'paste-fuzz';
    await createReport(db, {
      id: reportId,
      name: base.report.name,
      unit: base.report.unit,
      templateId: base.report.templateId,
      templateVersion: base.report.templateVersion,
      answers: base.answers,
      now: '2013-09-01T00:00:00.000Z',
    });
    let refused = 0;
    for (let n = 0; n < VARIANTS; n += 1) {
      const criterion = pick(random, TEXT_CRITERIA);
      const raw = randomText(random, pasteLength(random, criterion.maxLength));
      const before = (await getAnswers(db, reportId)).answers[criterion.id];
      const taken = editorTakes(raw, criterion.maxLength);
      if (taken === null) {
        refused += 1;
      } else {
        await saveAnswers(db, reportId, new Map([[criterion.id, taken]]), '2013-09-02T00:00:00Z');
      }
      const read = await getAnswers(db, reportId);
      expect(read.damaged).toEqual([]);
      expect(read.answers[criterion.id], `paste ${n}`).toEqual(taken ?? before);
    }
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(VARIANTS);

    // The report file of what is stored: the import reads it back as it is, and it prints.
    const { answers } = await getAnswers(db, reportId);
    const file = buildReportFile(base.report, answers, '2013-09-03T00:00:00.000Z');
    const read = readReportFile(JSON.stringify(file), 'paste.json', findTemplate);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.answers).toEqual(answers);
    await expectPrintable(read.file);
  }, 120_000);
});

describe('the report file import', () => {
  const databases = testDatabases('door-fuzz-import');
  afterAll(() => databases.removeAll());

  it('restores what it accepts exactly, printable, and refuses the rest with a problem', async () => {
    const random = mulberry32(SEED + 1);
    const base = readFixtureFile('full');
    let printed = 0;
    let accepted = 0;
    for (let n = 0; n < VARIANTS; n += 1) {
      const mutated = mutateFile(random, base, `import-fuzz-${n}`);
      const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
      const parsed = parseText(text);
      if (!parsed.ok) {
        expect(parsed.problem.code, `variant ${n}`).toMatch(/^[a-zA-Z]+$/);
        continue;
      }
      accepted += 1;
      const db = databases.open();
      await restoreText(db, text);
      const written = parsed.reports[0]!;
      const read = await getAnswers(db, written.report.id);
      expect(read.damaged).toEqual([]);
      expect(read.answers, `variant ${n}`).toEqual(written.answers);
      if (printed < PRINTED) {
        printed += 1;
        await expectPrintable(buildReportFile(written.report, read.answers, written.exportedAt));
      }
    }
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(VARIANTS);
  }, 180_000);
});

describe('the server', () => {
  it('keeps what it accepts as the app reads it, printable, and answers the rest with 4xx', async () => {
    const server = await startTestServer();
    try {
      const code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const admin = server.store.addUnit('Ban Tổ chức Tỉnh Đoàn', true).code;
      const random = mulberry32(SEED + 2);
      const base = readFixtureFile('full');
      let printed = 0;
      let accepted = 0;
      for (let n = 0; n < VARIANTS; n += 1) {
        const id = `server-fuzz-${n}`;
        const mutated = mutateFile(random, base, id);
        const response = await putRevision(server.url, code, id, 1, mutated);
        expect(response.status, `variant ${n}: ${response.text}`).toBeLessThan(500);
        if (response.status !== 201) {
          expect(response.status, `variant ${n}`).toBeGreaterThanOrEqual(400);
          continue;
        }
        accepted += 1;
        // What was sent, as the app's import reads it, is what the server gives back.
        const sent = normalizeReportFile(
          reportFileSchema.parse(typeof mutated === 'string' ? JSON.parse(mutated) : mutated),
          findTemplate,
        );
        const stored = await call(`${server.url}/api/reports/${id}/revisions/1`, { code: admin });
        const read = readReportFile(JSON.stringify(stored.body.report), `${id}.json`, findTemplate);
        if (!read.ok) throw new Error(`variant ${n}: ${read.message}`);
        expect(read.file.answers, `variant ${n}`).toEqual(sent.answers);
        expect(read.file.report).toEqual(sent.report);
        if (printed < PRINTED) {
          printed += 1;
          await expectPrintable(read.file);
        }
      }
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(VARIANTS);
      expect((await call(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
