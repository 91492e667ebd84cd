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
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { PhotoRef } from '@/domain/report/answer-kinds';
import type { DocumentBlock, ReportDocument, TableColumn } from '@/domain/report/document-model';
import { documentWords } from '@/i18n/document';
import { coverText } from './font-coverage';
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
export type LayoutItem = TextRun | Rule | Box | Picture;

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

export type ReportLayout = { pages: PageLayout[]; replacedCharacters: string[] };

export type AppendixLabels = {
  indicator: string;
  target: string;
  status: string;
  percentUnit: string;
  statuses: Record<'met' | 'notMet' | 'exceeded', string>;
  noData: string;
};

const lineHeight = (size: number) => size * PT * LINE_HEIGHT;

type Line = { words: string[]; width: number; indent: number; isLast: boolean };

class Flow {
  pages: PageLayout[] = [];
  page!: PageLayout;
  y = 0;
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

  // Greedy line breaking; a word wider than the line is broken between characters.
  wrap(text: string, style: TextStyle, width: number, firstIndent = 0, restIndent = 0): Line[] {
    const words = this.text(text).split(/\s+/).filter(Boolean);
    const space = this.width_(' ', style);
    const lines: Line[] = [];
    let current: string[] = [];
    let currentWidth = 0;
    const indent = () => (lines.length === 0 ? firstIndent : restIndent);
    const push = () => {
      lines.push({ words: current, width: currentWidth, indent: indent(), isLast: false });
      current = [];
      currentWidth = 0;
    };
    for (const word of words) {
      let rest = word;
      while (rest.length > 0) {
        const available = width - indent();
        const wordWidth = this.width_(rest, style);
        const needed = current.length === 0 ? wordWidth : currentWidth + space + wordWidth;
        if (needed <= available) {
          currentWidth = needed;
          current.push(rest);
          rest = '';
        } else if (current.length > 0) {
          push();
        } else {
          // One word longer than the line: cut it where it stops fitting.
          const chars = [...rest];
          let cut = 1;
          while (
            cut < chars.length &&
            this.width_(chars.slice(0, cut + 1).join(''), style) <= available
          )
            cut += 1;
          current = [chars.slice(0, cut).join('')];
          currentWidth = this.width_(current[0]!, style);
          push();
          rest = chars.slice(cut).join('');
        }
      }
    }
    if (current.length > 0) push();
    if (lines.length > 0) lines[lines.length - 1]!.isLast = true;
    return lines;
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
    if (align === 'justify' && !line.isLast && line.words.length > 1) {
      const wordWidths = line.words.map((word) => this.width_(word, style));
      const gap = (available - wordWidths.reduce((a, b) => a + b, 0)) / (line.words.length - 1);
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

  // A paragraph that may cross pages, with widow and orphan control.
  paragraph(
    text: string,
    style: TextStyle,
    opts: { firstIndent: number; restIndent: number; align: 'justify' | 'left' | 'center' },
  ) {
    const lines = this.wrap(text, style, this.width, opts.firstIndent, opts.restIndent);
    const height = lineHeight(style.size);
    let index = 0;
    while (index < lines.length) {
      const remaining = lines.length - index;
      let fitting = Math.floor((this.bottom - this.y + 0.01) / height);
      if (fitting >= remaining) fitting = remaining;
      else {
        if (remaining - fitting === 1) fitting -= 1; // no single line at the next page's top
        if (fitting < 2 && remaining >= 2) fitting = 0; // no single line at this page's bottom
      }
      if (fitting <= 0) {
        if (this.y <= this.firstBodyY() + 0.01)
          fitting = Math.max(1, Math.floor((this.bottom - this.y) / height));
        else {
          this.continuePage();
          continue;
        }
      }
      for (const line of lines.slice(index, index + fitting)) {
        this.drawLine(line, style, this.y, this.left, this.width, opts.align);
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
  flow.centredBlock(left, leftX, columnWidth);
  const numberTop = flow.y;
  flow.centredBlock([{ text: header.numberLine, style: s.number }], leftX, columnWidth);
  const leftBottom = flow.y;

  flow.y = top;
  if (header.layout === 'rules-2013') {
    const union = flow.text(header.union);
    const width = flow.width_(union, s.union);
    const x = rightX + (columnWidth - width) / 2;
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
  const lines = flow.wrap(doc.subject, subject, subject.maxWidth);
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
type BlockContext = {
  missingText: string;
  photoSizes: ReadonlyMap<string, PhotoSize>;
  missingPhotoText: string;
};

function layoutBlocks(flow: Flow, blocks: readonly DocumentBlock[], context: BlockContext) {
  const body = FORMAT.body;
  const { missingText } = context;
  blocks.forEach((block, index) => {
    if (block.kind === 'photos') {
      layoutPhotos(flow, planPhotoRows(flow, block.photos, context), context.missingPhotoText);
      return;
    }
    if (block.kind === 'table') {
      layoutTable(flow, planTable(flow, block));
      return;
    }
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
          needed += FORMAT.table.spaceBefore + plan.header.height + (plan.rows[0]?.height ?? 0);
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
      });
    } else {
      flow.paragraph(text, style, {
        firstIndent: body.firstLineIndent,
        restIndent: 0,
        align: 'justify',
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
// under it.
function layoutPhotos(flow: Flow, rows: readonly PhotoRow[], missingPhotoText: string) {
  const p = FORMAT.photos;
  const cellWidth = photoCellWidth(flow.width);
  flow.y += p.spaceBefore;
  for (const row of rows) {
    if (!flow.fits(row.height) && flow.y > flow.firstBodyY() + 0.01) flow.continuePage();
    const top = flow.y;
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
  }
}

// Column widths (mm) of a table `totalWidth` wide: shared by weight, except that no
// column is narrower than its longest word (header or cell) with the padding, while the
// words fit at all; the others share what is left, by weight.
export function tableColumnWidths(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  widthOf: (text: string, style: TextStyle) => number,
  totalWidth: number,
): number[] {
  const t = FORMAT.table;
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
      ) +
      t.cellPadding * 2 +
      0.5,
  );
  const byWeight = (indices: number[], width: number) => {
    const total = indices.reduce((sum, i) => sum + columns[i]!.weight, 0);
    return new Map(indices.map((i) => [i, (width * columns[i]!.weight) / total]));
  };
  if (minimum.reduce((sum, w) => sum + w, 0) > totalWidth)
    return columns.map((_, i) =>
      byWeight(
        columns.map((__, j) => j),
        totalWidth,
      ).get(i)!,
    );
  const fixed = new Map<number, number>();
  for (;;) {
    const free = columns.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = totalWidth - [...fixed.values()].reduce((sum, w) => sum + w, 0);
    const shares = byWeight(free, left);
    const tooNarrow = free.filter((i) => shares.get(i)! < minimum[i]!);
    if (tooNarrow.length === 0 || free.length === tooNarrow.length) {
      return columns.map((_, i) => fixed.get(i) ?? shares.get(i) ?? minimum[i]!);
    }
    for (const i of tooNarrow) fixed.set(i, minimum[i]!);
  }
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
  const plan = (cells: readonly string[], cellStyle: TextStyle): TableRowPlan => {
    const lines = widths.map((width, i) =>
      flow.wrap(cells[i] ?? '', cellStyle, width - style.cellPadding * 2),
    );
    const count = Math.max(1, ...lines.map((cell) => cell.length));
    return { lines, height: count * lineHeight(cellStyle.size) + style.cellPadding * 2 };
  };
  const header = plan(headerCells, style.headerCell);
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

// The header row, then each row whole where it fits on a page (a new page repeats the
// header); a row taller than a page is cut between lines.
function layoutTable(flow: Flow, table: TablePlan) {
  const t = FORMAT.table;
  const lh = lineHeight(t.cell.size);
  const drawHeader = () => drawTableRow(flow, table, table.header.lines, table.header.height, true);
  flow.y += t.spaceBefore;
  if (
    !flow.fits(table.header.height + (table.rows[0]?.height ?? 0)) &&
    flow.y > flow.firstBodyY() + 0.01
  )
    flow.continuePage();
  drawHeader();
  for (const row of table.rows) {
    if (flow.fits(row.height)) {
      drawTableRow(flow, table, row.lines, row.height, false);
      continue;
    }
    const pageRoom = flow.bottom - flow.firstBodyY() - table.header.height;
    if (row.height <= pageRoom + 0.01) {
      flow.continuePage();
      drawHeader();
      drawTableRow(flow, table, row.lines, row.height, false);
      continue;
    }
    // Taller than a page: as many lines of every cell as fit here, the rest on the next.
    let from = 0;
    const count = Math.max(...row.lines.map((cell) => cell.length));
    while (from < count) {
      let fitting = Math.floor((flow.bottom - flow.y - t.cellPadding * 2 + 0.01) / lh);
      if (fitting < 1) {
        flow.continuePage();
        drawHeader();
        continue;
      }
      fitting = Math.min(fitting, count - from);
      const piece = row.lines.map((cell) => cell.slice(from, from + fitting));
      drawTableRow(flow, table, piece, fitting * lh + t.cellPadding * 2, false);
      from += fitting;
      if (from < count) {
        flow.continuePage();
        drawHeader();
      }
    }
  }
  flow.y += t.spaceAfter;
}

function layoutClosing(flow: Flow, doc: ReportDocument) {
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
  flow.y += c.spaceBefore;
  if (!flow.fits(Math.max(leftHeight, rightHeight))) flow.continuePage();
  const top = flow.y;
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
export type AppendixTablePlan = { title: string; columns: AppendixColumn[]; rows: string[][] };
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
    ...years.map((year) => ({
      header: year,
      width: dataWidth(
        year,
        table.rows.map((row) => cellText(row.values[year], row.indicator.unit, labels)),
      ),
      align: 'right' as const,
    })),
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
  return doc.appendix.tables.some((table) =>
    table.rows.some(
      (row) =>
        Object.values(row.values).some((value) => value !== null && value !== undefined) ||
        row.target !== null,
    ),
  );
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
      columns: tableColumns(
        widthOf,
        table,
        years,
        labels,
        Math.min(a.maxLabelWidth, blockWidth - dataWidths[tableIndex]!),
      ),
      rows: table.rows.map((row) => [
        row.indicator.label + (row.indicator.unit === 'percent' ? ` ${labels.percentUnit}` : ''),
        ...years.map((year) => cellText(row.values[year], row.indicator.unit, labels)),
        row.target === null ? '' : cellText(row.target, row.indicator.unit, labels),
        row.status ? labels.statuses[row.status] : '',
      ]),
    })),
  };
}

// The heading, title and note that open an appendix, centred at the top of its first page.
function layoutAppendixHead(flow: Flow, doc: ReportDocument) {
  const a = FORMAT.appendix;
  flow.centredBlock(
    [
      { text: doc.appendixHeading, style: a.heading },
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
  layoutAppendixHead(flow, doc);

  plan.tables.forEach(({ title, columns, rows }) => {
    const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const table = planRuledTable(
      flow,
      a,
      columns.map((column) => column.width),
      columns.map((column) => column.align),
      columns.map((column) => column.header),
      rows,
    );
    const drawHeader = () =>
      drawTableRow(flow, table, table.header.lines, table.header.height, true);

    // The title keeps with the header row and the first row.
    const titleLines = flow.wrap(title, a.tableTitle, tableWidth);
    const titleHeight = titleLines.length * lineHeight(a.tableTitle.size) + 1.5;
    if (
      !flow.fits(titleHeight + table.header.height + (table.rows[0]?.height ?? 0)) &&
      flow.y > flow.firstBodyY() + 0.01
    ) {
      flow.continuePage();
    }
    for (const line of titleLines) {
      flow.drawLine(line, a.tableTitle, flow.y, flow.left, tableWidth, 'left');
      flow.y += lineHeight(a.tableTitle.size);
    }
    flow.y += 1.5;
    drawHeader();
    // A row never splits: one that does not fit goes whole to a new page under the header.
    for (const row of table.rows) {
      if (!flow.fits(row.height)) {
        flow.continuePage();
        drawHeader();
      }
      drawTableRow(flow, table, row.lines, row.height, false);
    }
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
};

// The appendix made of blocks (the list of materials): a new portrait page numbered on its
// own, the heading, title and note as over the statistics, then the blocks.
function layoutAppendixBody(flow: Flow, doc: ReportDocument, context: BlockContext) {
  flow.newPage('appendix', 'portrait', true);
  layoutAppendixHead(flow, doc);
  layoutBlocks(flow, doc.appendixBody, context);
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
  layoutBlocks(flow, doc.body, context);
  layoutClosing(flow, doc);
  if (hasAppendixData(doc)) layoutAppendix(flow, doc, options.appendixLabels);
  if (doc.appendixBody.length > 0) layoutAppendixBody(flow, doc, context);
  if (options.fingerprintText) layoutFingerprint(flow, options.fingerprintText);
  return { pages: flow.pages, replacedCharacters: [...found] };
}
