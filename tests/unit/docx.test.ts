// The Word copy against the official format (FORMAT.md): the package's XML read back
// (fonts, sizes, page, paragraphs, tables, sections), then LibreOffice opening each file
// and printing it (soffice → PDF → pdftotext) with every typed paragraph in order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportDocument } from '@/domain/report/document-model';
import { splitTextBlocks } from '@/domain/report/text';
import { renderReportDocx, type DocxInput } from '@/export/docx/docx-writer.chunk';
import { measureTimes } from '@/export/docx/times-metrics';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { planAppendix } from '@/export/pdf/layout';
import { createMeasure, layoutReportInput } from '@/export/pdf/pdf-writer.chunk';
import { vi } from '@/i18n/vi-report';
import { documentWords } from '@/i18n/document';
import { loadFixture, type FixtureName } from './pdf-fixtures';
import {
  pageInk,
  pdfTextPages,
  pngSize,
  rawPdfPages,
  renderPagePng,
  requireTools,
} from './poppler';
import { readZip } from './zip';
import { printWithLibreOffice, requireLibreOffice, SOFFICE_TIMEOUT } from '../support/libreoffice';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(root, 'tests/artifacts/docx');
const FIXTURES: FixtureName[] = ['full', 'largest', 'draft'];

type Rendered = {
  input: DocxInput;
  bytes: Uint8Array;
  document: string;
  styles: string;
  numbering: string;
  headers: string[];
};
const rendered = new Map<FixtureName, Rendered>();
let dir = '';

async function render(input: DocxInput): Promise<Rendered> {
  const bytes = await renderReportDocx(input);
  const files = readZip(bytes);
  const part = (name: string) => {
    const file = files.get(name);
    if (!file) throw new Error(`the package has no ${name}`);
    return file.toString('utf8');
  };
  return {
    input,
    bytes,
    document: part('word/document.xml'),
    styles: part('word/styles.xml'),
    numbering: part('word/numbering.xml'),
    headers: [...files.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name)).map(part),
  };
}

// Answers as a careless paste or a hostile file brings them, reaching the writer without
// the editor's normalisation: a noncharacter, a lone surrogate, controls, a CR.
const HOSTILE_TEXT = 'Đầu\uFFFE giữa\uD800 cuối\u0001\u0008 dòng\r\nhai \uFDD0hết';
let hostile: Uint8Array = new Uint8Array();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-docx-'));
  for (const name of FIXTURES) rendered.set(name, await render(loadFixture(name)));
  hostile = (
    await render(
      loadFixture('draft', { 'direction-results': HOSTILE_TEXT, 'signer-name': 'Tên\uFFFF' }),
    )
  ).bytes;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const get = (name: FixtureName) => rendered.get(name)!;
const nfc = (text: string) => text.normalize('NFC');
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

type Para = { xml: string; text: string };
const paragraphs = (xml: string): Para[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    // Zero-width spaces are the break opportunities of long runs (URLs): invisible.
    text: unescapeXml(
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    ).replace(/\u200b/g, ''),
  }));
