// Pure layout of a report as PDF pages: the document model in, positioned text runs and
// rules out. All numbers come from ./format.ts; text widths come from an injected
// `measure` (the writer passes jsPDF's metrics of the embedded font), so this module
// runs in Node and in tests without a PDF library.
//
// Rules it keeps (FORMAT.md): justified body text with a 12.7 mm first-line indent,
// hanging indents for list items, headings kept with their next lines, no single line
// of a paragraph alone at a page's top or bottom where avoidable, the closing block
// never split, the appendix on new (landscape where wide) pages with its own page
// numbers, table header rows repeated and rows never split (where they fit a page);
// photos two to a row with their captions, a row never split.
import type { AppendixTable } from '@/domain/appendix/evaluate';
import {
  layoutComparisonChart,
  type ChartDrawing,
  type ComparisonChartData,
} from '@/domain/chart/comparison-chart';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { PhotoRef } from '@/domain/report/answer-kinds';
import {
  appendixHasData,
  type DocumentBlock,
  type ReportDocument,
  type TableColumn,
} from '@/domain/report/document-model';
import { documentWords } from '@/i18n/document';
import { unbreakableNames } from '@/i18n/vi-typesetting';
import { coverText } from './font-coverage';
import { breakLines, MAX_GAP_IN_SPACES, type BreakOptions, type Line } from './line-breaking';
import { BASELINE, FORMAT, LINE_HEIGHT, PAGE, PT, type FontStyle, type TextStyle } from './format';

export type Measure = (text: string, style: FontStyle, size: number) => number;

export type TextRun = {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  style: FontStyle;
  size: number;
};
export type Rule = {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  dash?: [number, number];
};
export type Box = { kind: 'rect'; x: number; y: number; w: number; h: number; width: number };
// A photo drawn from its JPEG bytes, stretched to exactly this box (its own shape).
export type Picture = {
  kind: 'image';
  photoId: string;
  x: number;
  y: number;
  w: number;
  h: number;
};
// A comparison chart (domain/chart) in the box x, y, w, h.
export type ChartPicture = {
  kind: 'chart';
  x: number;
  y: number;
  w: number;
  h: number;
  drawing: ChartDrawing;
};
export type LayoutItem = TextRun | Rule | Box | Picture | ChartPicture;

// A photo's size in pixels: the layout needs only its shape.
export type PhotoSize = { width: number; height: number };

export type PageLayout = {
  orientation: 'portrait' | 'landscape';
  width: number;
  height: number;
  section: 'body' | 'appendix';
  // The printed page number, or null where none is printed.
  pageNumber: number | null;
  items: LayoutItem[];
};

// Where a piece of the document landed: a line of a block, a table row, a photo row, the
// closing. Tags: `body:<i>` (the i-th body block), `body:<i>:row:<r>` and
// `body:<i>:header` (a table), `body:<i>:photos:<r>`, `closing`, `appendix:<i>` (blocks
// of the appendix made of blocks, likewise), `stats:<t>:title`, `stats:<t>:row:<r>`,
// `stats:<t>:header`. For checks of the page rules; the writer ignores them.
export type Placement = { tag: string; page: number; top: number; bottom: number };

export type ReportLayout = {
  pages: PageLayout[];
  replacedCharacters: string[];
  placements: Placement[];
};

export type AppendixLabels = {
  indicator: string;
  target: string;
  status: string;
  percentUnit: string;
  statuses: Record<'met' | 'notMet' | 'exceeded', string>;
  noData: string;
};

export const lineHeight = (size: number) => size * PT * LINE_HEIGHT;

export class Flow {
  pages: PageLayout[] = [];
  page!: PageLayout;
  y = 0;
  placements: Placement[] = [];
  // The tag of what is being laid out (see Placement).
  tag = '';
  private sectionPageCount = 0;

  constructor(
    readonly measureText: Measure,
    private readonly found: Set<string>,
  ) {}

  get left() {
    return PAGE.margin.left;
  }
  get right() {
    return this.page.width - PAGE.margin.right;
  }
  get width() {
    return this.right - this.left;
  }
  get bottom() {
    return this.page.height - PAGE.margin.bottom;
  }

  text(text: string) {
    return coverText(text, this.found);
  }

  width_(text: string, style: TextStyle) {
    return this.measureText(text, style.style, style.size);
  }

  // A new page; page numbers count from 1 within a section and print from page 2 on.
  newPage(
    section: PageLayout['section'],
    orientation: PageLayout['orientation'],
    isSectionStart = false,
  ) {
    this.sectionPageCount = isSectionStart ? 1 : this.sectionPageCount + 1;
    const size = PAGE[orientation];
    this.page = {
      orientation,
      width: size.width,
      height: size.height,
      section,
      pageNumber: this.sectionPageCount >= 2 ? this.sectionPageCount : null,
      items: [],
    };
    this.pages.push(this.page);
    this.y = PAGE.margin.top;
    if (this.page.pageNumber !== null) {
      const style = FORMAT.pageNumber;
      const label = String(this.page.pageNumber);
      this.run(label, (this.left + this.right) / 2 - this.width_(label, style) / 2, this.y, style);
      this.y += lineHeight(style.size) + 2;
    }
  }

  continuePage() {
    this.newPage(this.page.section, this.page.orientation);
  }

  // Records that [top, bottom] of the current page holds `tag` (the current one by default).
  place(top: number, bottom: number, tag = this.tag) {
    if (tag) this.placements.push({ tag, page: this.pages.length - 1, top, bottom });
  }

  fits(height: number) {
    return this.y + height <= this.bottom + 0.01;
  }

  // A run of text whose line box starts at `top`.
  run(text: string, x: number, top: number, style: TextStyle) {
    this.page.items.push({
      kind: 'text',
      x,
      y: top + style.size * PT * BASELINE,
      text,
      style: style.style,
      size: style.size,
    });
  }

