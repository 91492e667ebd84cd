// The office's letters as PDF (the report's writer and fonts, FORMAT.md) and Word: the
// text read back (pdftotext; LibreOffice printing the Word copy) is the golden text word
// for word, on A4 with the header's two columns and the closing kept whole.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftLetter, letterDocument, letterKindFor, type Letter } from '@/domain/letters/letter';
import { renderLetterDocx } from '@/export/docx/docx-writer.chunk';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { PAGE } from '@/export/pdf/format';
import { layoutLetter } from '@/export/pdf/letter-layout';
import { createMeasure, renderLetterPdf } from '@/export/pdf/pdf-writer.chunk';
import { defaultTemplate } from '@/templates/template-registry';
import { COMPLETION_GOLDEN, REMINDER_GOLDEN } from '../fixtures/letters-golden';
import { LETTER_DEADLINES, LETTER_TODAY, letterTracker, rowOf } from '../fixtures/letters';
import { readZip } from './zip';
import { printWithLibreOffice, SOFFICE_TIMEOUT } from '../support/libreoffice';
import { pngSize, rawPdfPages, renderPagePng, requireTools } from './poppler';

requireTools(['pdftotext', 'pdftoppm'], 'the letter PDF tests');

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(root, 'tests/artifacts/letters');
const fonts = readFontFiles();
const rows = letterTracker();
let dir = '';

function letterFor(unitKey: string): Letter {
  const row = rowOf(rows, unitKey);
  return draftLetter({
    kind: letterKindFor(row, defaultTemplate)!,
    row,
    template: defaultTemplate,
    today: LETTER_TODAY,
    deadlines: LETTER_DEADLINES,
    number: '27',
  });
}

const CASES = [
  { name: 'nhac-nop', unitKey: 'huyen-doan-dong-hai', golden: REMINDER_GOLDEN },
  { name: 'de-nghi-bo-sung', unitKey: 'huyen-doan-hong-dan', golden: COMPLETION_GOLDEN },
] as const;

const words = (text: string) => text.normalize('NFC').split(/\s+/).filter(Boolean);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-letters-'));
  mkdirSync(artifacts, { recursive: true });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a letter as PDF', () => {
  for (const { name, unitKey, golden } of CASES) {
    it(`${name}: pdftotext reads back the golden text, word for word`, () => {
      const result = renderLetterPdf(letterFor(unitKey), fonts);
      const path = join(dir, `${name}.pdf`);
      writeFileSync(path, result.bytes);
      writeFileSync(join(artifacts, `${name}.pdf`), result.bytes);
      expect(result.replacedCharacters).toEqual([]);
      expect(result.pageCount).toBe(1);
      expect(words(rawPdfPages(path).join('\n'))).toEqual(words(golden));
      // A4 portrait: 210 × 297 mm at 60 dpi.
      const png = renderPagePng(path, 1, join(artifacts, `${name}-1`));
      expect(pngSize(png)).toEqual([497, 702]);
    });
  }

  it('keeps the header in its columns: the subject line under the number, left half', () => {
    const layout = layoutLetter(
      letterDocument(letterFor('huyen-doan-hong-dan')),
      createMeasure(fonts),
    );
    const page = layout.pages[0]!;
    const texts = page.items.filter((item) => item.kind === 'text');
    const at = (start: string) => texts.find((t) => t.text.startsWith(start))!;
    const number = at('Số:');
    const subject = texts.filter((t) => t.y > number.y && t.x < 30 + 80 && t.size === 12);
    expect(subject.length).toBeGreaterThan(0);
    const middle =
      PAGE.margin.left + (PAGE.portrait.width - PAGE.margin.left - PAGE.margin.right) / 2;
    for (const run of subject) expect(run.x).toBeGreaterThanOrEqual(PAGE.margin.left);
    expect(at('Bạc Liêu, ngày').x).toBeGreaterThan(middle);
    expect(at('Bạc Liêu, ngày').y).toBeCloseTo(number.y, 0);
    const salutation = at('Kính gửi:');
    expect(salutation.y).toBeGreaterThan(Math.max(...subject.map((t) => t.y)));
    expect(layout.placements.filter((p) => p.tag === 'closing')).toHaveLength(1);
  });
});

// From "Kính gửi:" to the signer: the part whose order does not depend on how the header's
// columns are read.
const fromSalutation = (text: string) => words(text.slice(text.indexOf('Kính gửi:')));

describe('a letter as Word, opened by LibreOffice', () => {
  it(
    'prints the golden text: the body in order, the header and closing words all there',
    async () => {
      const paths: string[] = [];
      for (const { name, unitKey } of CASES) {
        const bytes = await renderLetterDocx(letterFor(unitKey));
        const xml = readZip(bytes).get('word/document.xml')!.toString('utf8');
        expect(xml).toContain('Times New Roman');
        const path = join(dir, `${name}.docx`);
        writeFileSync(path, bytes);
        writeFileSync(join(artifacts, `${name}.docx`), bytes);
        paths.push(path);
      }
      printWithLibreOffice(paths, dir, dir);
      for (const { name, golden } of CASES) {
        const pages = rawPdfPages(join(dir, `${name}.pdf`));
        expect(pages.filter((page) => page.trim() !== '')).toHaveLength(1);
        const text = pages.join('\n');
        expect(fromSalutation(text)).toEqual(fromSalutation(golden));
        expect(words(text).sort()).toEqual(words(golden).sort());
      }
    },
    SOFFICE_TIMEOUT + 10_000,
  );
});
