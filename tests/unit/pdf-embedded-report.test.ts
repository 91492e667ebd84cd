// The report file every exported PDF carries: `npm run pdf` renders the review report
// (largest.json) and the models report (six models, thirteen photos as base64); poppler's
// pdfdetach lists and saves so-ket.json, byte-equal to the canonical report file (photo
// bytes left out, their SHA-256 kept), and the fingerprint printed on the last page
// (pdftotext) is the first 8 hex digits of its SHA-256. The app's reader
// (readEmbeddedReport, through its lazy chunk) gives the same bytes back, also from the
// files re-written by qpdf and Ghostscript that keep the attachment, and 'none' from
// those that drop it; damaged and foreign bytes never make it throw.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalReportFileJson, fingerprintOfSha256 } from '@/domain/report/fingerprint';
import { readEmbeddedReport, type EmbeddedReportResult } from '@/export/pdf/embedded-report';
import { reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { documentDataWords } from '@/i18n/document-data';
import { modelsReportFile } from '../fixtures/models-report';
import { mulberry32 } from '../fixtures/random';
import { fixturePath } from './pdf-fixtures';
import { rawPdfPages, requireTools, runPdfCommand } from './poppler';

requireTools(['pdfdetach', 'pdftotext'], 'the embedded report tests');
for (const tool of ['qpdf', 'gs'])
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).error)
    throw new Error(`${tool} is missing: apt-get install -y qpdf ghostscript`);

const COMMAND_TIMEOUT = 60_000;

type Rendered = { name: string; file: ReportFile; pdf: string };

let dir = '';
const rendered: Rendered[] = [];

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-embedded-'));
  const modelsPath = join(dir, 'models.json');
  const models = modelsReportFile();
  writeFileSync(modelsPath, JSON.stringify(models));
  const largestPath = fixturePath('largest');
  const jobs = [
    { name: 'report', input: largestPath, args: [] as string[] },
    { name: 'models', input: modelsPath, args: ['--document', 'models'] },
  ];
  for (const job of jobs) {
    const pdf = join(dir, `${job.name}.pdf`);
    const run = await runPdfCommand([job.input, pdf, ...job.args]);
    if (run.code !== 0) throw new Error(`npm run pdf (${job.name}): ${run.stderr}`);
    const file = reportFileSchema.parse(JSON.parse(readFileSync(job.input, 'utf8')));
    rendered.push({ name: job.name, file, pdf });
  }
}, 2 * COMMAND_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['report', 'models'])('the %s PDF', (name) => {
  const get = () => rendered.find((r) => r.name === name)!;

  it('lists so-ket.json as its one embedded file', () => {
    const listing = execFileSync('pdfdetach', ['-list', get().pdf], { encoding: 'utf8' });
    expect(listing.trim().split('\n')).toEqual(['1 embedded files', '1: so-ket.json']);
  });

  it('carries the canonical report file, byte for byte, without photo bytes', () => {
    const { file, pdf } = get();
    const saved = join(dir, `${name}-so-ket.json`);
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdf]);
    const bytes = readFileSync(saved);
    expect(bytes.equals(Buffer.from(canonicalReportFileJson(file), 'utf8'))).toBe(true);
    const carried = reportFileSchema.parse(JSON.parse(bytes.toString('utf8')));
    expect(carried.report).toEqual(file.report);
    expect(carried.answers).toEqual(file.answers);
    expect(carried.photos.map((photo) => photo.sha256)).toEqual(
      file.photos.map((photo) => photo.sha256),
    );
    expect(carried.photos.every((photo) => !photo.data && !photo.thumb)).toBe(true);
    if (name === 'models') expect(carried.photos.length).toBeGreaterThan(0);
  });

  it('prints the fingerprint of that file on its last page', () => {
    const { file, pdf } = get();
    const fingerprint = fingerprintOfSha256(sha256(canonicalReportFileJson(file)));
    expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
    const pages = rawPdfPages(pdf).filter((page) => page.trim() !== '');
    const line = documentDataWords.fingerprint(fingerprint);
    expect(pages.at(-1)).toContain(line);
    expect(pages.slice(0, -1).some((page) => page.includes(line))).toBe(false);
  });
});