  // Greedy line breaking by measured width, linear in the text's length (line-breaking.ts).
  wrap(
    text: string,
    style: TextStyle,
    width: number,
    firstIndent = 0,
    restIndent = 0,
    extra: Pick<BreakOptions, 'glue' | 'justify'> = {},
  ): Line[] {
    return breakLines(this.text(text), (part) => this.width_(part, style), {
      width,
      firstIndent,
      restIndent,
      ...extra,
    });
  }

  drawLine(
    line: Line,
    style: TextStyle,
    top: number,
    x0: number,
    width: number,
    align: 'left' | 'center' | 'right' | 'justify',
  ) {
    const x = x0 + line.indent;
    const available = width - line.indent;
    const wordWidths =
      align === 'justify' && !line.isLast && line.words.length > 1
        ? line.words.map((word) => this.width_(word, style))
        : [];
    const gap =
      wordWidths.length > 0
        ? (available - wordWidths.reduce((a, b) => a + b, 0)) / (line.words.length - 1)
        : 0;
    // Justified unless that would open gaps wider than three spaces (a line before a
    // long run that could not be split): then left-aligned.
    if (wordWidths.length > 0 && gap <= this.width_(' ', style) * MAX_GAP_IN_SPACES) {
      let cursor = x;
      line.words.forEach((word, index) => {
        // A trailing space keeps the words apart for text extraction.
        this.run(index < line.words.length - 1 ? `${word} ` : word, cursor, top, style);
        cursor += wordWidths[index]! + gap;
      });
      return;
    }
    const text = line.words.join(' ');
    const offset =
      align === 'center'
        ? (available - line.width) / 2
        : align === 'right'
          ? available - line.width
          : 0;
    this.run(text, x + offset, top, style);
  }

  // Centred lines inside a column, at the current y, without page breaks.
  centredBlock(texts: { text: string; style: TextStyle }[], x0: number, width: number) {
    for (const { text, style } of texts) {
      // A line that fits is drawn as it is, so blanks left for hand-filling keep their width.
      const covered = this.text(text);
      const whole = this.width_(covered, style);
      if (whole <= width) {
        this.run(covered, x0 + (width - whole) / 2, this.y, style);
        this.y += lineHeight(style.size);
        continue;
      }
      for (const line of this.wrap(text, style, width)) {
        this.drawLine(line, style, this.y, x0, width, 'center');
        this.y += lineHeight(style.size);
      }
    }
  }

  // A paragraph that may cross pages, with widow and orphan control. `keepWithNext` is
  // the height of what must follow its last lines on the same page (photos, the
  // closing): its last two lines (all of it when it has three or fewer) go with it.
  paragraph(
    text: string,
    style: TextStyle,
    opts: {
      firstIndent: number;
      restIndent: number;
      align: 'justify' | 'left' | 'center';
      keepWithNext?: number;
    },
  ) {
    const lines = this.wrap(text, style, this.width, opts.firstIndent, opts.restIndent, {
      justify: opts.align === 'justify',
    });
    const height = lineHeight(style.size);
    const keep = opts.keepWithNext ?? 0;
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      let fitting = Math.floor((this.bottom - this.y + 0.01) / height);
      if (fitting >= remaining) {
        fitting = remaining;
        // The rest fits, but what must follow it does not: carry the last lines over.
        if (keep > 0 && !this.fits(remaining * height + keep)) {
          const carried = remaining <= 3 ? remaining : 2;
          const left = remaining - carried;
          fitting = left === 1 ? 0 : left;
        }
      } else {
        if (remaining - fitting === 1) fitting -= 1; // no single line at the next page's top
        if (fitting < 2 && remaining >= 2) fitting = 0; // no single line at this page's bottom
      }
      if (fitting <= 0) {
        if (this.y <= this.firstBodyY() + 0.01)
          fitting = Math.max(1, Math.min(remaining, Math.floor((this.bottom - this.y) / height)));
        else {
          this.continuePage();
          continue;
        }
      }
      for (const line of lines.slice(index, index + fitting)) {
        this.drawLine(line, style, this.y, this.left, this.width, opts.align);
        this.place(this.y, this.y + height);
        this.y += height;
      }
      index += fitting;
      if (index < lines.length) this.continuePage();
    }
  }

  firstBodyY() {
    return (
      PAGE.margin.top + (this.page.pageNumber !== null ? lineHeight(FORMAT.pageNumber.size) + 2 : 0)
    );
  }
}

const HEADING_STYLES = FORMAT.headings;

function blockStyle(block: DocumentBlock): TextStyle {
  switch (block.kind) {
    case 'heading':
      return HEADING_STYLES[block.level];
    case 'label':
      return FORMAT.label;
    case 'missing':
      return FORMAT.missing;
    default:
      return FORMAT.body.text;
  }
}

export function blockText(block: DocumentBlock, missingText: string): string {
  switch (block.kind) {
    case 'heading':
      return `${block.number} ${block.title}`.trim();
    case 'label':
    case 'paragraph':
      return block.text;
    case 'listItem':
      return `${block.bullet} ${block.text}`;
    case 'missing':
      return `${missingText} ${block.label}`;
    // Laid out by their own code (layoutPhotos, layoutTable), not as a run of text.
    case 'photos':
    case 'table':
      return '';
  }
}

// "ĐOÀN TNCS HỒ CHÍ MINH" centred in the right column at the flow's line, underlined
// with a rule as wide as the text (the 2013 rules; reports and letters alike).
export function layoutUnionLine(flow: Flow, text: string, columnX: number, columnWidth: number) {
  const s = FORMAT.header;
  const union = flow.text(text);
  const width = flow.width_(union, s.union);
  const x = columnX + (columnWidth - width) / 2;
  flow.run(union, x, flow.y, s.union);
  const ruleY = flow.y + lineHeight(s.union.size) - 0.6;
  flow.page.items.push({
    kind: 'line',
    x1: x,
    y1: ruleY,
    x2: x + width,
    y2: ruleY,
    width: s.unionRuleWidth,
  });
}

