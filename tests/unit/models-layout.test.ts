// The PDF layout of photos and tables (the models document and its list of materials),
// measured with the embedded Tinos metrics as the writer measures them. Only the photos'
// pixel sizes matter here; no JPEG is made.
import { describe, expect, it } from 'vitest';
import type { PhotoRef } from '@/domain/report/answer-kinds';
import {
  buildReportDocument,
  type DocumentBlock,
  type ReportDocument,
  type TableColumn,
} from '@/domain/report/document-model';
import { readFontFiles } from '@/export/pdf/fonts-node';
import { BASELINE, FORMAT, LINE_HEIGHT, PAGE, PT } from '@/export/pdf/format';
import {
  layoutReport,
  photoCellWidth,
  tableColumnWidths,
  type LayoutOptions,
  type PageLayout,
  type Picture,
  type TextRun,
} from '@/export/pdf/layout';
import { createMeasure } from '@/export/pdf/pdf-writer.chunk';
import { documentWords } from '@/i18n/document';
import { defaultTemplate } from '@/templates/template-registry';
import {
  FIXTURE_PHOTOS,
  MATERIALS,
  MODELS,
  MODELS_DOCUMENT_NUMBER,
  modelsReport,
} from '../fixtures/models-report';

const measure = createMeasure(readFontFiles());
const M = PAGE.margin;
const TOLERANCE = 0.5;
const TEXT_WIDTH = PAGE.portrait.width - M.left - M.right;
const CENTRE = M.left + TEXT_WIDTH / 2;
const sizes = new Map(FIXTURE_PHOTOS.map((p) => [p.id, { width: p.width, height: p.height }]));

const options = (photoSizes = sizes): LayoutOptions => ({
  measure,
  missingText: documentWords.missingAnswer,
  draftText: documentWords.draftMark,
  appendixLabels: {
    indicator: '',
    target: '',
    status: '',
    percentUnit: '',
    statuses: { met: '', notMet: '', exceeded: '' },
    noData: '',
  },
  photoSizes,
  missingPhotoText: documentWords.missingPhoto,
});

const { report, answers } = modelsReport();
const modelsDocument = buildReportDocument(defaultTemplate, answers, report.unit.name, 'models');
const modelsLayout = layoutReport(modelsDocument, options());

const textRuns = (page: PageLayout) =>
  page.items.filter((item): item is TextRun => item.kind === 'text');
const pictures = (page: PageLayout) =>
  page.items.filter((item): item is Picture => item.kind === 'image');
const widthOf = (run: TextRun) => measure(run.text.trimEnd(), run.style, run.size);
const centreOf = (run: TextRun) => run.x + widthOf(run) / 2;
const topOf = (run: TextRun) => run.y - run.size * PT * BASELINE;
const lineHeight = (size: number) => size * PT * LINE_HEIGHT;
const bottomLimit = (page: PageLayout) => page.height - M.bottom + TOLERANCE;

// Every item inside the page's text block.
function outside(pages: readonly PageLayout[]): string[] {
  const found: string[] = [];
  pages.forEach((page, index) => {
    for (const item of page.items) {
      const [left, right, top, bottom] =
        item.kind === 'text'
          ? [item.x, item.x + widthOf(item), topOf(item), topOf(item) + lineHeight(item.size)]
          : item.kind === 'line'
            ? [item.x1, item.x2, item.y1, item.y2]
            : [item.x, item.x + item.w, item.y, item.y + item.h];
      if (
        left < M.left - TOLERANCE ||
        right > page.width - M.right + TOLERANCE ||
        top < M.top - TOLERANCE ||
        bottom > bottomLimit(page)
      )
        found.push(`page ${index + 1}: ${item.kind} at ${[left, right, top, bottom].join(', ')}`);
    }
  });
  return found;
}

const origin = { stepId: 'step', criterionId: 'criterion' };
const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text, ...origin });
// A paragraph of about `count` full lines.
const lines = (count: number) =>
  paragraph(Array.from({ length: count * 11 }, (_, i) => `chữ${i % 10}`).join(' '));
