// Pages a typesetter would sign: the district fixture (every step written, seven appendix
// tables, six models with photos, five materials) rendered to PDF and Word, its text read
// back with pdftotext, and each page rule checked on the laid-out pages (the layout's
// placements: positions from the layout model, not pixels).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/report/answers';
import { buildReportDocument, type DocumentBlock } from '@/domain/report/document-model';
import { createReportDocx } from '@/export/docx/docx-writer.chunk';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { FORMAT, PAGE } from '@/export/pdf/format';
import type { Placement, ReportLayout, TextRun } from '@/export/pdf/layout';
import { createMeasure, layoutReportInput, renderReportPdf } from '@/export/pdf/pdf-writer.chunk';
import { readReportFile, reportFileRenderInput } from '@/export/pdf/report-file-input';
import type { RenderInput } from '@/export/render-input';
import { unbreakableNames } from '@/i18n/vi-typesetting';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';
import {
  DISTRICT_MATERIALS,
  DISTRICT_URL,
  districtAnswers,
  districtReportFile,
} from '../fixtures/district-report';
import { pdfTextPages, requireTools } from './poppler';
import { readZip } from './zip';

requireTools(['pdftotext', 'pdffonts'], 'the typesetting tests');

const fonts = readFontFiles();
const measure = createMeasure(fonts);
const nfc = (text: string) => text.normalize('NFC');
const squeeze = (text: string) => nfc(text).replace(/\s+/g, '');

const read = readReportFile(JSON.stringify(districtReportFile()), 'district.json', findTemplate);
if (!read.ok) throw new Error(read.message);
const inputs: Record<'main' | 'models', RenderInput> = {
  main: reportFileRenderInput(read, 'main'),
  models: reportFileRenderInput(read, 'models'),
};
const laidOut = {
  main: layoutReportInput(inputs.main, measure),
  models: layoutReportInput(inputs.models, measure),
};
type Name = keyof typeof laidOut;
const names: Name[] = ['main', 'models'];

let dir = '';
const pdfPaths: Record<string, string> = {};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'so-ket-typesetting-'));
  for (const name of names) {
    pdfPaths[name] = join(dir, `${name}.pdf`);
    writeFileSync(pdfPaths[name], renderReportPdf(inputs[name], fonts).bytes);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The Word copy's document.xml of each document, made once on first use: a string, so no
// test can change what another reads.
const wordXmls = new Map<Name, Promise<string>>();
function wordXml(name: Name): Promise<string> {
  if (!wordXmls.has(name))
    wordXmls.set(
      name,
      createReportDocx(inputs[name]).then(({ bytes }) =>
        readZip(bytes).get('word/document.xml')!.toString('utf8'),
      ),
    );
  return wordXmls.get(name)!;
}

// Every text the user typed for a document, as printed blocks of at least 20 characters.
function typedTexts(name: Name): string[] {
  const doc = laidOut[name].document;
  const texts = (blocks: readonly DocumentBlock[]) =>
    blocks.flatMap((block) =>
      block.kind === 'paragraph' || block.kind === 'listItem' || block.kind === 'label'
        ? [block.text]
        : block.kind === 'heading'
          ? [block.title]
          : block.kind === 'table'
            ? [block.title, ...block.rows.flat()]
            : block.kind === 'photos'
              ? block.photos.map((photo) => photo.caption)
              : [],
    );
  return [...texts(doc.body), ...texts(doc.appendixBody), doc.subject, doc.appendixTitle]
    .map((text) => text.trim())
    .filter((text) => [...text].length >= 20);
}

const placementsOf = (layout: ReportLayout, test: (tag: string) => boolean) =>
  layout.placements.filter((placement) => test(placement.tag));
const pagesOf = (placements: readonly Placement[]) => [...new Set(placements.map((p) => p.page))];

describe('the district report read back', () => {
  it.each(names)('gives back every typed text of %s of 20 characters or more', (name) => {
    const text = squeeze(pdfTextPages(pdfPaths[name]!).join(''));
    const texts = typedTexts(name);
    expect(texts.length).toBeGreaterThan(name === 'main' ? 60 : 40);
    expect(texts.filter((typed) => !text.includes(squeeze(typed)))).toEqual([]);
  });

  it('gives back the URL whole apart from its line breaks', () => {
    const text = squeeze(pdfTextPages(pdfPaths.main!).join(''));
    expect(text).toContain(squeeze(DISTRICT_URL));
  });

  it('embeds every font as a subset with a tag in its name', () => {
    const listing = execFileSync('pdffonts', [pdfPaths.main!], { encoding: 'utf8' });
    const rows = listing.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const [fontName, , , , , emb, sub] = row.split(/\s+/);
      expect(fontName).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
      expect([emb, sub]).toEqual(['yes', 'yes']);
    }
  });

  it('gives Word the same break points in a long URL as the PDF, and no others', async () => {
    const xml = await wordXml('main');
    const marked = DISTRICT_URL.replace(/&/g, '&amp;').replace(
      /([/.\-?=]|&amp;)(?=.)/g,
      '$1\u200b',
    );
    expect(xml).toContain(marked);
  });

  it('writes the Word copy of both documents with every typed text', async () => {
    for (const name of names) {
      const xml = await wordXml(name);
      const text = squeeze(
        [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((m) => m[1]!)
          .join('')
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/\u00a0/g, ' ')
          // Zero-width spaces: the break opportunities of long runs, invisible.
          .replace(/\u200b/g, ''),
      );
      expect(typedTexts(name).filter((typed) => !text.includes(squeeze(typed)))).toEqual([]);
    }
  });
});