function layoutHeader(flow: Flow, doc: ReportDocument, isDraft: boolean, draftText: string) {
  const { header } = doc;
  const columnWidth = flow.width / 2;
  const leftX = flow.left;
  const rightX = flow.left + columnWidth;
  if (isDraft) {
    const mark = FORMAT.draftMark;
    const w = flow.width_(draftText, mark) + mark.padding * 2;
    const h = lineHeight(mark.size) + mark.padding;
    const x = flow.right - w;
    flow.page.items.push({ kind: 'rect', x, y: flow.y, w, h, width: mark.ruleWidth });
    flow.run(draftText, x + mark.padding, flow.y + mark.padding / 2, mark);
    flow.y += h + 3;
  }
  const top = flow.y;
  const s = FORMAT.header;
  const left: { text: string; style: TextStyle }[] =
    header.layout === 'older'
      ? [
          { text: header.union, style: s.unionOlder },
          { text: header.issuingBody, style: s.issuingBody },
          { text: header.separator, style: s.separator },
        ]
      : [
          { text: header.superiorBody, style: s.superiorBody },
          { text: header.issuingBody, style: s.issuingBody },
          { text: header.separator, style: s.separator },
        ];
  // A body with no superior printed above it (the province) leaves no blank line.
  flow.centredBlock(
    left.filter((line) => line.text.trim() !== ''),
    leftX,
    columnWidth,
  );
  const numberTop = flow.y;
  flow.centredBlock([{ text: header.numberLine, style: s.number }], leftX, columnWidth);
  const leftBottom = flow.y;

  flow.y = top;
  if (header.layout === 'rules-2013') layoutUnionLine(flow, header.union, rightX, columnWidth);
  // The place and date sit on the row of "Số:".
  flow.y = numberTop;
  flow.centredBlock([{ text: header.dateLine, style: s.date }], rightX, columnWidth);
  flow.y = Math.max(leftBottom, flow.y);
}

function layoutTitle(flow: Flow, doc: ReportDocument) {
  flow.y += FORMAT.gapNumberToTitle - lineHeight(FORMAT.title.size) / 2;
  flow.centredBlock([{ text: doc.title, style: FORMAT.title }], flow.left, flow.width);
  const subject = FORMAT.subject;
  const x0 = flow.left + (flow.width - subject.maxWidth) / 2;
  const lines = flow.wrap(doc.subject, subject, subject.maxWidth, 0, 0, {
    glue: unbreakableNames,
  });
  for (const line of lines) {
    flow.drawLine(line, subject, flow.y, x0, subject.maxWidth, 'center');
    flow.y += lineHeight(subject.size);
  }
  const widest = Math.max(...lines.map((line) => line.width));
  const ruleWidth = widest * FORMAT.subjectRule.share;
  const centre = flow.left + flow.width / 2;
  flow.y += 1.5;
  flow.page.items.push({
    kind: 'line',
    x1: centre - ruleWidth / 2,
    y1: flow.y,
    x2: centre + ruleWidth / 2,
    y2: flow.y,
    width: FORMAT.subjectRule.width,
    dash: FORMAT.subjectRule.dash,
  });
  flow.y += FORMAT.gapRuleToBody;
}

// What the body needs besides the blocks: the shape of each photo and the note printed in
// place of a photo missing from storage.
export type BlockContext = {
  missingText: string;
  photoSizes: ReadonlyMap<string, PhotoSize>;
  missingPhotoText: string;
};

// The blocks in order, each tagged `${prefix}:<index>`. `keepAfterLast` is the height of
// what follows the last block and must stay with its end (the closing).
export function layoutBlocks(
  flow: Flow,
  blocks: readonly DocumentBlock[],
  context: BlockContext,
  prefix: string,
  keepAfterLast = 0,
) {
  const body = FORMAT.body;
  const { missingText } = context;
  blocks.forEach((block, index) => {
    flow.tag = `${prefix}:${index}`;
    const isLast = index === blocks.length - 1;
    if (block.kind === 'photos') {
      const rows = planPhotoRows(flow, block.photos, context);
      layoutPhotos(flow, rows, context.missingPhotoText, isLast ? keepAfterLast : 0);
      return;
    }
    if (block.kind === 'table') {
      layoutTable(flow, planTable(flow, block), block.title);
      return;
    }
    // A text block goes with what must follow it: the first photo row of its entry (a
    // page never starts with photos whose text is on the page before), or the closing.
    const next = blocks[index + 1];
    const firstPhotoRow =
      next?.kind === 'photos' ? planPhotoRows(flow, next.photos, context)[0] : undefined;
    const keepWithNext = firstPhotoRow
      ? body.paragraphSpacing + FORMAT.photos.spaceBefore + firstPhotoRow.height
      : isLast
        ? body.paragraphSpacing + keepAfterLast
        : 0;
    const style = blockStyle(block);
    const text = blockText(block, missingText);
    if (block.kind === 'heading' || block.kind === 'label') {
      if (block.kind === 'heading') flow.y += HEADING_STYLES.spaceBefore;
      // Keep with the next lines: this heading, any headings right after it (with the
      // space before them), and what `paragraph` would put of the first text block on
      // this page: a block of up to three lines moves whole (it leaves no single line
      // at either end), a longer one needs two lines here; of photos, their first row;
      // of a table, its header and first row.
      let needed = 0;
      for (let j = index; j < blocks.length; j += 1) {
        const next = blocks[j]!;
        if (next.kind === 'photos') {
          const first = planPhotoRows(flow, next.photos, context)[0];
          needed += FORMAT.photos.spaceBefore + (first?.height ?? 0);
          break;
        }
        if (next.kind === 'table') {
          const plan = planTable(flow, next);
          needed +=
            FORMAT.table.spaceBefore +
            tableTitleHeight(tableTitleLines(flow, next.title)) +
            tableStartHeight(plan);
          break;
        }
        const nextStyle = blockStyle(next);
        const restIndent =
          next.kind === 'listItem'
            ? body.listIndent + flow.width_(`${next.bullet} `, nextStyle)
            : 0;
        const lines = flow.wrap(
          blockText(next, missingText),
          nextStyle,
          flow.width,
          body.firstLineIndent,
          restIndent,
          { justify: next.kind !== 'heading' && next.kind !== 'label' },
        ).length;
        if (next.kind === 'heading' || next.kind === 'label') {
          if (j > index && next.kind === 'heading') needed += HEADING_STYLES.spaceBefore;
          needed += lines * lineHeight(nextStyle.size);
        } else {
          needed += (lines <= 3 ? lines : 2) * lineHeight(nextStyle.size);
          break;
        }
      }
      if (!flow.fits(needed) && flow.y > flow.firstBodyY() + 0.01) flow.continuePage();
      const align = block.kind === 'heading' && block.level === 'part' ? 'center' : 'left';
      flow.paragraph(text, style, {
        firstIndent: align === 'center' ? 0 : body.firstLineIndent,
        restIndent: 0,
        align,
      });
      return;
    }
    if (block.kind === 'listItem') {
      const bulletWidth = flow.width_(`${block.bullet} `, style);
      flow.paragraph(text, style, {
        firstIndent: body.listIndent,
        restIndent: body.listIndent + bulletWidth,
        align: 'justify',
        keepWithNext,
      });
    } else {
      flow.paragraph(text, style, {
        firstIndent: body.firstLineIndent,
        restIndent: 0,
        align: 'justify',
        keepWithNext,
      });
    }
    flow.y += body.paragraphSpacing;
  });
}

