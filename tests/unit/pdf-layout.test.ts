// The PDF layout against the official format (FORMAT.md), measured with the embedded
// Tinos metrics exactly as the writer measures them, on the report fixtures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateInWords, type DocumentBlock } from '@/domain/report/document-model';
import { coverText } from '@/export/pdf/font-coverage';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { BASELINE, FORMAT, LINE_HEIGHT, PAGE, PT, type FontStyle } from '@/export/pdf/format';
import {
  layoutReport,
  type LayoutOptions,
  type Measure,
  type PageLayout,
  type TextRun,
} from '@/export/pdf/layout';
import { createMeasure, layoutReportInput, renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { fixturePath, loadFixture, type FixtureName } from './pdf-fixtures';

const fonts = readFontFiles();
const measure = createMeasure(fonts);
const M = PAGE.margin;
const TOLERANCE = 0.5;
const JUSTIFY_TOLERANCE = 0.3;
const BODY_RIGHT = PAGE.portrait.width - M.right; // 190 mm

const laidOut = {
  full: layoutReportInput(loadFixture('full'), measure),
  largest: layoutReportInput(loadFixture('largest'), measure),
  draft: layoutReportInput(loadFixture('draft'), measure),
};
const fixtureNames = Object.keys(laidOut) as FixtureName[];
const withAppendix: FixtureName[] = ['full', 'largest'];

const textRuns = (page: PageLayout) =>
  page.items.filter((item): item is TextRun => item.kind === 'text');
const allRuns = (name: FixtureName) =>
  laidOut[name].layout.pages.flatMap((page, index) =>
    textRuns(page).map((run) => ({ run, page, index })),
  );
const widthOf = (run: TextRun) => measure(run.text.trimEnd(), run.style, run.size);
const rightOf = (run: TextRun) => run.x + widthOf(run);
const centreOf = (run: TextRun) => run.x + widthOf(run) / 2;
const topOf = (run: TextRun) => run.y - run.size * PT * BASELINE;
const lineHeight = (size: number) => size * PT * LINE_HEIGHT;
const rightMargin = (page: PageLayout) => page.width - M.right;
const blockCentre = (page: PageLayout) => (M.left + rightMargin(page)) / 2;

// Every run with exactly this text, anywhere in the document.
function runsWithText(name: FixtureName, text: string) {
  return allRuns(name).filter(({ run }) => run.text === text);
}

function onlyRun(name: FixtureName, text: string) {
  const found = runsWithText(name, text);
  expect(found, `one run "${text}"`).toHaveLength(1);
  return found[0]!;
}

describe('PDF page geometry', () => {
  it.each(fixtureNames)('puts the body of %s on A4 portrait pages', (name) => {
    const body = laidOut[name].layout.pages.filter((page) => page.section === 'body');
    expect(body.length).toBeGreaterThan(0);
    for (const page of body)
      expect([page.orientation, page.width, page.height]).toEqual(['portrait', 210, 297]);
  });

  it.each(withAppendix)('puts the wide appendix of %s on A4 landscape pages', (name) => {
    const appendix = laidOut[name].layout.pages.filter((page) => page.section === 'appendix');
    expect(appendix.length).toBeGreaterThanOrEqual(2);
    for (const page of appendix)
      expect([page.orientation, page.width, page.height]).toEqual(['landscape', 297, 210]);
  });

  it('leaves the appendix out when no indicator has a value', () => {
    expect(laidOut.draft.layout.pages.every((page) => page.section === 'body')).toBe(true);
  });

  it.each(fixtureNames)(
    'keeps every text run, rule and box of %s inside the text block',
    (name) => {
      const outside: string[] = [];
      laidOut[name].layout.pages.forEach((page, index) => {
        for (const item of page.items) {
          const [left, right, top, bottom, what] =
            item.kind === 'text'
              ? [item.x, rightOf(item), topOf(item), topOf(item) + lineHeight(item.size), item.text]
              : item.kind === 'line'
                ? [
                    Math.min(item.x1, item.x2),
                    Math.max(item.x1, item.x2),
                    Math.min(item.y1, item.y2),
                    Math.max(item.y1, item.y2),
                    'rule',
                  ]
                : [item.x, item.x + item.w, item.y, item.y + item.h, 'box'];
          if (
            left < M.left - TOLERANCE ||
            right > rightMargin(page) + TOLERANCE ||
            top < M.top - TOLERANCE ||
            bottom > page.height - M.bottom + TOLERANCE
          ) {
            const box = [left, right, top, bottom].map((n) => n.toFixed(1)).join(', ');
            outside.push(`page ${index + 1}: ${what} at ${box}`);
          }
        }
      });
      expect(outside).toEqual([]);
    },
  );
});

describe('PDF page numbers', () => {
  it.each(fixtureNames)(
    'numbers %s from page 2 on, top centre, and restarts in the appendix',
    (name) => {
      let sectionPage = 0;
      let section: PageLayout['section'] | null = null;
      laidOut[name].layout.pages.forEach((page) => {
        sectionPage = page.section === section ? sectionPage + 1 : 1;
        section = page.section;
        const expected = sectionPage === 1 ? null : sectionPage;
        expect(page.pageNumber).toBe(expected);
        const numbers = textRuns(page).filter(
          (run) => /^\d+$/.test(run.text) && topOf(run) < M.top + 1,
        );
        if (expected === null) {
          expect(numbers).toEqual([]);
          return;
        }
        expect(numbers).toHaveLength(1);
        const run = numbers[0]!;
        expect([run.text, run.size, run.style]).toEqual([String(expected), 13, 'normal']);
        expect(centreOf(run)).toBeCloseTo(blockCentre(page), 1);
        expect(topOf(run)).toBeCloseTo(M.top, 1);
      });
    },
  );
});

describe('PDF header', () => {
  const left = M.left + (210 - M.left - M.right) / 4; // 70 mm
  const right = M.left + ((210 - M.left - M.right) * 3) / 4; // 150 mm

  it('puts the column axes at 70 and 150 mm', () => {
    expect([left, right]).toEqual([70, 150]);
  });

  it.each<[string, string, number, number, FontStyle]>([
    ['the superior body', 'TỈNH ĐOÀN BẠC LIÊU', left, 14, 'normal'],
    ['the issuing body', 'BCH ĐOÀN HUYỆN HỒNG DÂN', left, 14, 'bold'],
    ['the separator', '***', left, 14, 'normal'],
    ['the number and symbol', 'Số: 15-BC/ĐTN', left, 14, 'normal'],
    ['the union heading', 'ĐOÀN TNCS HỒ CHÍ MINH', right, 15, 'bold'],
    ['the place and date', 'Hồng Dân, ngày 05 tháng 9 năm 2013', right, 13, 'italic'],
  ])('draws %s "%s" centred on x = %i mm at %i pt %s', (_, text, axis, size, style) => {
    const { run, index } = onlyRun('full', text);
    expect(index).toBe(0);
    expect([run.size, run.style]).toEqual([size, style]);
    expect(Math.abs(centreOf(run) - axis)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('stacks the left column lines in order', () => {
    const tops = ['TỈNH ĐOÀN BẠC LIÊU', 'BCH ĐOÀN HUYỆN HỒNG DÂN', '***', 'Số: 15-BC/ĐTN'].map(
      (text) => topOf(onlyRun('full', text).run),
    );
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(new Set(tops).size).toBe(4);
  });

  it('puts the place and date on the row of "Số:"', () => {
    const number = onlyRun('full', 'Số: 15-BC/ĐTN').run;
    const date = onlyRun('full', 'Hồng Dân, ngày 05 tháng 9 năm 2013').run;
    expect(topOf(date)).toBeCloseTo(topOf(number), 2);
  });

  it('rules a solid line under the union heading as long as its text', () => {
    const union = onlyRun('full', 'ĐOÀN TNCS HỒ CHÍ MINH').run;
    const rules = laidOut.full.layout.pages[0]!.items.filter(
      (item) =>
        item.kind === 'line' &&
        item.y1 === item.y2 &&
        item.y1 > union.y &&
        item.y1 < topOf(union) + lineHeight(union.size) + 1,
    );
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    if (rule.kind !== 'line') throw new Error('not a rule');
    expect(rule.dash).toBeUndefined();
    expect(rule.x1).toBeCloseTo(union.x, 2);
    expect(rule.x2 - rule.x1).toBeCloseTo(widthOf(union), 2);
  });

  it('puts the union heading above the issuing body in the older layout, the date alone right', () => {
    const input = loadFixture('full', { 'header-layout': 'older' });
    const page = layoutReportInput(input, measure).layout.pages[0]!;
    const header = textRuns(page).filter((run) => run.y < topOf(onlyRun('full', 'BÁO CÁO').run));
    const leftColumn = header.filter((run) => Math.abs(centreOf(run) - left) <= TOLERANCE);
    const rightColumn = header.filter((run) => Math.abs(centreOf(run) - right) <= TOLERANCE);
    expect(leftColumn.map((run) => run.text)).toEqual([
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'BCH ĐOÀN HUYỆN HỒNG DÂN',
      '***',
      'Số: 15-BC/ĐTN',
    ]);
    expect(rightColumn.map((run) => run.text)).toEqual(['Hồng Dân, ngày 05 tháng 9 năm 2013']);
    expect(header).toHaveLength(5);
    expect(topOf(rightColumn[0]!)).toBeCloseTo(topOf(leftColumn[3]!), 2);
  });

  it.each([
    ['5', '9', '2013', 'ngày 05 tháng 9 năm 2013'],
    ['9', '2', '2013', 'ngày 09 tháng 02 năm 2013'],
    ['1', '1', '2014', 'ngày 01 tháng 01 năm 2014'],
    ['05', '02', '2013', 'ngày 05 tháng 02 năm 2013'],
    ['10', '3', '2013', 'ngày 10 tháng 3 năm 2013'],
    ['31', '12', '2013', 'ngày 31 tháng 12 năm 2013'],
    [' 7 ', ' 10 ', '2013', 'ngày 07 tháng 10 năm 2013'],
  ])('writes the date %s/%s/%s as "%s"', (day, month, year, expected) => {
    const words = dateInWords({ day, month, year });
    expect(words).toBe(expected);
    expect(words).not.toMatch(/[/.-]/);
  });

  it('leaves a blank day and month as spaces for hand-filling', () => {
    const blank = ' '.repeat(5);
    expect(dateInWords({ day: '', month: '', year: '2013' })).toBe(
      `ngày ${blank} tháng ${blank} năm 2013`,
    );
  });

  it('draws the date line of 9 February with leading zeros', () => {
    const input = loadFixture('full', { 'document-date': { day: '9', month: '2', year: '2013' } });
    const { layout } = layoutReportInput(input, measure);
    const dates = textRuns(layout.pages[0]!).filter((run) => run.style === 'italic');
    expect(dates.map((run) => run.text)).toContain('Hồng Dân, ngày 09 tháng 02 năm 2013');
  });
});

describe('PDF title, closing and styles', () => {
  it.each<[string, string, number, FontStyle]>([
    ['the document type', 'BÁO CÁO', 16, 'bold'],
    ['the recipients heading', 'Nơi nhận:', 13, 'bold'],
    ['a recipient', '- Ban Thường vụ Tỉnh Đoàn (b/c);', 11, 'normal'],
    ['the last recipient', '- Lưu VP.', 11, 'normal'],
    ['the signing line', 'TM. BAN THƯỜNG VỤ', 14, 'bold'],
    ['the position', 'BÍ THƯ', 14, 'normal'],
    ['the signer', 'Nguyễn Thượng Việt', 14, 'bold'],
  ])('draws %s "%s" at %i pt %s', (_, text, size, style) => {
    const { run } = onlyRun('full', text);
    expect([run.size, run.style]).toEqual([size, style]);
  });

  it('centres the title and the wrapped subject in bold 14 pt with a dashed rule under it', () => {
    const page = laidOut.full.layout.pages[0]!;
    const title = onlyRun('full', 'BÁO CÁO').run;
    expect(centreOf(title)).toBeCloseTo(110, 1);
    const rule = page.items.find((item) => item.kind === 'line' && item.dash !== undefined);
    if (rule?.kind !== 'line') throw new Error('no dashed rule');
    const subject = textRuns(page).filter((run) => run.y > title.y && run.y < rule.y1);
    expect(subject.length).toBeGreaterThan(1);
    for (const run of subject) {
      expect([run.size, run.style]).toEqual([14, 'bold']);
      expect(Math.abs(centreOf(run) - 110)).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(subject.map((run) => run.text).join(' ')).toBe(
      laidOut.full.document.subject.normalize('NFC'),
    );
    expect((rule.x1 + rule.x2) / 2).toBeCloseTo(110, 1);
    const widest = Math.max(...subject.map(widthOf));
    expect(rule.x2 - rule.x1).toBeCloseTo(widest / 3, 1);
    const number = onlyRun('full', 'Số: 15-BC/ĐTN').run;
    // "About 20 mm" from the row of "Số:" to "BÁO CÁO".
    const gap = topOf(title) - (topOf(number) + lineHeight(14));
    expect(gap).toBeGreaterThanOrEqual(15);
    expect(gap).toBeLessThanOrEqual(FORMAT.gapNumberToTitle);
  });

  it.each(fixtureNames)('keeps the closing block of %s on one page', (name) => {
    const { closing } = laidOut[name].document;
    const texts = [
      closing.recipientsHeading,
      ...closing.recipients,
      closing.signingLine,
      closing.position,
      closing.signerName,
    ].map((text) => text.normalize('NFC'));
    const pages = texts.map((text) => {
      const found = runsWithText(name, text).filter(({ page }) => page.section === 'body');
      expect(found, text).toHaveLength(1);
      return found[0]!.index;
    });
    expect(new Set(pages).size).toBe(1);
  });

  it('centres the signing column and leaves 30 mm for the signature', () => {
    const width = 210 - M.left - M.right;
    const axis = M.left + width * FORMAT.closing.leftShare + (width * 0.6) / 2; // 142 mm
    const runs = ['TM. BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Thượng Việt'].map(
      (text) => onlyRun('full', text).run,
    );
    for (const run of runs) expect(Math.abs(centreOf(run) - axis)).toBeLessThanOrEqual(TOLERANCE);
    const [, position, signer] = runs;
    expect(topOf(signer!) - topOf(position!) - lineHeight(14)).toBeCloseTo(30, 1);
    const heading = onlyRun('full', 'Nơi nhận:').run;
    expect(heading.x).toBeCloseTo(M.left, 2);
    expect(topOf(heading)).toBeCloseTo(topOf(runs[0]!), 2);
  });

  it('writes decomposed input composed (NFC)', () => {
    const file = JSON.parse(readFileSync(fixturePath('largest'), 'utf8')) as {
      answers: Record<string, unknown>;
    };
    expect(file.answers['signer-name']).toBe('Nguyễn Thượng Việt'.normalize('NFD'));
    expect(onlyRun('largest', 'Nguyễn Thượng Việt').run.style).toBe('bold');
  });
});

type BodyLine = { page: number; top: number; runs: TextRun[]; x: number; right: number };

// The body text lines (upright 14 pt) in reading order, without the header lines above
// the subject's rule and the closing block's right column.
function bodyLines(name: FixtureName): BodyLine[] {
  const lines: BodyLine[] = [];
  laidOut[name].layout.pages.forEach((page, index) => {
    if (page.section !== 'body') return;
    const rule = page.items.find((item) => item.kind === 'line' && item.dash !== undefined);
    const from = index === 0 && rule?.kind === 'line' ? rule.y1 : -Infinity;
    const rows = new Map<number, TextRun[]>();
    for (const run of textRuns(page)) {
      if (run.style !== 'normal' || run.size !== 14 || run.y < from) continue;
      const key = Math.round(run.y * 1000);
      rows.set(key, [...(rows.get(key) ?? []), run]);
    }
    for (const key of [...rows.keys()].sort((a, b) => a - b)) {
      const runs = rows.get(key)!.sort((a, b) => a.x - b.x);
      if (runs[0]!.x > M.left + 20) continue;
      const last = runs[runs.length - 1]!;
      lines.push({ page: index, top: topOf(runs[0]!), runs, x: runs[0]!.x, right: rightOf(last) });
    }
  });
  return lines;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

type TextBlock = Extract<DocumentBlock, { kind: 'paragraph' | 'listItem' }>;

// Each paragraph and list item of the body with the lines that draw it.
function blocksWithLines(name: FixtureName) {
  const lines = bodyLines(name);
  let cursor = 0;
  return laidOut[name].document.body
    .filter((block): block is TextBlock => block.kind === 'paragraph' || block.kind === 'listItem')
    .map((block) => {
      const text = block.kind === 'listItem' ? `${block.bullet} ${block.text}` : block.text;
      const expected = squeeze(coverText(text, new Set()));
      const own: BodyLine[] = [];
      let drawn = '';
      while (drawn.length < expected.length && cursor < lines.length) {
        const line = lines[cursor]!;
        own.push(line);
        drawn += squeeze(line.runs.map((run) => run.text).join(''));
        cursor += 1;
      }
      expect(drawn).toBe(expected);
      return { block, lines: own };
    });
}

describe('PDF body text', () => {
  it.each(fixtureNames)(
    'starts every paragraph of %s 12.7 mm right of the margin and justifies its lines',
    (name) => {
      const problems: string[] = [];
      const blocks = blocksWithLines(name);
      expect(blocks.length).toBeGreaterThan(0);
      for (const { block, lines } of blocks) {
        const label = `page ${lines[0]!.page + 1}: "${lines[0]!.runs[0]!.text}…"`;
        const bulletWidth =
          block.kind === 'listItem' ? measure(`${block.bullet} `, 'normal', 14) : 0;
        const restX =
          block.kind === 'listItem' ? M.left + FORMAT.body.listIndent + bulletWidth : M.left;
        lines.forEach((line, i) => {
          const x = i === 0 ? M.left + FORMAT.body.firstLineIndent : restX;
          if (Math.abs(line.x - x) > 0.01)
            problems.push(`${label} line ${i + 1} starts at ${line.x.toFixed(2)}, not ${x}`);
          const isLast = i === lines.length - 1;
          // A single piece of a word longer than a line is cut, not justified; a line
          // whose gaps would be wider than three spaces (before a long run) is left ragged.
          const words = line.runs.length === 1 ? line.runs[0]!.text.split(' ').length : 0;
          const space = measure(' ', 'normal', 14);
          const tooWide = words > 1 && (BODY_RIGHT - line.right) / (words - 1) + space > 3 * space;
          const limit = line.runs.length > 1 ? JUSTIFY_TOLERANCE : tooWide ? Infinity : 5;
          if (!isLast && Math.abs(line.right - BODY_RIGHT) > limit)
            problems.push(`${label} line ${i + 1} ends at ${line.right.toFixed(2)}`);
          if (isLast && line.right > BODY_RIGHT + JUSTIFY_TOLERANCE)
            problems.push(`${label} last line ends at ${line.right.toFixed(2)}`);
        });
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(fixtureNames)('never leaves one line of a %s paragraph alone on a page', (name) => {
    const alone: string[] = [];
    for (const { lines } of blocksWithLines(name)) {
      const perPage = new Map<number, number>();
      for (const line of lines) perPage.set(line.page, (perPage.get(line.page) ?? 0) + 1);
      if (perPage.size > 1 && [...perPage.values()].some((count) => count < 2))
        alone.push(
          `"${lines[0]!.runs.map((run) => run.text).join('')}": ${[...perPage].join(' | ')}`,
        );
    }
    expect(alone).toEqual([]);
  });

  it('lets paragraphs of largest.json cross pages', () => {
    const crossing = blocksWithLines('largest').filter(
      ({ lines }) => lines[0]!.page !== lines[lines.length - 1]!.page,
    );
    expect(crossing.length).toBeGreaterThan(0);
  });

  it.each(fixtureNames)('draws every heading of %s in the style of its level', (name) => {
    const { document } = laidOut[name];
    const headings = document.body.filter((block) => block.kind === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      const text = `${heading.number} ${heading.title}`.trim().normalize('NFC');
      const style = FORMAT.headings[heading.level];
      const first = allRuns(name).find(
        ({ run }) =>
          run.text.trim().length >= Math.min(text.length, 15) && text.startsWith(run.text.trim()),
      );
      expect(first, text).toBeDefined();
      expect([first!.run.size, first!.run.style]).toEqual([style.size, style.style]);
    }
  });

  it.each(fixtureNames)('never ends a page of %s with a heading', (name) => {
    const { document, layout } = laidOut[name];
    const headings = [
      ...document.body.flatMap((block) =>
        block.kind === 'heading'
          ? [{ text: `${block.number} ${block.title}`, style: FORMAT.headings[block.level] }]
          : block.kind === 'label'
            ? [{ text: block.text, style: FORMAT.label }]
            : [],
      ),
      ...document.appendix.tables.map((table, i) => ({
        text: `${i + 1}. ${table.title}`,
        style: FORMAT.appendix.tableTitle,
      })),
    ].map(({ text, style }) => ({ text: coverText(text, new Set()), style }));
    const isHeading = (run: TextRun) =>
      headings.some(
        ({ text, style }) =>
          run.style === style.style && run.size === style.size && text.includes(run.text.trim()),
      );
    const endings: string[] = [];
    layout.pages.forEach((page, index) => {
      const runs = textRuns(page).filter((run) => run.text.trim() !== '');
      const lastTop = Math.max(...runs.map(topOf));
      for (const run of runs.filter((r) => topOf(r) > lastTop - 0.01))
        if (isHeading(run)) endings.push(`page ${index + 1}: ${run.text}`);
    });
    expect(endings).toEqual([]);
  });
});

describe('PDF headings kept with their text', () => {
  // One millimetre per character at 14 pt: a word of 140 characters fills a line alone.
  const oneMmPerCharacter: Measure = (text, _style, size) => ([...text].length * size) / 14;
  const options: LayoutOptions = {
    measure: oneMmPerCharacter,
    missingText: '[Chưa nhập]',
    draftText: 'DỰ THẢO',
    appendixLabels: {
      indicator: '',
      target: '',
      status: '',
      percentUnit: '',
      statuses: { met: '', notMet: '', exceeded: '' },
      noData: '',
    },
  };
  const origin = { stepId: 'step', criterionId: 'criterion' };
  const lines = (letter: string, count: number) =>
    Array.from({ length: count }, () => letter.repeat(140)).join(' ');
  const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text, ...origin });

  it.each<[string, DocumentBlock[], DocumentBlock]>([
    [
      'an item heading and a sub-item heading',
      [
        { kind: 'heading', level: 'item', number: '1.', title: 'Mục', stepId: 'step' },
        { kind: 'heading', level: 'subItem', number: '1.1.', title: 'Tiểu mục', stepId: 'step' },
      ],
      paragraph(lines('y', 3)),
    ],
    ['a label', [{ kind: 'label', text: '* Hạn chế:', ...origin }], paragraph(lines('y', 3))],
    [
      'a section heading',
      [{ kind: 'heading', level: 'section', number: 'I.', title: 'MỤC', stepId: 'step' }],
      paragraph(lines('y', 5)),
    ],
    [
      'a heading before a list item',
      [{ kind: 'heading', level: 'item', number: '2.', title: 'Mục', stepId: 'step' }],
      { kind: 'listItem', bullet: '-', text: lines('y', 3), ...origin },
    ],
  ])('keeps %s with the text after it wherever it falls on a page', (_, headings, text) => {
    const base = laidOut.full.document;
    const headingTexts = headings.map((block) =>
      block.kind === 'heading' ? `${block.number} ${block.title}` : (block as TextBlock).text,
    );
    const problems: string[] = [];
    for (let spacerLines = 1; spacerLines <= 45; spacerLines += 1) {
      for (let shortParagraphs = 0; shortParagraphs <= 5; shortParagraphs += 1) {
        const body = [
          paragraph(lines('x', spacerLines)),
          ...Array.from({ length: shortParagraphs }, () => paragraph('Ngắn.')),
          ...headings,
          text,
          paragraph('Hết.'),
        ];
        const { pages } = layoutReport(
          { ...base, body, appendix: { ...base.appendix, tables: [] } },
          options,
        );
        const pageOf = (match: (run: TextRun) => boolean) =>
          pages.flatMap((page, index) => (textRuns(page).some(match) ? [index] : []));
        const headingPages = headingTexts.flatMap((heading) =>
          pageOf((run) => run.text === heading),
        );
        const textPages = pages.map(
          (page) => textRuns(page).filter((run) => run.text.includes('yyyy')).length,
        );
        const firstTextPage = textPages.findIndex((count) => count > 0);
        const split = textPages.filter((count) => count > 0);
        if (
          headingPages.some((page) => page !== firstTextPage) ||
          (split.length > 1 && split.some((count) => count < 2))
        )
          problems.push(
            `${spacerLines} lines + ${shortParagraphs} short: headings on ${headingPages.join()}, text lines per page ${textPages.join()}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('PDF appendix', () => {
  it.each(withAppendix)('opens the appendix of %s with its heading, title and note', (name) => {
    const { layout, document } = laidOut[name];
    const first = layout.pages.find((page) => page.section === 'appendix')!;
    const [heading, title, note] = textRuns(first);
    expect([heading!.text, heading!.size, heading!.style]).toEqual(['Phụ lục 1', 14, 'bold']);
    expect([title!.size, title!.style]).toEqual([14, 'bold']);
    expect(title!.text).toBe(title!.text.toLocaleUpperCase('vi'));
    expect(note!.text).toBe(document.appendixNote);
    expect([note!.size, note!.style]).toEqual([13, 'italic']);
    for (const run of [heading!, title!, note!])
      expect(Math.abs(centreOf(run) - blockCentre(first))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('notes the report number, date and unit under the appendix title', () => {
    expect(
      runsWithText(
        'full',
        '(Kèm theo Báo cáo số 15-BC/ĐTN ngày 05 tháng 9 năm 2013 của Ban Thường vụ Huyện Đoàn Hồng Dân)',
      ),
    ).toHaveLength(1);
  });

  it.each(withAppendix)('repeats the table header row on every appendix page of %s', (name) => {
    const appendix = laidOut[name].layout.pages.filter((page) => page.section === 'appendix');
    let pagesWithRows = 0;
    for (const page of appendix) {
      const cells = textRuns(page).filter((run) => run.size === FORMAT.appendix.cell.size);
      if (!page.items.some((item) => item.kind === 'rect')) continue;
      pagesWithRows += 1;
      const headers = cells.filter((run) => run.text === 'Nội dung');
      expect(headers.length).toBeGreaterThan(0);
      expect(headers[0]!.style).toBe('bold');
      const firstHeaderTop = Math.min(...headers.map(topOf));
      for (const cell of cells) expect(topOf(cell)).toBeGreaterThanOrEqual(firstHeaderTop - 0.01);
    }
    expect(pagesWithRows).toBe(appendix.length);
  });
});

describe('PDF draft mark and unsupported characters', () => {
  it('marks draft.json "DỰ THẢO" in a box at the top right of page 1', () => {
    const { run, page, index } = onlyRun('draft', 'DỰ THẢO');
    expect(index).toBe(0);
    expect([run.size, run.style]).toEqual([14, 'bold']);
    const boxes = page.items.filter(
      (item) =>
        item.kind === 'rect' &&
        item.x <= run.x &&
        item.x + item.w >= rightOf(run) &&
        item.y <= topOf(run) &&
        item.y + item.h >= run.y,
    );
    expect(boxes).toHaveLength(1);
    const box = boxes[0]!;
    if (box.kind !== 'rect') throw new Error('not a box');
    expect(box.x + box.w).toBeCloseTo(rightMargin(page), 2);
    expect(box.y).toBeCloseTo(M.top, 2);
  });

  it.each<[FixtureName, boolean]>([
    ['draft', true],
    ['full', false],
    ['largest', false],
  ])('marks %s as a draft: %s', (name, isDraft) => {
    expect(laidOut[name].document.isDraft).toBe(isDraft);
    const marks = allRuns(name).filter(({ run }) => run.text.includes('DỰ THẢO'));
    expect(marks).toHaveLength(isDraft ? 1 : 0);
  });

  it('replaces characters the font lacks with "[?]" and lists them', () => {
    const input = loadFixture('full', {
      opening: 'Chào mừng 😀 thành công, Ω.',
      'signer-name': 'Nguyễn Ω',
    });
    const { layout } = layoutReportInput(input, measure);
    expect([...layout.replacedCharacters].sort()).toEqual(['Ω', '😀'].sort());
    const texts = layout.pages.flatMap(textRuns).map((run) => run.text);
    expect(texts.join('\n')).not.toMatch(/Ω|😀/u);
    expect(texts).toContain('Nguyễn [?]');
    expect(texts.some((text) => text.startsWith('Chào mừng [?] thành công, [?].'))).toBe(true);

    const result = renderReportPdf(input, fonts);
    expect([...result.replacedCharacters].sort()).toEqual(['Ω', '😀'].sort());
    expect(new TextDecoder().decode(result.bytes.subarray(0, 5))).toBe('%PDF-');
  });
});
