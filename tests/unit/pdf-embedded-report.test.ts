// The report file every exported PDF carries: `npm run pdf` renders the review report
// (largest.json) and the models report (six models, thirteen photos as base64); poppler's
// pdfdetach lists and saves so-ket.json, byte-equal to the canonical report file (photo
// bytes left out, their SHA-256 kept), and the fingerprint printed on the last page
// (pdftotext) is the first 8 hex digits of its SHA-256.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalReportFileJson, fingerprintOfSha256 } from '@/domain/report/fingerprint';
import { reportFileSchema, type ReportFile } from '@/domain/report/report-schema';
import { documentDataWords } from '@/i18n/document-data';
import { modelsReportFile } from '../fixtures/models-report';
import { fixturePath } from './pdf-fixtures';
import { rawPdfPages, requireTools, runPdfCommand } from './poppler';

requireTools(['pdfdetach', 'pdftotext'], 'the embedded report tests');

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