type PhotoCell = {
  photoId: string;
  // Left edge of the cell, and the picture's size inside it.
  cellX: number;
  w: number;
  h: number;
  isMissing: boolean;
  caption: Line[];
};
type PhotoRow = { cells: PhotoCell[]; imageHeight: number; height: number };

// The width of one photo cell: the text width shared by the photos of a full row.
export function photoCellWidth(textWidth: number): number {
  const p = FORMAT.photos;
  return (textWidth - p.columnGap * (p.perRow - 1)) / p.perRow;
}

// A photo's printed size: the cell's width, or less to stay within the height cap, with
// the photo's own shape (a missing photo takes the placeholder's).
export function photoBox(size: PhotoSize | undefined, cellWidth: number) {
  const p = FORMAT.photos;
  const aspect =
    size && size.width > 0 && size.height > 0 ? size.width / size.height : p.placeholderAspect;
  let w = cellWidth;
  let h = w / aspect;
  if (h > p.maxHeight) {
    h = p.maxHeight;
    w = h * aspect;
  }
  return { w, h };
}

// The photos in rows of two, each cell with its picture and caption lines; a lone photo
// in the last row is centred.
function planPhotoRows(flow: Flow, photos: readonly PhotoRef[], context: BlockContext): PhotoRow[] {
  const p = FORMAT.photos;
  const cellWidth = photoCellWidth(flow.width);
  const rows: PhotoRow[] = [];
  for (let start = 0; start < photos.length; start += p.perRow) {
    const refs = photos.slice(start, start + p.perRow);
    const rowWidth = refs.length * cellWidth + (refs.length - 1) * p.columnGap;
    const rowX = flow.left + (flow.width - rowWidth) / 2;
    const cells = refs.map((ref, index) => {
      const size = context.photoSizes.get(ref.photoId);
      return {
        photoId: ref.photoId,
        cellX: rowX + index * (cellWidth + p.columnGap),
        ...photoBox(size, cellWidth),
        isMissing: size === undefined,
        caption: flow.wrap(ref.caption.trim(), p.caption, cellWidth),
      };
    });
    const imageHeight = Math.max(...cells.map((cell) => cell.h));
    const captionLines = Math.max(...cells.map((cell) => cell.caption.length));
    const height =
      imageHeight +
      (captionLines > 0 ? p.captionGap + captionLines * lineHeight(p.caption.size) : 0);
    rows.push({ cells, imageHeight, height });
  }
  return rows;
}

// Each row whole on one page: pictures bottom-aligned on a common line, the captions
// under it; the last row with `keepAfterLast` mm after it (the closing).
function layoutPhotos(
  flow: Flow,
  rows: readonly PhotoRow[],
  missingPhotoText: string,
  keepAfterLast = 0,
) {
  const p = FORMAT.photos;
  const cellWidth = photoCellWidth(flow.width);
  const tag = flow.tag;
  flow.y += p.spaceBefore;
  rows.forEach((row, rowIndex) => {
    const keep = rowIndex === rows.length - 1 ? keepAfterLast : 0;
    if (!flow.fits(row.height + keep) && flow.y > flow.firstBodyY() + 0.01) flow.continuePage();
    const top = flow.y;
    flow.place(top, top + row.height, `${tag}:photos:${rowIndex}`);
    for (const cell of row.cells) {
      const x = cell.cellX + (cellWidth - cell.w) / 2;
      const y = top + row.imageHeight - cell.h;
      if (cell.isMissing) {
        flow.page.items.push({ kind: 'rect', x, y, w: cell.w, h: cell.h, width: p.frameWidth });
        const note = flow.text(missingPhotoText);
        const noteWidth = flow.width_(note, p.placeholderText);
        flow.run(
          note,
          x + (cell.w - noteWidth) / 2,
          y + (cell.h - lineHeight(p.placeholderText.size)) / 2,
          p.placeholderText,
        );
      } else {
        flow.page.items.push({ kind: 'image', photoId: cell.photoId, x, y, w: cell.w, h: cell.h });
      }
      let captionTop = top + row.imageHeight + p.captionGap;
      for (const line of cell.caption) {
        flow.drawLine(line, p.caption, captionTop, cell.cellX, cellWidth, 'center');
        captionTop += lineHeight(p.caption.size);
      }
    }
    flow.y = top + row.height + p.rowGap;
  });
}