const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
const rows = (table: string) => [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r]) => r);
const sections = (xml: string) =>
  [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map(([s]) => s);
const style = (xml: string, id: string) =>
  xml.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? '';

function paragraph(xml: string, text: string): Para {
  const found = paragraphs(xml).find((p) => p.text === nfc(text));
  if (!found) throw new Error(`no paragraph reads "${text}"`);
  return found;
}

// The half-point size, bold, italic and underline of a paragraph's first run: its own
// properties, else its paragraph style's, else the document defaults.
function runLook(p: Para, styles = '') {
  const rPrOf = (xml: string) => xml.match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  const own = rPrOf(p.xml.match(/<w:r>[\s\S]*?<\/w:r>/)?.[0] ?? '');
  const styleId = p.xml.match(/<w:pStyle w:val="([^"]+)"/)?.[1];
  const layers = [
    own,
    styleId ? rPrOf(style(styles, styleId)) : '',
    styles.match(/<w:rPrDefault><w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '',
  ];
  const flag = (tag: string) => {
    for (const rPr of layers) {
      if (new RegExp(`<w:${tag}/>`).test(rPr)) return true;
      if (new RegExp(`<w:${tag} w:val="(false|0|off)"/>`).test(rPr)) return false;
    }
    return false;
  };
  const size = layers.map((rPr) => rPr.match(/<w:sz w:val="(\d+)"/)?.[1]).find(Boolean);
  return {
    size: Number(size ?? 0),
    bold: flag('b'),
    italic: flag('i'),
    underline: layers.some((rPr) => /<w:u w:val="single"\/>/.test(rPr)),
  };
}

// Every paragraph and list item of every long answer, in document order.
function longAnswerBlocks({ template, answers }: DocxInput) {
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

describe('Word copy: the package', () => {
  it.each(FIXTURES)('names Times New Roman for every run, style and default of %s', (name) => {
    const { document, styles, numbering, headers } = get(name);
    const parts = [document, styles, numbering, ...headers];
    const fonts = parts.flatMap((xml) =>
      [...xml.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]!),
    );
    expect(fonts.length).toBeGreaterThan(50);
    for (const attributes of fonts) {
      expect(attributes).not.toMatch(/Theme=/);
      const names = [...attributes.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)];
      expect(names.map((m) => m[1])).toEqual(Array(4).fill('Times New Roman'));
    }
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
    // Every run of text carries the font itself, so pasting it elsewhere keeps it.
    const runs = [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(runs.filter((run) => !run.includes('w:ascii="Times New Roman"'))).toEqual([]);
  });

  it('lays out A4 portrait pages with the official margins (twips)', () => {
    const [body] = sections(get('full').document);
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(body).toMatch(
      /<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="\d+"/,
    );
  });

  it('numbers pages from page 2 on, top centre, 13 pt', () => {
    const { document, headers } = get('full');
    for (const section of sections(document)) {
      expect(section).toContain('<w:titlePg/>');
      expect(section).toContain('<w:pgNumType w:start="1"/>');
      expect(section).toMatch(/<w:headerReference w:type="first"/);
      expect(section).toMatch(/<w:headerReference w:type="default"/);
    }
    const numbered = headers.filter((xml) => xml.includes('>PAGE<'));
    expect(numbered).toHaveLength(2);
    for (const xml of numbered) {
      expect(xml).toContain('<w:jc w:val="center"/>');
      expect(xml).toContain('<w:sz w:val="26"/>');
    }
  });

  it('sets the header as a borderless two-column table (rules of 2013)', () => {
    const { document } = get('full');
    const header = tables(document)[0]!;
    const borders = header.match(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/)![1]!;
    expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(Array(6).fill('none'));
    expect(header).not.toMatch(/<w:tcBorders>/);
    const grid = [...header.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(2);
    expect(Math.abs(grid[0]! - grid[1]!)).toBeLessThanOrEqual(1);
    expect(grid[0]! + grid[1]!).toBe(9071); // 160 mm
    const [top, numberRow] = rows(header);
    const look = (row: string, text: string) => runLook(paragraph(row!, text));
    expect(look(top!, 'TỈNH ĐOÀN BẠC LIÊU')).toMatchObject({ size: 28, bold: false });
    expect(look(top!, 'BCH ĐOÀN HUYỆN HỒNG DÂN')).toMatchObject({ size: 28, bold: true });
    expect(look(top!, '***')).toMatchObject({ size: 28, bold: false });
    expect(look(top!, 'ĐOÀN TNCS HỒ CHÍ MINH')).toEqual({
      size: 30,
      bold: true,
      italic: false,
      underline: true,
    });
    // The place and date share the row of "Số:".
    expect(look(numberRow!, 'Số: 15-BC/ĐTN')).toMatchObject({ size: 28, bold: false });
    expect(look(numberRow!, 'Hồng Dân, ngày 05 tháng 9 năm 2013')).toMatchObject({
      size: 26,
      italic: true,
    });
  });

  it('puts the union top left and only the date on the right in the older header', async () => {
    const older = await render(loadFixture('full', { 'header-layout': 'older' }));
    const [top] = rows(tables(older.document)[0]!);
    const cells = [...top!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphs(c));
    expect(cells[0]!.map((p) => p.text)).toEqual([
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'BCH ĐOÀN HUYỆN HỒNG DÂN',
      '***',
    ]);
    expect(runLook(cells[0]![0]!)).toMatchObject({ size: 28, bold: false, underline: false });
    expect(cells[1]!.map((p) => p.text).join('')).toBe('');
  });

  it('titles the report 16 pt bold and the subject 14 pt bold, centred, with a dashed rule', () => {
    const { document, input } = get('full');
    const title = paragraph(document, 'BÁO CÁO');
    expect(runLook(title)).toMatchObject({ size: 32, bold: true });
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    // Names are held together with no-break spaces, so Word never breaks inside them.
    const subject = paragraphs(document).find(
      (p) => p.text.replace(/\u00a0/g, ' ') === nfc(input.template.subject),
    )!;
    for (const name of ['Ban\u00a0Chấp\u00a0hành', 'Tỉnh\u00a0Đoàn', 'Bạc\u00a0Liêu'])
      expect(subject.text).toContain(name);
    expect(runLook(subject)).toMatchObject({ size: 28, bold: true, italic: false });
    expect(subject.xml).toContain('<w:jc w:val="center"/>');
    const all = paragraphs(document);
    const rule = all[all.indexOf(all.find((p) => p.xml === subject.xml)!) + 1]!;
    expect(rule.text).toBe('');
    expect(rule.xml).toMatch(/<w:pBdr><w:bottom w:val="dashSmallGap"/);
  });

  it('justifies body paragraphs with a 1.27 cm first-line indent and at most 6 pt after', () => {
    const { document, styles, input } = get('full');
    const body = style(styles, 'BodyText');
    expect(body).toContain('<w:name w:val="Body Text"/>');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:ind w:firstLine="720"/>');
    const after = Number(body.match(/<w:spacing [^>]*w:after="(\d+)"/)![1]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(120);
    // Line spacing 1.2 × 14 pt as a minimum ("at least" 16.8 pt).
    expect(body).toMatch(/w:line="336" w:lineRule="atLeast"/);
    const opening = paragraph(document, input.answers['opening'] as string);
    expect(opening.xml).toContain('<w:pStyle w:val="BodyText"/>');
    expect(opening.xml).toContain('<w:widowControl/>');
    expect(opening.xml).not.toMatch(/<w:jc /);
    expect(runLook(opening, styles)).toMatchObject({ size: 28, bold: false, italic: false });
  });

  it('gives headings Word heading styles 1–4, styled bold / bold italic / italic, black', () => {
    const { document, styles, input } = get('full');
    const model = buildReportDocument(input.template, input.answers, input.unitName);
    const levels = { section: 1, item: 2, subItem: 3, subSubItem: 4, part: 0 };
    const headings = model.body.filter((block) => block.kind === 'heading');
    expect(new Set(headings.map((h) => h.level))).toEqual(
      new Set(['section', 'item', 'subItem', 'subSubItem']),
    );
    for (const heading of headings) {
      const p = paragraph(document, `${heading.number} ${heading.title}`);
      expect(p.xml).toContain(`<w:pStyle w:val="Heading${levels[heading.level]}"/>`);
    }
    const looks = {
      Heading1: ['<w:b/>', '<w:i w:val="false"/>'],
      Heading2: ['<w:b/>'],
      Heading3: ['<w:b/>', '<w:i/>'],
      Heading4: ['<w:b w:val="false"/>', '<w:i/>'],
    };
    for (const [id, marks] of Object.entries(looks)) {
      const xml = style(styles, id);
      for (const mark of [...marks, '<w:sz w:val="28"/>', '<w:color w:val="000000"/>'])
        expect(xml, `${id} ${mark}`).toContain(mark);
      expect(xml).toContain('<w:keepNext/>');
      expect(xml).toContain('w:ascii="Times New Roman"');
      expect(xml).toMatch(/<w:outlineLvl w:val="\d"\/>/);
    }
  });

  it('indents list items with a hanging indent after their own "-" or "+" bullet', () => {
    const { document, numbering, input } = get('full');
    const model = buildReportDocument(input.template, input.answers, input.unitName);
    const items = model.body.filter((block) => block.kind === 'listItem');
    expect(new Set(items.map((item) => item.bullet))).toEqual(new Set(['-', '+']));
    for (const item of items.slice(0, 10)) {
      const p = paragraphs(document).find((candidate) => candidate.text === item.text)!;
      expect(p.xml).toContain('<w:numPr>');
      const [, left, hanging] = p.xml.match(/<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>/)!;
      expect(Number(hanging)).toBeGreaterThan(100);
      expect(Number(left) - Number(hanging)).toBe(720);
    }
    expect(numbering).toContain('<w:lvlText w:val="-"/>');
    expect(numbering).toContain('<w:lvlText w:val="+"/>');
  });

  it('writes a missing answer as an italic "[Chưa nhập] …" placeholder', () => {
    const { document, styles } = get('draft');
    const missing = paragraphs(document).filter((p) =>
      p.text.startsWith(`${documentWords.missingAnswer} `),
    );
    expect(missing.length).toBeGreaterThan(2);
    for (const p of missing) expect(runLook(p, styles)).toMatchObject({ size: 28, italic: true });
  });

  it('keeps the closing in one borderless 40/60 row that never splits', () => {
    const { document } = get('full');
    const closing = tables(document).find((t) => t.includes('>Nơi nhận:<'))!;
    expect(closing).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect([...closing.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([
      3628, 5443,
    ]);
    expect(rows(closing)).toHaveLength(1);
    expect(closing).toContain('<w:cantSplit/>');
    const look = (text: string) => runLook(paragraph(closing, text));
    expect(look('Nơi nhận:')).toMatchObject({ size: 26, bold: true });
    expect(look('- Ban Thường vụ Tỉnh Đoàn (b/c);')).toMatchObject({ size: 22, bold: false });
    expect(look('- Lưu VP.')).toMatchObject({ size: 22 });
    expect(look('TM. BAN THƯỜNG VỤ')).toMatchObject({ size: 28, bold: true });
    expect(look('BÍ THƯ')).toMatchObject({ size: 28, bold: false });
    const signer = paragraph(closing, 'Nguyễn Thượng Việt');
    expect(runLook(signer)).toMatchObject({ size: 28, bold: true });
    expect(signer.xml).toContain('w:before="1701"'); // 30 mm for the signature and seal
  });

  it.each<FixtureName>(['full', 'largest'])(
    'starts the appendix of %s in a new landscape section numbered from 1',
    (name) => {
      const { document } = get(name);
      const [body, appendix] = sections(document);
      expect(sections(document)).toHaveLength(2);
      expect(body).not.toContain('<w:type');
      expect(appendix).toContain('<w:type w:val="nextPage"/>');
      expect(appendix).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
      expect(appendix).toContain('<w:pgNumType w:start="1"/>');
      const after = document.slice(document.indexOf('</w:sectPr>'));
      const [heading, title, note] = paragraphs(after).filter((p) => p.text !== '');
      expect(heading!.text).toBe('Phụ lục 1');
      expect(runLook(heading!)).toMatchObject({ size: 28, bold: true });
      expect(runLook(title!)).toMatchObject({ size: 28, bold: true });
      expect(note!.text).toMatch(/^\(Kèm theo Báo cáo số .*\)$/);
      expect(runLook(note!)).toMatchObject({ size: 26, italic: true });
    },
  );

  it('repeats each appendix header row, never splits a row and right-aligns numbers in 12 pt', () => {
    const { document } = get('full');
    const appendix = tables(document.slice(document.indexOf('</w:sectPr>')));
    expect(appendix.length).toBeGreaterThanOrEqual(7);
    for (const table of appendix) {
      const [header, ...body] = rows(table);
      expect(header).toContain('<w:tblHeader/>');
      expect(body.some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
      for (const row of [header!, ...body]) expect(row).toContain('<w:cantSplit/>');
      expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);
      for (const p of paragraphs(table)) expect(runLook(p).size).toBe(24);
    }
    const number = paragraph(appendix[0]!, '24.500');
    expect(number.xml).toContain('<w:jc w:val="right"/>');
    expect(paragraph(appendix[0]!, '73,3%').xml).toContain('<w:jc w:val="right"/>');
    expect(runLook(paragraph(appendix[0]!, 'Nội dung'))).toMatchObject({ bold: true });
  });

  it.each<FixtureName>(['full', 'largest'])(
    'holds every typed paragraph of %s as one Word paragraph, in NFC',
    (name) => {
      const { document, input } = get(name);
      const texts = paragraphs(document).map((p) => p.text);
      const all = texts.join('\n');
      expect(all).toBe(nfc(all));
      expect(all).not.toMatch(/[\u0300-\u036f]/);
      const blocks = longAnswerBlocks(input);
      expect(blocks.length).toBeGreaterThan(20);
      let cursor = 0;
      const missing: string[] = [];
      for (const { where, text } of blocks) {
        const at = texts.indexOf(text, cursor);
        if (at < 0) missing.push(`${where}: "${text.slice(0, 40)}…"`);
        else cursor = at + 1;
      }
      expect(missing).toEqual([]);
      expect(texts).toContain('Nguyễn Thượng Việt');
    },
  );

  it.each<FixtureName>(['full', 'largest'])(
    'plans the appendix of %s as the PDF does (orientation, columns within 0.5 mm)',
    (name) => {
      const pdfMeasure = createMeasure(readFontFiles());
      const { document } = layoutReportInput(get(name).input, pdfMeasure);
      const labels = {
        indicator: vi.appendix.indicator,
        target: vi.appendix.target,
        status: vi.appendix.status,
        percentUnit: vi.appendix.percentUnit,
        statuses: vi.appendix.statuses,
        noData: vi.appendix.noData,
      };
      const pdf = planAppendix(document, labels, pdfMeasure);
      const word = planAppendix(document, labels, measureTimes);
      expect(word.orientation).toBe(pdf.orientation);
      expect(word.tables.map((t) => [t.title, t.rows])).toEqual(
        pdf.tables.map((t) => [t.title, t.rows]),
      );
      word.tables.forEach((table, i) =>
        table.columns.forEach((column, j) =>
          expect(Math.abs(column.width - pdf.tables[i]!.columns[j]!.width)).toBeLessThan(0.5),
        ),
      );
    },
  );

  it('boxes DỰ THẢO at the top of a draft, and only of a draft', () => {
    const first = paragraphs(get('draft').document)[0]!;
    expect(first.text).toBe(documentWords.draftMark);
    expect(runLook(first)).toMatchObject({ size: 28, bold: true });
    for (const side of ['top', 'left', 'bottom', 'right'])
      expect(first.xml).toMatch(new RegExp(`<w:${side} w:val="single"`));
    for (const name of ['full', 'largest'] as const)
      expect(get(name).document).not.toContain(documentWords.draftMark);
  });
});

// LibreOffice: opens each file and prints it. Without it these fail, never skip.

// The words of the text; a word LibreOffice broke after its hyphen is joined again.
const wordsOf = (text: string) =>
  nfc(text)
    .replace(/(\S-)\n/g, '$1')
    .split(/\s+/)
    .filter(Boolean);

function findWords(haystack: readonly string[], needle: readonly string[], from: number) {
  for (let i = from; i + needle.length <= haystack.length; i += 1)
    if (needle.every((word, j) => haystack[i + j] === word)) return i;
  return -1;
}

// Where the characters of `needle`, spaces ignored, end in `haystack` after `from`, or -1.
function findSqueezed(haystack: readonly string[], needle: string, from: number) {
  const squeezed = needle.replace(/\s+/g, '');
  const at = haystack.slice(from).join('').indexOf(squeezed);
  if (at < 0) return -1;
  let length = 0;
  for (let i = from; i < haystack.length; i += 1) {
    length += haystack[i]!.length;
    if (length >= at + squeezed.length) return i;
  }
  return -1;
}

// A word longer than a line (the URL in largest.json) is broken where LibreOffice likes.
const LONGER_THAN_A_LINE = 60;

describe('Word copy in LibreOffice (soffice → PDF → pdftotext)', () => {
  const printed = new Map<FixtureName, { pdf: string; pages: string[] }>();

  beforeAll(() => {
    requireLibreOffice();
    requireTools(['pdftotext'], 'the Word copy tests');
    const files = FIXTURES.map((name) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, get(name).bytes);
      return path;
    });
    const hostilePath = join(dir, 'hostile.docx');
    writeFileSync(hostilePath, hostile);
    files.push(hostilePath);
    printWithLibreOffice(files, dir, dir);
    for (const name of FIXTURES) {
      const pdf = join(dir, `${name}.pdf`);
      printed.set(name, { pdf, pages: pdfTextPages(pdf) });
    }
  }, SOFFICE_TIMEOUT + 10_000);

  it.each<FixtureName>(['full', 'largest'])(
    'prints every long answer of %s word for word and in order',
    (name) => {
      const { pages } = printed.get(name)!;
      const words = wordsOf(pages.join('\n'));
      const blocks = longAnswerBlocks(get(name).input);
      const missing: string[] = [];
      let cursor = 0;
      for (const { where, text } of blocks) {
        const needle = wordsOf(text);
        const isCut = needle.some((word) => [...word].length > LONGER_THAN_A_LINE);
        const at = isCut ? findSqueezed(words, text, cursor) : findWords(words, needle, cursor);
        if (at < 0) missing.push(`${where}: "${needle.slice(0, 6).join(' ')}…"`);
        else cursor = isCut ? at + 1 : at + needle.length;
      }
      expect(missing).toEqual([]);
    },
  );

  it('prints the header, the title, the closing and the appendix of full.json', () => {
    const { pages } = printed.get('full')!;
    const text = pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'TỈNH ĐOÀN BẠC LIÊU',
      'BCH ĐOÀN HUYỆN HỒNG DÂN',
      'Số: 15-BC/ĐTN',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Hồng Dân, ngày 05 tháng 9 năm 2013',
      'BÁO CÁO',
      'Nơi nhận:',
      '- Lưu VP.',
      'TM. BAN THƯỜNG VỤ',
      'Nguyễn Thượng Việt',
      'Phụ lục',
      'của Ban Thường vụ Huyện Đoàn Hồng Dân)',
      '“Cán bộ Đoàn giỏi”',
      'phong phú — thiếu sức hút',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain(documentWords.draftMark);
    expect(text).not.toContain('\uFFFD');
  });

  it('opens a file made from text with U+FFFE, lone surrogates and controls', () => {
    const text = pdfTextPages(join(dir, 'hostile.pdf')).join('\n');
    expect(text.replace(/\s+/g, ' ')).toContain('Đầu giữa cuối dòng hai hết');
    expect(text).toContain('Tên');
    expect([...text].filter((c) => '\uFFFE\uFFFF\uFFFD\uFDD0\u0001'.includes(c))).toEqual([]);
  });

  it('prints DỰ THẢO on the first page of the draft', () => {
    expect(printed.get('draft')!.pages[0]).toContain(documentWords.draftMark);
  });

  it('prints the body on portrait pages and the appendix on landscape pages', () => {
    const { pdf, pages } = printed.get('full')!;
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' })
      .split('\n')
      .flatMap((line) => {
        const m = line.match(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/);
        return m ? [Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'] : [];
      });
    const appendixPage = pages.findIndex((page) => page.includes('(Kèm theo Báo cáo số'));
    expect(appendixPage).toBeGreaterThan(1);
    expect(sizes.slice(0, appendixPage)).toEqual(Array(appendixPage).fill('portrait'));
    expect(sizes.slice(appendixPage).every((size) => size === 'landscape')).toBe(true);
    // No page number on the appendix's first page; its second page is numbered 2.
    const rawPages = rawPdfPages(pdf);
    expect(rawPages[appendixPage]!.trimStart().startsWith('Phụ lục')).toBe(true);
    expect(rawPages[appendixPage + 1]!.trimStart()).toMatch(/^2\s/);
    expect(rawPages[0]!.trimStart().startsWith('TỈNH ĐOÀN BẠC LIÊU')).toBe(true);
    expect(rawPages[1]!.trimStart()).toMatch(/^2\s/);
  });

  it('renders page 1 and the first appendix page of full.json to PNG', () => {
    const { pdf, pages } = printed.get('full')!;
    const appendixPage = pages.findIndex((page) => page.includes('(Kèm theo Báo cáo số')) + 1;
    mkdirSync(artifacts, { recursive: true });
    const shots: [string, number, [number, number]][] = [
      ['full-page-1', 1, [496, 702]],
      [`full-appendix-page-${appendixPage}`, appendixPage, [702, 496]],
    ];
    for (const [file, page, [width, height]] of shots) {
      const png = renderPagePng(pdf, page, join(artifacts, file));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [pngWidth, pngHeight] = pngSize(png);
      expect(Math.abs(pngWidth - width)).toBeLessThanOrEqual(1);
      expect(Math.abs(pngHeight - height)).toBeLessThanOrEqual(1);
      // Not blank, not black: the page carries print (text and rules are a few per cent).
      const ink = pageInk(pdf, page);
      expect(ink, `ink on page ${page}`).toBeGreaterThan(0.005);
      expect(ink, `ink on page ${page}`).toBeLessThan(0.3);
    }
  });
});