describe('readEmbeddedReport', () => {
  const get = (name: string) => rendered.find((r) => r.name === name)!;
  const read = (path: string) => readEmbeddedReport(new Uint8Array(readFileSync(path)));
  const found = (file: ReportFile): EmbeddedReportResult => ({
    kind: 'found',
    text: canonicalReportFileJson(file),
  });

  it.each(['report', 'models'])("gives back the %s PDF's file, byte for byte", async (name) => {
    const { file, pdf } = get(name);
    const result = await read(pdf);
    expect(result).toEqual(found(file));
    if (result.kind === 'found')
      expect(
        Buffer.from(result.text, 'utf8').equals(Buffer.from(canonicalReportFileJson(file))),
      ).toBe(true);
  });

  // Tools that re-write the whole file and keep the attachment: the reader follows their
  // cross-reference tables, streams and object streams.
  it.each([
    ['qpdf', ['qpdf', '{in}', '{out}']],
    [
      'qpdf with object and cross-reference streams',
      ['qpdf', '--object-streams=generate', '{in}', '{out}'],
    ],
    ['qpdf --qdf', ['qpdf', '--qdf', '{in}', '{out}']],
    ['Ghostscript pdfwrite', ['gs', '-q', '-sDEVICE=pdfwrite', '-o', '{out}', '{in}']],
  ])(
    'reads the file re-written by %s',
    async (label, command) => {
      const { file, pdf } = get('report');
      const out = join(dir, `${label.replace(/\W+/g, '-')}.pdf`);
      const [tool, ...args] = command as string[];
      execFileSync(
        tool!,
        args.map((a) => a.replace('{in}', pdf).replace('{out}', out)),
      );
      expect(await read(out)).toEqual(found(file));
    },
    60_000,
  );

  // What loses the attachment: qpdf keeping only the pages, and printing to PDF
  // (Ghostscript to PostScript and back).
  it('finds no data in a PDF re-made from the pages by qpdf or printed by Ghostscript', async () => {
    const { pdf } = get('report');
    const pagesOnly = join(dir, 'pages-only.pdf');
    execFileSync('qpdf', ['--empty', '--pages', pdf, '--', pagesOnly]);
    const ps = join(dir, 'printed.ps');
    const printed = join(dir, 'printed.pdf');
    execFileSync('gs', ['-q', '-sDEVICE=ps2write', '-o', ps, pdf]);
    execFileSync('gs', ['-q', '-sDEVICE=pdfwrite', '-o', printed, ps]);
    for (const path of [pagesOnly, printed]) {
      expect(execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' })).toContain(
        '0 embedded files',
      );
      expect(await read(path)).toEqual({ kind: 'none' });
    }
  }, 60_000);

  it('tells bytes that are not a PDF from a PDF without data', async () => {
    const random = mulberry32(7);
    const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256));
    expect(await readEmbeddedReport(new Uint8Array(0))).toEqual({ kind: 'not-pdf' });
    expect(await readEmbeddedReport(noise)).toEqual({ kind: 'not-pdf' });
    expect(
      await readEmbeddedReport(new TextEncoder().encode('{"format":"so-ket/report"}')),
    ).toEqual({ kind: 'not-pdf' });
    expect(await readEmbeddedReport(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'))).toEqual({
      kind: 'none',
    });
    // A large file that only starts like a PDF.
    const large = new Uint8Array(80 * 1024 * 1024);
    large.set(new TextEncoder().encode('%PDF-1.4\n'));
    expect(await readEmbeddedReport(large)).toEqual({ kind: 'none' });
  });

  it('gives back no altered data: a changed byte in the file or its checksum is refused', async () => {
    const { pdf, file } = get('models');
    const bytes = new Uint8Array(readFileSync(pdf));
    const text = Buffer.from(bytes).toString('latin1');
    const checksum = text.indexOf('/CheckSum <') + '/CheckSum <'.length;
    const changed = bytes.slice();
    changed[checksum] = changed[checksum] === 0x30 ? 0x31 : 0x30;
    expect(await readEmbeddedReport(changed)).toEqual({ kind: 'none' });
    const stream = text.indexOf('stream', text.indexOf('/Type /EmbeddedFile')) + 'stream\n'.length;
    const damaged = bytes.slice();
    damaged[stream + 100] = damaged[stream + 100]! ^ 0xff;
    expect(await readEmbeddedReport(damaged)).toEqual({ kind: 'none' });
    expect(await readEmbeddedReport(bytes)).toEqual(found(file));
  }, 30_000);

  // Fixed seed: truncations, flipped bytes, spliced junk. Whatever the bytes, the reader
  // returns a kind, and 'found' only with the file exactly as written.
  it('never throws on damaged bytes, and never returns altered data', async () => {
    const { pdf, file } = get('report');
    const bytes = new Uint8Array(readFileSync(pdf));
    const expected = canonicalReportFileJson(file);
    const random = mulberry32(1616);
    const pick = (n: number) => Math.floor(random() * n);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 150; i += 1) {
      let sample: Uint8Array;
      const mode = i % 3;
      if (mode === 0) sample = bytes.subarray(0, pick(bytes.length));
      else if (mode === 1) {
        sample = bytes.slice();
        for (let n = 1 + pick(20); n > 0; n -= 1) sample[pick(sample.length)] = pick(256);
      } else {
        const at = pick(bytes.length);
        const junk = Uint8Array.from({ length: pick(2000) }, () => pick(256));
        const rest = bytes.subarray(at + pick(500));
        // Copied with set(): spreading megabytes into an array took seconds.
        sample = new Uint8Array(at + junk.length + rest.length);
        sample.set(bytes.subarray(0, at));
        sample.set(junk, at);
        sample.set(rest, at + junk.length);
      }
      const result = await readEmbeddedReport(sample);
      kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
      if (result.kind === 'found') expect(result.text).toBe(expected);
    }
    // The sample covers both outcomes.
    expect(kinds.get('found')).toBeGreaterThan(0);
    expect(kinds.get('none')).toBeGreaterThan(0);
  }, 120_000);
});