// Column widths (mm) of a table `totalWidth` wide, sized by content as a typesetter
// would: each column at least as wide as its longest word (header or cell) with the
// padding, and what is left shared by how much more each column's longest cell needs
// to stand on one line, so a column of long notes is wide and a column of quantities
// narrow. When the longest words do not fit at all, the width is shared by weight.
export function tableColumnWidths(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  widthOf: (text: string, style: TextStyle) => number,
  totalWidth: number,
): number[] {
  const t = FORMAT.table;
  const padding = t.cellPadding * 2 + 0.5;
  const longestWord = (text: string, style: TextStyle) =>
    Math.max(
      0,
      ...text
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => widthOf(word, style)),
    );
  const minimum = columns.map(
    (column, i) =>
      Math.max(
        longestWord(column.label, t.headerCell),
        ...rows.map((row) => longestWord(row[i] ?? '', t.cell)),
      ) + padding,
  );
  const natural = columns.map((_, i) =>
    Math.max(minimum[i]!, ...rows.map((row) => widthOf((row[i] ?? '').trim(), t.cell) + padding)),
  );
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(minimum) > totalWidth) {
    const weights = sum(columns.map((column) => column.weight));
    return columns.map((column) => (totalWidth * column.weight) / weights);
  }
  if (sum(natural) <= totalWidth) {
    // Everything stands on one line: the room left goes to the text columns.
    const extra = totalWidth - sum(natural);
    const text = columns.map((column, i) => (column.align === 'left' ? natural[i]! : 0));
    const share = sum(text) > 0 ? text : natural;
    return natural.map((width, i) => width + (extra * share[i]!) / sum(share));
  }
  // Short columns (a type, a quantity, a date) stand on one line when that is no more
  // than an even share of what is left; the others get their longest word and share the
  // rest by how much more they want.
  const widths = [...minimum];
  const open = new Set(columns.map((_, i) => i));
  const fixedWidth = () => sum(widths.filter((_, i) => !open.has(i)));
  const isShort = (i: number) =>
    natural[i]! <= (totalWidth - fixedWidth()) / open.size &&
    totalWidth - fixedWidth() - natural[i]! >=
      sum([...open].filter((j) => j !== i).map((j) => minimum[j]!));
  let short = [...open].find(isShort);
  while (short !== undefined && open.size > 1) {
    widths[short] = natural[short]!;
    open.delete(short);
    short = [...open].find(isShort);
  }
  const rest = [...open];
  const room = totalWidth - fixedWidth() - sum(rest.map((i) => minimum[i]!));
  const want = sum(rest.map((i) => natural[i]! - minimum[i]!));
  for (const i of rest)
    widths[i] =
      minimum[i]! + (want > 0 ? (room * (natural[i]! - minimum[i]!)) / want : room / rest.length);
  return widths;
}

// The cell styles, padding and rules of a ruled table: FORMAT.table or FORMAT.appendix.
type RuledTableStyle = {
  cell: TextStyle;
  headerCell: TextStyle;
  cellPadding: number;
  ruleWidth: number;
};
type TableRowPlan = { lines: Line[][]; height: number };
type TablePlan = {
  style: RuledTableStyle;
  widths: number[];
  aligns: ('left' | 'center' | 'right')[];
  header: TableRowPlan;
  rows: TableRowPlan[];
};

// A ruled table's header and rows wrapped into their columns, each row as tall as its
// tallest cell.
function planRuledTable(
  flow: Flow,
  style: RuledTableStyle,
  widths: number[],
  aligns: TablePlan['aligns'],
  headerCells: readonly string[],
  rows: readonly (readonly string[])[],
): TablePlan {
  // A header keeps what it says in brackets on one line: "2013 / (đến tháng 8)", never
  // "2013 (đến / tháng 8)".
  const plan = (cells: readonly string[], cellStyle: TextStyle, isHeader = false): TableRowPlan => {
    const lines = widths.map((width, i) => {
      const cell = cells[i] ?? '';
      const glue = isHeader ? (cell.match(/\([^()]*\)/g) ?? []) : [];
      return flow.wrap(cell, cellStyle, width - style.cellPadding * 2, 0, 0, { glue });
    });
    const count = Math.max(1, ...lines.map((cell) => cell.length));
    return { lines, height: count * lineHeight(cellStyle.size) + style.cellPadding * 2 };
  };
  const header = plan(headerCells, style.headerCell, true);
  return { style, widths, aligns, header, rows: rows.map((cells) => plan(cells, style.cell)) };
}

// One row of a ruled table at the current y, `height` tall: each cell's lines (a header
// cell's centred), then its frame.
function drawTableRow(
  flow: Flow,
  table: TablePlan,
  lines: Line[][],
  height: number,
  isHeader: boolean,
) {
  const { style } = table;
  const cellStyle = isHeader ? style.headerCell : style.cell;
  const top = flow.y;
  let x = flow.left;
  table.widths.forEach((width, i) => {
    let y = top + style.cellPadding;
    for (const line of lines[i]!) {
      flow.drawLine(
        line,
        cellStyle,
        y,
        x + style.cellPadding,
        width - style.cellPadding * 2,
        isHeader ? 'center' : table.aligns[i]!,
      );
      y += lineHeight(cellStyle.size);
    }
    flow.page.items.push({ kind: 'rect', x, y: top, w: width, h: height, width: style.ruleWidth });
    x += width;
  });
  flow.y = top + height;
}

function planTable(flow: Flow, block: Extract<DocumentBlock, { kind: 'table' }>): TablePlan {
  return planRuledTable(
    flow,
    FORMAT.table,
    tableColumnWidths(block.columns, block.rows, flow.width_.bind(flow), flow.width),
    block.columns.map((column) => column.align),
    block.columns.map((column) => column.label),
    block.rows,
  );
}