describe('headings numbered from what is printed', () => {
  const headings = (answers: Answers) =>
    buildReportDocument(defaultTemplate, answers, 'Huyện Đoàn Hồng Dân').body.flatMap((block) =>
      block.kind === 'heading'
        ? [`${block.number} ${block.title}`]
        : block.kind === 'label' && /^\d/.test(block.text)
          ? [block.text]
          : [],
    );

  it('numbers every section and item of the full report as the template does', () => {
    const printed = headings(districtAnswers());
    expect(printed.filter((h) => /^[IVX]+\./.test(h)).map((h) => h.split(' ')[0])).toEqual([
      'I.',
      'II.',
      'III.',
      'IV.',
      'V.',
    ]);
    expect(printed).toContain('3. Nguyên nhân khách quan');
  });

  it('renumbers consecutively when optional items are empty', () => {
    const answers = {
      ...districtAnswers(),
      situation: '',
      'causes-objective': '',
      'cadres-results': '',
      'cadres-limitations': '',
    };
    const printed = headings(answers);
    const numbers = printed.map((h) => h.split(' ')[0]);
    // Section I (optional) is empty: the others move up.
    expect(numbers.filter((n) => /^[IVX]+\.$/.test(n!))).toEqual(['I.', 'II.', 'III.', 'IV.']);
    expect(printed).toContain('1. Ưu điểm');
    expect(printed).toContain('2. Hạn chế, khó khăn');
    expect(printed).toContain('3. Nguyên nhân chủ quan');
    expect(printed).toContain('4. Bài học kinh nghiệm');
    // cadres (2.1.) is empty and required: it prints as missing, so 2.1. stays.
    expect(numbers).toContain('2.1.');
  });

  it('closes the gap a skipped sub-item leaves', () => {
    const template = {
      ...defaultTemplate,
      steps: defaultTemplate.steps.map((step) =>
        step.id === 'members'
          ? {
              ...step,
              criteria: step.criteria.map((criterion) => ({ ...criterion, required: false })),
            }
          : step,
      ),
    };
    const answers = { ...districtAnswers(), 'members-results': '', 'members-limitations': '' };
    const doc = buildReportDocument(template, answers, 'Huyện Đoàn Hồng Dân');
    const printed = doc.body.flatMap((b) => (b.kind === 'heading' ? [b.number] : []));
    // Đoàn viên (2.2.) is empty: Tổ chức cơ sở Đoàn becomes 2.2. with 2.2.1. and 2.2.2.
    expect(printed).toContain('2.1.');
    expect(printed.slice(printed.indexOf('2.1.') + 1, printed.indexOf('2.1.') + 4)).toEqual([
      '2.2.',
      '2.2.1.',
      '2.2.2.',
    ]);
    expect(printed).not.toContain('2.3.1.');
  });
});