const bodyOf = (body: DocumentBlock[], appendixBody: DocumentBlock[] = []): ReportDocument => ({
  ...modelsDocument,
  body,
  appendixBody,
});

describe('photos in the models PDF', () => {
  it('lays out the twelve model photos on body pages and the material photo in the appendix', () => {
    const body = modelsLayout.pages.filter((page) => page.section === 'body');
    const appendix = modelsLayout.pages.filter((page) => page.section === 'appendix');
    expect(body.flatMap(pictures)).toHaveLength(12);
    expect(appendix.flatMap(pictures).map((p) => p.photoId)).toEqual(['photo-material-3']);
    expect(outside(modelsLayout.pages)).toEqual([]);
  });

  it('puts two photos to a row at equal width, keeping each photo’s shape', () => {
    const cell = photoCellWidth(TEXT_WIDTH);
    for (const page of modelsLayout.pages) {
      for (const picture of pictures(page)) {
        const size = sizes.get(picture.photoId)!;
        expect(picture.w / picture.h).toBeCloseTo(size.width / size.height, 3);
        expect(picture.w).toBeLessThanOrEqual(cell + 0.01);
        expect(picture.h).toBeLessThanOrEqual(FORMAT.photos.maxHeight + 0.01);
      }
    }
    // Each model's two photos side by side on one page, on a common bottom line.
    MODELS.forEach((_, index) => {
      const [a, b] = ['a', 'b'].map((letter) => {
        const id = `photo-model-${index + 1}-${letter}`;
        const page = modelsLayout.pages.findIndex((p) => pictures(p).some((x) => x.photoId === id));
        return {
          page,
          picture: pictures(modelsLayout.pages[page]!).find((x) => x.photoId === id)!,
        };
      });
      expect(a!.page).toBe(b!.page);
      expect(a!.picture.y + a!.picture.h).toBeCloseTo(b!.picture.y + b!.picture.h, 3);
      expect(a!.picture.x + a!.picture.w).toBeLessThan(b!.picture.x);
      // The row spans the text block: the pair's cells meet the margins.
      expect(a!.picture.x + a!.picture.w / 2).toBeCloseTo(M.left + cell / 2, 3);
      expect(b!.picture.x + b!.picture.w / 2).toBeCloseTo(M.left + TEXT_WIDTH - cell / 2, 3);
    });
  });

  it('prints each caption centred and italic under its photo', () => {
    MODELS.forEach((model, index) => {
      model.captions.forEach((caption, j) => {
        const id = `photo-model-${index + 1}-${'ab'[j]}`;
        const page = modelsLayout.pages.find((p) => pictures(p).some((x) => x.photoId === id))!;
        const picture = pictures(page).find((x) => x.photoId === id)!;
        const runs = textRuns(page).filter(
          (run) =>
            run.size === FORMAT.photos.caption.size &&
            topOf(run) > picture.y + picture.h &&
            Math.abs(centreOf(run) - (picture.x + picture.w / 2)) < TOLERANCE,
        );
        expect(runs.map((run) => run.text).join(' ')).toBe(caption);
        for (const run of runs) expect(run.style).toBe('italic');
      });
    });
  });

  it('never splits a row of photos, wherever it falls on a page', () => {
    const refs: PhotoRef[] = FIXTURE_PHOTOS.slice(0, 5).map((photo, i) => ({
      photoId: photo.id,
      caption: `Ảnh số ${i + 1}: đoàn viên thanh niên ra quân làm công trình thanh niên tại ấp`,
    }));
    const problems: string[] = [];
    for (let spacer = 1; spacer <= 45; spacer += 1) {
      const { pages } = layoutReport(
        bodyOf([lines(spacer), { kind: 'photos', photos: refs, ...origin }, paragraph('Hết.')]),
        options(),
      );
      problems.push(...outside(pages).map((what) => `spacer ${spacer}: ${what}`));
      const pageOf = (id: string) =>
        pages.findIndex((p) => pictures(p).some((x) => x.photoId === id));
      const rows = [refs.slice(0, 2), refs.slice(2, 4), refs.slice(4)];
      for (const row of rows) {
        const rowPages = row.map((ref) => pageOf(ref.photoId));
        if (new Set(rowPages).size !== 1) problems.push(`spacer ${spacer}: row split ${rowPages}`);
        for (const ref of row) {
          const start = ref.caption.split(' ').slice(0, 3).join(' ');
          const captionPages = pages.flatMap((page, i) =>
            textRuns(page).some((run) => run.text.startsWith(start)) ? [i] : [],
          );
          if (captionPages.join() !== String(rowPages[0]))
            problems.push(`spacer ${spacer}: caption not with its photo`);
        }
      }
      // The lone photo of the last row is centred.
      const last = pictures(pages[pageOf(refs[4]!.photoId)]!).find(
        (x) => x.photoId === refs[4]!.photoId,
      )!;
      if (Math.abs(last.x + last.w / 2 - CENTRE) > 0.01)
        problems.push(`spacer ${spacer}: lone photo not centred`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps a model’s heading with the text after it', () => {
    for (const page of modelsLayout.pages) {
      const runs = textRuns(page);
      const last = runs.at(-1);
      const isHeading = MODELS.some((model, i) => last?.text === `${i + 1}. ${model.name}`);
      expect(isHeading).toBe(false);
    }
  });

  it('frames a photo missing from storage with “[Không có ảnh]” at the photo’s place', () => {
    const refs: PhotoRef[] = [
      { photoId: 'photo-model-1-a', caption: 'Có ảnh' },
      { photoId: 'gone', caption: 'Ảnh đã mất' },
    ];
    const { pages } = layoutReport(
      bodyOf([{ kind: 'photos', photos: refs, ...origin }]),
      options(),
    );
    const page = pages[0]!;
    expect(pictures(page).map((p) => p.photoId)).toEqual(['photo-model-1-a']);
    const note = textRuns(page).find((run) => run.text === documentWords.missingPhoto)!;
    expect(note.style).toBe('italic');
    const frame = page.items.find(
      (item) =>
        item.kind === 'rect' &&
        item.x < note.x &&
        item.x + item.w > note.x + widthOf(note) &&
        item.y < topOf(note) &&
        item.y + item.h > note.y,
    );
    expect(frame).toBeDefined();
    if (frame?.kind !== 'rect') throw new Error('no frame');
    expect(frame.w / frame.h).toBeCloseTo(FORMAT.photos.placeholderAspect, 3);
    expect(textRuns(page).some((run) => run.text === 'Ảnh đã mất')).toBe(true);
  });
});

const columns: TableColumn[] = [
  { label: 'STT', weight: 0.6, align: 'center' },
  { label: 'Tên ấn phẩm, tài liệu', weight: 3, align: 'left' },
  { label: 'Loại', weight: 1.4, align: 'center' },
  { label: 'Số lượng', weight: 2, align: 'center' },
  { label: 'Ghi chú', weight: 2, align: 'left' },
];
const tableRows = (count: number) =>
  Array.from({ length: count }, (_, i) => [
    String(i + 1),
    `Tài liệu số ${i + 1}${i % 3 === 0 ? ' về công tác xây dựng tổ chức cơ sở Đoàn vững mạnh' : ''}`,
    'Ấn phẩm',
    '1.250',
    i % 4 === 0 ? 'Phát hành đến các chi đoàn trong toàn huyện' : '',
  ]);

describe('tables in the models PDF', () => {
  it('sizes the columns by content and keeps every column as wide as its longest word', () => {
    const rows = tableRows(5);
    const widths = tableColumnWidths(
      columns,
      rows,
      (text, style) => measure(text, style.style, style.size),
      TEXT_WIDTH,
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(TEXT_WIDTH, 6);
    const padding = FORMAT.table.cellPadding * 2;
    expect(widths[0]).toBeGreaterThanOrEqual(measure('STT', 'bold', 12) + padding);
    expect(widths[3]).toBeGreaterThanOrEqual(measure('lượng', 'bold', 12) + padding);
    // The quantities stay narrow (their longest word, not a share by weight); the long
    // title and note take the room.
    expect(widths[3]).toBeLessThan(measure('Số lượng', 'bold', 12) + padding + 1);
    expect(widths[4]).toBeGreaterThan(widths[3]! * 2);
    expect(widths[1]).toBeGreaterThan(widths[3]! * 2);
  });

  it('repeats the bold header row on every page and never splits a row that fits', () => {
    const rows = tableRows(70);
    const { pages } = layoutReport(
      bodyOf([
        lines(20),
        { kind: 'table', title: '1. Danh mục', columns, rows, ...origin },
        paragraph('Hết.'),
      ]),
      options(),
    );
    expect(outside(pages)).toEqual([]);
    const withTable = pages.filter((page) => page.items.some((item) => item.kind === 'rect'));
    expect(withTable.length).toBeGreaterThanOrEqual(3);
    for (const page of withTable) {
      const top = Math.min(...page.items.flatMap((item) => (item.kind === 'rect' ? [item.y] : [])));
      const header = textRuns(page).filter(
        (run) => Math.abs(topOf(run) - top - FORMAT.table.cellPadding) < 0.01,
      );
      expect(header.map((run) => run.text)).toContain('STT');
      for (const run of header) expect(run.style).toBe('bold');
    }
    // Every row's cells on one page: its number and its title's first words together.
    rows.forEach((row) => {
      const numberPages = pages.flatMap((page, i) =>
        textRuns(page).some((run) => run.text === row[0] && run.style === 'normal') ? [i] : [],
      );
      const titlePages = pages.flatMap((page, i) =>
        textRuns(page).some((run) => new RegExp(`^Tài liệu số ${row[0]}( |$)`).test(run.text))
          ? [i]
          : [],
      );
      expect(titlePages).toHaveLength(1);
      expect(numberPages).toContain(titlePages[0]);
    });
  });

  it('cuts a row taller than a page between lines, with the header on the next page', () => {
    const long = Array.from({ length: 700 }, (_, i) => `ghi${i}`).join(' ');
    const rows = [['1', 'Tài liệu dài', 'Ấn phẩm', '1', long]];
    const { pages } = layoutReport(
      bodyOf([{ kind: 'table', title: '1. Danh mục', columns, rows, ...origin }]),
      options(),
    );
    expect(outside(pages)).toEqual([]);
    const words = pages
      .flatMap(textRuns)
      .flatMap((run) => run.text.split(' '))
      .filter((word) => word.startsWith('ghi'));
    expect(words).toEqual(long.split(' '));
    const tablePages = pages.filter((page) => page.items.some((item) => item.kind === 'rect'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages)
      expect(textRuns(page).some((run) => run.text === 'STT' && run.style === 'bold')).toBe(true);
  });
});

describe('the models document’s appendix', () => {
  const appendix = modelsLayout.pages.filter((page) => page.section === 'appendix');

  it('starts on a new portrait page, unnumbered, after the signature', () => {
    expect(appendix.length).toBeGreaterThanOrEqual(1);
    const first = appendix[0]!;
    expect([first.orientation, first.pageNumber]).toEqual(['portrait', null]);
    const firstIndex = modelsLayout.pages.indexOf(first);
    const beforeTexts = modelsLayout.pages.slice(0, firstIndex).flatMap(textRuns);
    expect(beforeTexts.some((run) => run.text === 'Nguyễn Thượng Việt')).toBe(true);
  });

  it('prints the heading, the title and the note naming the models report', () => {
    const texts = textRuns(appendix[0]!).map((run) => run.text);
    expect(texts[0]).toBe('Phụ lục 1');
    const all = texts.join(' ');
    expect(all).toContain('DANH MỤC ẤN PHẨM, SẢN PHẨM, TÀI LIỆU TUYÊN TRUYỀN ĐÃ');
    expect(all).toContain(`(Kèm theo Báo cáo số ${MODELS_DOCUMENT_NUMBER}-BC/ĐTN ngày 05 tháng 9`);
  });

  it('lists every material in the table, numbered', () => {
    const texts = appendix.flatMap(textRuns).map((run) => run.text);
    const joined = texts.join(' ').replace(/\s+/g, ' ');
    MATERIALS.forEach((material, i) => {
      expect(texts).toContain(String(i + 1));
      expect(joined).toContain(material.title.split(' ').slice(0, 3).join(' '));
    });
  });
});