// What must fit where a table starts: its header and first two rows (a table never
// leaves fewer than two rows at the bottom of a page).
function tableStartHeight(table: TablePlan): number {
  return table.header.height + table.rows.slice(0, 2).reduce((sum, row) => sum + row.height, 0);
}

// The header row, then each row whole where it fits on a page (a new page repeats the
// header), never fewer than two rows at the top of a page: when the last two rows do not
// both fit, they go to the next page together. A row taller than a page is cut between
// lines. Rows are placed as `<tag>:row:<r>`, header rows as `<tag>:header`. `carried`
// is drawn above the header on every page the table continues on (the source line of a
// consolidated table).
function layoutTableRows(
  flow: Flow,
  table: TablePlan,
  tag: string,
  carried: { height: number; draw: () => void } | null = null,
) {
  const { style } = table;
  const lh = lineHeight(style.cell.size);
  const drawHeader = () => {
    flow.place(flow.y, flow.y + table.header.height, `${tag}:header`);
    drawTableRow(flow, table, table.header.lines, table.header.height, true);
  };
  const drawRow = (lines: Line[][], height: number, r: number) => {
    flow.place(flow.y, flow.y + height, `${tag}:row:${r}`);
    drawTableRow(flow, table, lines, height, false);
  };
  const pageRoom = () =>
    flow.bottom - flow.firstBodyY() - table.header.height - (carried?.height ?? 0);
  drawHeader();
  let rowsOnPage = 0;
  const breakPage = () => {
    flow.continuePage();
    carried?.draw();
    drawHeader();
    rowsOnPage = 0;
  };
  table.rows.forEach((row, r) => {
    const lastTwo = r === table.rows.length - 2 ? row.height + table.rows[r + 1]!.height : 0;
    if (
      rowsOnPage >= 2 &&
      lastTwo > 0 &&
      lastTwo <= pageRoom() + 0.01 &&
      flow.fits(row.height) &&
      !flow.fits(lastTwo)
    )
      breakPage();
    if (flow.fits(row.height)) {
      drawRow(row.lines, row.height, r);
      rowsOnPage += 1;
      return;
    }
    if (row.height <= pageRoom() + 0.01) {
      breakPage();
      drawRow(row.lines, row.height, r);
      rowsOnPage += 1;
      return;
    }
    // Taller than a page: as many lines of every cell as fit here, the rest on the next.
    let from = 0;
    const count = Math.max(...row.lines.map((cell) => cell.length));
    while (from < count) {
      let fitting = Math.floor((flow.bottom - flow.y - style.cellPadding * 2 + 0.01) / lh);
      if (fitting < 1) {
        breakPage();
        continue;
      }
      fitting = Math.min(fitting, count - from);
      const piece = row.lines.map((cell) => cell.slice(from, from + fitting));
      drawRow(piece, fitting * lh + style.cellPadding * 2, r);
      from += fitting;
      if (from < count) breakPage();
    }
    rowsOnPage += 1;
  });
}

// A table's numbered title, wrapped to the table's width.
function tableTitleLines(flow: Flow, title: string): Line[] {
  return title.trim() === '' ? [] : flow.wrap(title, FORMAT.table.title, flow.width);
}

const tableTitleHeight = (lines: readonly Line[]) =>
  lines.length === 0
    ? 0
    : lines.length * lineHeight(FORMAT.table.title.size) + FORMAT.table.titleGap;

// The title, the header and the rows; the title keeps with the header and two rows.
function layoutTable(flow: Flow, table: TablePlan, title: string) {
  const t = FORMAT.table;
  const titleLines = tableTitleLines(flow, title);
  flow.y += t.spaceBefore;
  if (
    !flow.fits(tableTitleHeight(titleLines) + tableStartHeight(table)) &&
    flow.y > flow.firstBodyY() + 0.01
  )
    flow.continuePage();
  if (titleLines.length > 0) {
    flow.place(flow.y, flow.y + tableTitleHeight(titleLines), `${flow.tag}:title`);
    for (const line of titleLines) {
      flow.drawLine(line, t.title, flow.y, flow.left, flow.width, 'left');
      flow.y += lineHeight(t.title.size);
    }
    flow.y += t.titleGap;
  }
  layoutTableRows(flow, table, flow.tag);
  flow.y += t.spaceAfter;
}

export type ClosingPlan = ReturnType<typeof planClosing>;

// The closing's two columns wrapped, and the height of the block (without the space
// before it).
export function planClosing(flow: Flow, doc: Pick<ReportDocument, 'closing'>) {
  const c = FORMAT.closing;
  const { closing } = doc;
  const leftWidth = flow.width * c.leftShare;
  const rightWidth = flow.width - leftWidth;
  const leftLines = [
    ...flow
      .wrap(closing.recipientsHeading, c.recipientsHeading, leftWidth)
      .map((line) => ({ line, style: c.recipientsHeading })),
    ...closing.recipients.flatMap((recipient) =>
      flow
        .wrap(recipient, c.recipient, leftWidth, 0, 2)
        .map((line) => ({ line, style: c.recipient })),
    ),
  ];
  const leftHeight = leftLines.reduce((sum, { style }) => sum + lineHeight(style.size), 0);
  const rightTexts = [
    { text: closing.signingLine, style: c.signingLine },
    { text: closing.position, style: c.position },
  ];
  const rightHeight =
    rightTexts.reduce(
      (sum, { text, style }) =>
        sum + flow.wrap(text, style, rightWidth).length * lineHeight(style.size),
      0,
    ) +
    c.signatureSpace +
    lineHeight(c.signerName.size);
  return {
    leftLines,
    leftWidth,
    leftHeight,
    rightTexts,
    rightWidth,
    height: Math.max(leftHeight, rightHeight),
  };
}