describe('page rules on the laid-out pages', () => {
  it.each(names)('never leaves the closing of %s alone on its page', (name) => {
    const { layout, document } = laidOut[name];
    const closing = placementsOf(layout, (tag) => tag === 'closing');
    expect(pagesOf(closing)).toHaveLength(1);
    const page = closing[0]!.page;
    const last = `body:${document.body.length - 1}`;
    const lastBlock = placementsOf(layout, (tag) => tag === last || tag.startsWith(`${last}:`));
    const onClosingPage = lastBlock.filter((p) => p.page === page);
    expect(onClosingPage.length).toBeGreaterThanOrEqual(Math.min(2, lastBlock.length));
  });

  it('takes the last lines of "Trên đây là …" with the signature in the main report', () => {
    const { layout, document } = laidOut.main;
    const last = document.body.at(-1)!;
    const closingPage = placementsOf(layout, (tag) => tag === 'closing')[0]!.page;
    const lastLines = placementsOf(layout, (tag) => tag === `body:${document.body.length - 1}`);
    expect(lastLines.filter((p) => p.page === closingPage).length).toBeGreaterThanOrEqual(2);
    expect(last.kind === 'paragraph' && last.text.startsWith('Trên đây là')).toBe(true);
  });

  it('never starts a page of the models report with photos whose text is on the page before', () => {
    const { layout, document } = laidOut.models;
    const problems: string[] = [];
    document.body.forEach((block, index) => {
      if (block.kind !== 'photos' || index === 0) return;
      const first = placementsOf(layout, (tag) => tag === `body:${index}:photos:0`)[0]!;
      const before = placementsOf(layout, (tag) => tag === `body:${index - 1}`);
      if (!before.some((p) => p.page === first.page))
        problems.push(`photos of block ${index} on page ${first.page + 1} without their text`);
    });
    expect(document.body.filter((b) => b.kind === 'photos').length).toBe(6);
    expect(problems).toEqual([]);
  });

  it.each(names)('never leaves one table row alone at a page top or bottom in %s', (name) => {
    const { layout } = laidOut[name];
    const rows = placementsOf(layout, (tag) => /:row:\d+$/.test(tag));
    const byTable = new Map<string, Placement[]>();
    for (const row of rows) {
      const table = row.tag.replace(/:row:\d+$/, '');
      byTable.set(table, [...(byTable.get(table) ?? []), row]);
    }
    expect(byTable.size).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [table, placed] of byTable) {
      const perPage = new Map<number, Set<string>>();
      for (const p of placed) perPage.set(p.page, (perPage.get(p.page) ?? new Set()).add(p.tag));
      const headers = placementsOf(layout, (tag) => tag === `${table}:header`);
      for (const [page, tags] of perPage) {
        if (perPage.size > 1 && tags.size < 2)
          problems.push(`${table}: ${tags.size} row on ${page}`);
        // The header repeats on every page the table is on.
        if (!headers.some((h) => h.page === page)) problems.push(`${table}: no header on ${page}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps one-row leftovers off every page when a long table crosses pages', () => {
    const materials = Array.from({ length: 40 }, (_, i) => ({
      ...DISTRICT_MATERIALS[i % DISTRICT_MATERIALS.length]!,
      title: `Tài liệu số ${i + 1}`,
    }));
    for (const count of [24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]) {
      const answers = {
        ...districtAnswers(),
        materials: materials.slice(0, count).map((m, i) => ({
          id: `m-${i}`,
          values: {
            title: m.title,
            type: m.type,
            quantity: m.quantity,
            date: m.date,
            note: m.note,
            photo: [],
          },
        })),
      };
      const { layout } = layoutReportInput({ ...inputs.models, answers }, measure);
      const rows = placementsOf(layout, (tag) => /^appendix:\d+:row:\d+$/.test(tag));
      const perPage = new Map<number, number>();
      for (const row of rows) perPage.set(row.page, (perPage.get(row.page) ?? 0) + 1);
      for (const n of perPage.values()) expect(n, `${count} rows`).toBeGreaterThanOrEqual(2);
    }
  });

  it('sizes the materials columns by content: the note wide, the quantity narrow and right', () => {
    const { layout } = laidOut.models;
    const table = laidOut.models.document.appendixBody.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.title).toBe('1. Danh mục ấn phẩm, sản phẩm, tài liệu');
    const page =
      layout.pages[placementsOf(layout, (t) => /^appendix:\d+:row:0$/.test(t))[0]!.page]!;
    const runs = page.items.filter((item): item is TextRun => item.kind === 'text');
    const quantity = runs.find((run) => run.text === '1.500')!;
    const header = runs.find((run) => run.text === 'lượng')!;
    const note = runs.find((run) => run.text.startsWith('Biên soạn'))!;
    const rects = page.items.filter((item) => item.kind === 'rect');
    const cellOf = (run: TextRun) =>
      rects.find(
        (r) =>
          r.kind === 'rect' &&
          run.x >= r.x &&
          run.x < r.x + r.w &&
          run.y > r.y &&
          run.y < r.y + r.h,
      )!;
    const quantityCell = cellOf(quantity);
    const noteCell = cellOf(note);
    expect(quantityCell.kind === 'rect' && noteCell.kind === 'rect').toBe(true);
    if (quantityCell.kind !== 'rect' || noteCell.kind !== 'rect') return;
    expect(noteCell.w).toBeGreaterThan(quantityCell.w * 2.5);
    expect(quantityCell.w).toBeLessThan(measure('lượng', 'bold', 12) + 5);
    // Right-aligned: the number ends at the cell's right padding.
    const right = quantity.x + measure('1.500', 'normal', 12);
    expect(right).toBeCloseTo(quantityCell.x + quantityCell.w - FORMAT.table.cellPadding, 1);
    expect(header).toBeDefined();
  });

  it('opens each appendix with its number and numbers each table', () => {
    const mainPages = laidOut.main.layout.pages;
    const firstAppendix = mainPages.find((page) => page.section === 'appendix')!;
    const runs = firstAppendix.items.filter((item): item is TextRun => item.kind === 'text');
    expect(runs[0]!.text).toBe('Phụ lục 1');
    const titles = placementsOf(laidOut.main.layout, (tag) => /^stats:\d+:title$/.test(tag));
    expect(titles).toHaveLength(7);
    const modelsRuns = laidOut.models.layout.pages
      .find((page) => page.section === 'appendix')!
      .items.filter((item): item is TextRun => item.kind === 'text');
    expect(modelsRuns[0]!.text).toBe('Phụ lục 1');
  });

  it('heads the partial year "2013" over "(đến tháng 8)", never splitting the brackets', () => {
    const appendix = laidOut.main.layout.pages.find((page) => page.section === 'appendix')!;
    const runs = appendix.items.filter((item): item is TextRun => item.kind === 'text');
    const bracket = runs.find((run) => run.text.includes('(đến'));
    expect(bracket?.text).toBe('(đến tháng 8)');
    const year = runs.find((run) => run.text === '2013' && run.y < bracket!.y);
    expect(year).toBeDefined();
  });

  it('keeps "(đến tháng 8)" on one line in the Word header too', async () => {
    const xml = await wordXml('main');
    expect(xml).toContain('2013 (đến\u00a0tháng\u00a08)');
  });

  it('never breaks the subject inside a name', () => {
    const page = laidOut.main.layout.pages[0]!;
    const subjectRuns = page.items.filter(
      (item): item is TextRun => item.kind === 'text' && item.style === 'bold' && item.size === 14,
    );
    const lines = new Map<number, string>();
    for (const run of subjectRuns) lines.set(run.y, `${lines.get(run.y) ?? ''}${run.text}`);
    const text = [...lines.values()].map((line) => line.trim().replace(/\s+/g, ' '));
    const subject = nfc(laidOut.main.document.subject);
    expect(squeeze(text.join(''))).toContain(squeeze(subject));
    for (const name of unbreakableNames.filter((n) => subject.includes(n)))
      expect(
        text.some((line) => line.includes(name)),
        name,
      ).toBe(true);
  });

  it.each(names)('never stretches a justified line of %s beyond three spaces', (name) => {
    const space = measure(' ', 'normal', 14);
    const problems: string[] = [];
    laidOut[name].layout.pages.forEach((page, index) => {
      const byLine = new Map<number, TextRun[]>();
      for (const item of page.items)
        if (item.kind === 'text' && item.size === 14 && item.style === 'normal')
          byLine.set(item.y, [...(byLine.get(item.y) ?? []), item]);
      for (const runs of byLine.values()) {
        if (runs.length < 2) continue;
        runs.sort((a, b) => a.x - b.x);
        for (let i = 1; i < runs.length; i += 1) {
          const gap =
            runs[i]!.x - (runs[i - 1]!.x + measure(runs[i - 1]!.text.trimEnd(), 'normal', 14));
          if (gap > 3 * space + 0.01 && runs[i]!.x < PAGE.portrait.width - PAGE.margin.right)
            problems.push(`page ${index + 1}: gap ${gap.toFixed(2)} before "${runs[i]!.text}"`);
        }
      }
    });
    expect(problems).toEqual([]);
  });
});
