// The text of the exported PDF read back with pdftotext (Debian poppler-utils), and the
// `npm run pdf` command end to end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitTextBlocks } from '@/domain/report/text';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { renderReportPdf, type RenderInput } from '@/export/pdf/pdf-writer.chunk';
import { vi } from '@/i18n/vi-report';
import { fixturePath, loadFixture, type FixtureName } from './pdf-fixtures';
import { pageInk, pngSize, renderPagePng, requireTools, runPdfCommand } from './poppler';

// These tests need the poppler tools; without them they fail, never skip.
requireTools(['pdftotext', 'pdftoppm'], 'the PDF text round-trip tests');

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(root, 'tests/artifacts/pdf');
const fonts = readFontFiles();
let dir = '';

type Rendered = { input: RenderInput; path: string; pages: string[]; words: string[] };
const rendered = new Map<FixtureName, Rendered>();

function render(file: string, input: RenderInput): Rendered {
  const path = join(dir, `${file}.pdf`);
  writeFileSync(path, renderReportPdf(input, fonts).bytes);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  // Pages are separated by form feeds; a page's number is its first line.
  const pages = text.split('\f').map((page) => page.replace(/^\s*\d+\s*\n/, ''));
  return { input, path, pages, words: pages.join('\n').split(/\s+/).filter(Boolean) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-pdf-'));
  for (const name of ['full', 'largest'] as const)
    rendered.set(name, render(name, loadFixture(name)));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const nfc = (text: string) => text.normalize('NFC');
const squeeze = (text: string) => text.replace(/\s+/g, '');

// Where `needle` starts as a run of whole words in `haystack` at or after `from`, or -1.
function findWords(haystack: readonly string[], needle: readonly string[], from: number) {
  for (let i = from; i + needle.length <= haystack.length; i += 1)
    if (needle.every((word, j) => haystack[i + j] === word)) return i;
  return -1;
}

// Where the characters of `needle`, spaces ignored, end in `haystack` after `from`, or -1.
function findSqueezed(haystack: readonly string[], needle: string, from: number) {
  const joined = haystack.slice(from).join('');
  const at = joined.indexOf(squeeze(needle));
  if (at < 0) return -1;
  let length = 0;
  for (let i = from; i < haystack.length; i += 1) {
    length += haystack[i]!.length;
    if (length >= at + squeeze(needle).length) return i;
  }
  return -1;
}

// Every paragraph and list item of every long answer, in document order, as words.
function longAnswerBlocks({ template, answers }: RenderInput) {
  return template.steps.flatMap((step) =>
    step.criteria.flatMap((criterion) => {
      const value = answers[criterion.id];
      if (criterion.kind !== 'longText' || typeof value !== 'string') return [];
      return splitTextBlocks(value).map((block, index) => ({
        where: `${criterion.id} #${index + 1}`,
        text: nfc(block.text),
      }));
    }),
  );
}

// A word longer than a line is cut between characters (the long URL in largest.json).
const LONGER_THAN_A_LINE = 60;

describe('PDF text round trip (pdftotext)', () => {
  it.each<FixtureName>(['full', 'largest'])(
    'gives back every long answer of %s word for word and in order',
    (name) => {
      const { input, words } = rendered.get(name)!;
      const extracted = words.map(nfc);
      const blocks = longAnswerBlocks(input);
      expect(blocks.length).toBeGreaterThan(20);
      const missing: string[] = [];
      let cursor = 0;
      for (const { where, text } of blocks) {
        const needle = text.split(/\s+/).filter(Boolean);
        const isCut = needle.some((word) => [...word].length > LONGER_THAN_A_LINE);
        const at = isCut
          ? findSqueezed(extracted, text, cursor)
          : findWords(extracted, needle, cursor);
        if (at < 0) missing.push(`${where}: "${needle.slice(0, 6).join(' ')}…"`);
        else cursor = isCut ? at + 1 : at + needle.length;
      }
      expect(missing).toEqual([]);
    },
  );

  it('cuts only the word longer than a line in largest.json', () => {
    const url = 'https://tinhdoanbaclieu.example.vn/hướng-dẫn/sơ-kết-nghị-quyết-01-nq-đtn-năm-2013';
    const { words } = rendered.get('largest')!;
    expect(words).not.toContain(url);
    expect(findSqueezed(words, url, 0)).toBeGreaterThan(0);
  });

  it.each<[FixtureName, string, string]>([
    ['full', 'the signer name', 'Nguyễn Thượng Việt'],
    ['largest', 'the signer name typed decomposed', 'Nguyễn Thượng Việt'],
    ['full', 'the issuing body', 'BCH ĐOÀN HUYỆN HỒNG DÂN'],
    ['full', 'the unit', 'của Ban Thường vụ Huyện Đoàn Hồng Dân)'],
    ['full', 'the place and date', 'Hồng Dân, ngày 05 tháng 9 năm 2013'],
    ['full', 'typographic quotes', '“Cán bộ Đoàn giỏi”'],
    ['full', 'an en dash', 'sâu rộng – nhất là'],
    ['full', 'an em dash', 'phong phú — thiếu sức hút'],
    ['full', 'an ellipsis', 'đề ra… Công tác'],
    ['largest', 'decomposed input with dashes, quotes and an ellipsis', '“quyết liệt, đồng bộ”…'],
  ])('gives back %s: %s exactly', (name, _, expected) => {
    const text = rendered.get(name)!.pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(expected);
    expect(text).not.toContain('\uFFFD');
    expect(text).not.toContain('[?]');
  });

  it('gives back every Vietnamese letter in every tone', () => {
    // One word a vowel with its six tones: pdftotext reads evenly spaced single letters
    // as one word.
    const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
    const tones = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
    const lower = vowels.map((vowel) => nfc(tones.map((tone) => vowel + tone).join('')));
    const words = [...lower, 'đ', ...lower.map((word) => word.toLocaleUpperCase('vi')), 'Đ'];
    expect(words.join('')).toHaveLength(146);
    const input = loadFixture('full', { opening: words.join(' ') });
    const { words: extracted } = render('letters', input);
    expect(findWords(extracted, words, 0)).toBeGreaterThan(0);
  });

  it('renders page 1, a body page and an appendix page of full.json to PNG', () => {
    const { path, pages } = rendered.get('full')!;
    const appendixPage = pages.findIndex((page) => page.includes('(Kèm theo Báo cáo số')) + 1;
    expect(appendixPage).toBeGreaterThan(2);
    mkdirSync(artifacts, { recursive: true });
    const shots: [string, number, [number, number]][] = [
      ['full-page-1', 1, [497, 702]],
      ['full-body-page-2', 2, [497, 702]],
      [`full-appendix-page-${appendixPage}`, appendixPage, [702, 497]],
    ];
    for (const [file, page, [width, height]] of shots) {
      const png = renderPagePng(path, page, join(artifacts, file));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(pngSize(png)).toEqual([width, height]);
      // Not blank, not black: the page carries print (text and rules are a few per cent).
      const ink = pageInk(path, page);
      expect(ink, `ink on page ${page}`).toBeGreaterThan(0.005);
      expect(ink, `ink on page ${page}`).toBeLessThan(0.3);
    }
  });
});

describe.concurrent('npm run pdf', () => {
  // A guard, not a measure: five `npx tsx` start at once, slow on 2 busy cores.
  const COMMAND_TIMEOUT = 90_000;

  it(
    'writes a PDF of a valid report file and exits 0',
    async () => {
      const output = join(dir, 'command-full.pdf');
      const run = await runPdfCommand([fixturePath('full'), output]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(readFileSync(output).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(run.stdout).toContain(`Đã ghi ${output} (`);
      expect(existsSync(`${output}.part`)).toBe(false);
    },
    COMMAND_TIMEOUT,
  );

  const full = JSON.parse(readFileSync(fixturePath('full'), 'utf8')) as {
    report: Record<string, unknown>;
  };
  it.each<[string, string | null, (path: string) => string]>([
    ['a file that is not JSON', '{ "format": "so-ket/report", ', (path) => vi.cli.notJson(path)],
    [
      'JSON of the wrong shape',
      JSON.stringify({ format: 'so-ket/report', version: 1, answers: [] }),
      () => vi.cli.invalidFile(''),
    ],
    [
      'a report of an unknown template',
      JSON.stringify({ ...full, report: { ...full.report, templateId: 'mau-khong-co' } }),
      () => vi.cli.unknownTemplate('mau-khong-co', 1),
    ],
    ['a file that does not exist', null, (path) => vi.cli.cannotRead(path)],
  ])(
    'rejects %s with a Vietnamese message, exit 1 and no output file',
    async (what, content, message) => {
      const slug = what.replace(/\W+/g, '-');
      const input = join(dir, `${slug}.json`);
      const output = join(dir, `${slug}.pdf`);
      if (content !== null) writeFileSync(input, content);
      const run = await runPdfCommand([input, output]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message(input));
      expect(existsSync(output)).toBe(false);
      expect(existsSync(`${output}.part`)).toBe(false);
    },
    COMMAND_TIMEOUT,
  );
});