// The closing on one page: the text before it has kept its last lines with it.
export function layoutClosing(flow: Flow, doc: Pick<ReportDocument, 'closing'>, plan: ClosingPlan) {
  const c = FORMAT.closing;
  const { closing } = doc;
  const { leftLines, leftWidth, leftHeight, rightTexts, rightWidth } = plan;
  flow.y += c.spaceBefore;
  if (!flow.fits(plan.height)) flow.continuePage();
  const top = flow.y;
  flow.place(top, top + plan.height, 'closing');
  for (const { line, style } of leftLines) {
    flow.drawLine(line, style, flow.y, flow.left, leftWidth, 'left');
    flow.y += lineHeight(style.size);
  }
  flow.y = top;
  flow.centredBlock(rightTexts, flow.left + leftWidth, rightWidth);
  flow.y += c.signatureSpace;
  flow.centredBlock(
    [{ text: closing.signerName, style: c.signerName }],
    flow.left + leftWidth,
    rightWidth,
  );
  flow.y = Math.max(flow.y, top + leftHeight);
}

export function cellText(
  value: number | null | undefined,
  unit: 'count' | 'percent',
  labels: AppendixLabels,
) {
  return value === null || value === undefined
    ? labels.noData
    : formatVietnameseNumber(value, unit);
}

export type AppendixColumn = {
  header: string;
  width: number;
  align: 'left' | 'right' | 'center';
};
export type AppendixTablePlan = {
  title: string;
  // Where the figures come from (the province's consolidation), printed under the title.
  source: string | null;
  columns: AppendixColumn[];
  rows: string[][];
};
export type AppendixPlan = {
  orientation: PageLayout['orientation'];
  tables: AppendixTablePlan[];
};

type WidthOf = (text: string, style: TextStyle) => number;

function tableColumns(
  widthOf: WidthOf,
  table: AppendixTable,
  years: readonly string[],
  labels: AppendixLabels,
  labelWidth: number,
  yearHeaders: Readonly<Record<string, string>> = {},
): AppendixColumn[] {
  const a = FORMAT.appendix;
  const pad = a.cellPadding * 2;
  const dataWidth = (header: string, values: string[]) =>
    Math.max(
      a.minDataWidth,
      widthOf(header, a.headerCell) + pad,
      ...values.map((v) => widthOf(v, a.cell) + pad),
    );
  return [
    { header: labels.indicator, width: labelWidth, align: 'left' },
    // A partial year's header ("2013 (đến tháng 8)") takes two lines: the year, then
    // what it covers, as wide as the longer.
    ...years.map((year) => {
      const header = yearHeaders[year] ?? year;
      const widest = header
        .split(/ (?=\()/)
        .reduce((wide, part) =>
          widthOf(part, a.headerCell) > widthOf(wide, a.headerCell) ? part : wide,
        );
      return {
        header,
        width: dataWidth(
          widest,
          table.rows.map((row) => cellText(row.values[year], row.indicator.unit, labels)),
        ),
        align: 'right' as const,
      };
    }),
    {
      header: labels.target,
      width: dataWidth(
        labels.target,
        table.rows.map((row) =>
          row.target === null ? '' : cellText(row.target, row.indicator.unit, labels),
        ),
      ),
      align: 'right',
    },
    {
      header: labels.status,
      width: Math.max(
        a.minDataWidth,
        ...Object.values(labels.statuses).map((s) => widthOf(s, a.cell) + pad),
        24,
      ),
      align: 'center',
    },
  ];
}

export function hasAppendixData(doc: ReportDocument): boolean {
  return appendixHasData(doc.appendix);
}

// The appendix tables as titles, columns (widths in mm) and cell texts, and the page
// orientation: landscape when a table does not fit the portrait text block with a usable
// label column. The PDF layout and the Word writer both build on it.
export function planAppendix(
  doc: ReportDocument,
  labels: AppendixLabels,
  measure: Measure,
): AppendixPlan {
  const a = FORMAT.appendix;
  const widthOf: WidthOf = (text, style) => measure(text, style.style, style.size);
  const { tables, years } = doc.appendix;
  const textWidth = (orientation: PageLayout['orientation']) =>
    PAGE[orientation].width - PAGE.margin.left - PAGE.margin.right;
  const dataWidths = tables.map((table) =>
    tableColumns(widthOf, table, years, labels, 0).reduce((sum, column) => sum + column.width, 0),
  );
  const widest = Math.max(0, ...dataWidths);
  const orientation = textWidth('portrait') - widest < a.minLabelWidth ? 'landscape' : 'portrait';
  const blockWidth = textWidth(orientation);
  return {
    orientation,
    tables: tables.map((table, tableIndex) => ({
      title: `${tableIndex + 1}. ${table.title}`,
      source: table.source,
      columns: tableColumns(
        widthOf,
        table,
        years,
        labels,
        Math.min(a.maxLabelWidth, blockWidth - dataWidths[tableIndex]!),
        doc.appendixYearHeaders,
      ),
      rows: table.rows.map((row) => [
        row.indicator.label + (row.indicator.unit === 'percent' ? ` ${labels.percentUnit}` : ''),
        ...years.map((year) => cellText(row.values[year], row.indicator.unit, labels)),
        row.target === null ? '' : cellText(row.target, row.indicator.unit, labels),
        doc.appendixStatuses[row.indicator.id] ?? '',
      ]),
    })),
  };
}

// The heading, title and note that open an appendix, centred at the top of its first page.
function layoutAppendixHead(flow: Flow, doc: ReportDocument, heading: string) {
  const a = FORMAT.appendix;
  flow.centredBlock(
    [
      { text: heading, style: a.heading },
      { text: doc.appendixTitle, style: a.title },
      { text: doc.appendixNote, style: a.note },
    ],
    flow.left,
    flow.width,
  );
  flow.y += a.spaceBetweenTables;
}

function layoutAppendix(flow: Flow, doc: ReportDocument, labels: AppendixLabels) {
  const a = FORMAT.appendix;
  const plan = planAppendix(doc, labels, flow.measureText);
  flow.newPage('appendix', plan.orientation, true);
  layoutAppendixHead(flow, doc, doc.appendixHeading);

  plan.tables.forEach(({ title, source, columns, rows }, tableIndex) => {
    const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const table = planRuledTable(
      flow,
      a,
      columns.map((column) => column.width),
      columns.map((column) => column.align),
      columns.map((column) => column.header),
      rows,
    );
    // The title keeps with the header row and the first two rows.
    const titleLines = flow.wrap(title, a.tableTitle, tableWidth);
    const sourceLines = source ? flow.wrap(source, a.source, tableWidth) : [];
    const titleHeight =
      titleLines.length * lineHeight(a.tableTitle.size) +
      sourceLines.length * lineHeight(a.source.size) +
      1.5;
    if (!flow.fits(titleHeight + tableStartHeight(table)) && flow.y > flow.firstBodyY() + 0.01) {
      flow.continuePage();
    }
    flow.place(flow.y, flow.y + titleHeight, `stats:${tableIndex}:title`);
    for (const line of titleLines) {
      flow.drawLine(line, a.tableTitle, flow.y, flow.left, tableWidth, 'left');
      flow.y += lineHeight(a.tableTitle.size);
    }
    const drawSource = () => {
      for (const line of sourceLines) {
        flow.drawLine(line, a.source, flow.y, flow.left, tableWidth, 'left');
        flow.y += lineHeight(a.source.size);
      }
    };
    drawSource();
    flow.y += 1.5;
    // Every page of a consolidated table says what it consolidates (PROVINCE.md).
    layoutTableRows(
      flow,
      table,
      `stats:${tableIndex}`,
      sourceLines.length > 0
        ? { height: sourceLines.length * lineHeight(a.source.size), draw: drawSource }
        : null,
    );
    flow.y += a.spaceBetweenTables;
  });
}

export type LayoutOptions = {
  measure: Measure;
  missingText: string;
  draftText: string;
  appendixLabels: AppendixLabels;
  // The pixel sizes of the photos the document shows, by photo id; a photo not here is
  // missing from storage and prints as a framed note.
  photoSizes?: ReadonlyMap<string, PhotoSize>;
  missingPhotoText?: string;
  // Printed on the last page's bottom margin: the fingerprint line of the data the PDF
  // carries (see src/domain/report/fingerprint.ts).
  fingerprintText?: string | undefined;
  // The province report's comparison charts, after the appendix tables.
  charts?: readonly ComparisonChartData[] | undefined;
};

// The comparison charts at the end of the statistics appendix (on its own page when there
// is none), each kept whole on a page, as wide as the text block. Tags: `chart:<i>`.
function layoutCharts(flow: Flow, charts: readonly ComparisonChartData[], hasAppendix: boolean) {
  if (!hasAppendix) flow.newPage('appendix', 'portrait', true);
  const measure = (text: string, style: FontStyle, size: number) =>
    flow.measureText(flow.text(text), style, size);
  charts.forEach((chart, index) => {
    const drawing = layoutComparisonChart(chart, {
      width: flow.width,
      measure,
      plotHeight: FORMAT.chart.plotHeight[flow.page.orientation],
    });
    for (const item of drawing.items) if (item.kind === 'text') item.text = flow.text(item.text);
    if (!flow.fits(drawing.height) && flow.y > flow.firstBodyY() + 0.01) flow.continuePage();
    flow.page.items.push({
      kind: 'chart',
      x: flow.left,
      y: flow.y,
      w: drawing.width,
      h: drawing.height,
      drawing,
    });
    flow.place(flow.y, flow.y + drawing.height, `chart:${index}`);
    flow.y += drawing.height + FORMAT.chart.spaceBefore;
  });
}

// The appendix made of blocks (the list of materials): a new portrait page numbered on its
// own, the heading, title and note as over the statistics, then the blocks.
function layoutAppendixBody(flow: Flow, doc: ReportDocument, context: BlockContext) {
  flow.newPage('appendix', 'portrait', true);
  layoutAppendixHead(flow, doc, doc.appendixBodyHeading);
  layoutBlocks(flow, doc.appendixBody, context, 'appendix');
}

// On the last page (the appendix's last page where there is one), below the text area.
function layoutFingerprint(flow: Flow, text: string) {
  const style = FORMAT.fingerprint;
  const label = flow.text(text);
  flow.page.items.push({
    kind: 'text',
    x: flow.right - flow.width_(label, style),
    y: flow.page.height - style.baselineAboveEdge,
    text: label,
    style: style.style,
    size: style.size,
  });
}

export function layoutReport(doc: ReportDocument, options: LayoutOptions): ReportLayout {
  const found = new Set<string>();
  const flow = new Flow(options.measure, found);
  const context: BlockContext = {
    missingText: options.missingText,
    photoSizes: options.photoSizes ?? new Map(),
    missingPhotoText: options.missingPhotoText ?? documentWords.missingPhoto,
  };
  flow.newPage('body', 'portrait', true);
  layoutHeader(flow, doc, doc.isDraft, options.draftText);
  layoutTitle(flow, doc);
  const closing = planClosing(flow, doc);
  layoutBlocks(flow, doc.body, context, 'body', FORMAT.closing.spaceBefore + closing.height);
  flow.tag = '';
  layoutClosing(flow, doc, closing);
  if (hasAppendixData(doc)) layoutAppendix(flow, doc, options.appendixLabels);
  if (options.charts && options.charts.length > 0)
    layoutCharts(flow, options.charts, hasAppendixData(doc));
  if (doc.appendixBody.length > 0) layoutAppendixBody(flow, doc, context);
  if (options.fingerprintText) layoutFingerprint(flow, options.fingerprintText);
  return { pages: flow.pages, replacedCharacters: [...found], placements: flow.placements };
}
