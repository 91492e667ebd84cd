// Pure layout of a report as PDF pages: the document model in, positioned text runs and
// rules out. All numbers come from ./format.ts; text widths come from an injected
// `measure` (the writer passes jsPDF's metrics of the embedded font), so this module
// runs in Node and in tests without a PDF library.
//
// Rules it keeps (FORMAT.md): justified body text with a 12.7 mm first-line indent,
// hanging indents for list items, headings kept with their next lines, no single line
// of a paragraph alone at a page's top or bottom where avoidable, the closing block
// never split, the appendix on new (landscape where wide) pages with its own page
// numbers, table header rows repeated and rows never split.
import type { AppendixTable } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import type { DocumentBlock, ReportDocument } from '@/domain/report/document-model';
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
export type LayoutItem = TextRun | Rule | Box;

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
    // TODO(issue 8): laid out by their own code, not as text.
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

function layoutBody(flow: Flow, doc: ReportDocument, missingText: string) {
  const body = FORMAT.body;
  const blocks = doc.body;
  blocks.forEach((block, index) => {
    const style = blockStyle(block);
    const text = blockText(block, missingText);
    if (block.kind === 'heading' || block.kind === 'label') {
      if (block.kind === 'heading') flow.y += HEADING_STYLES.spaceBefore;
      // Keep with the next lines: this heading, any headings right after it (with the
      // space before them), and what `paragraph` would put of the first text block on
      // this page: a block of up to three lines moves whole (it leaves no single line
      // at either end), a longer one needs two lines here.
      let needed = 0;
      for (let j = index; j < blocks.length; j += 1) {
        const next = blocks[j]!;
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

function layoutAppendix(
  flow: Flow,
  doc: ReportDocument,
  appendixTitle: string,
  labels: AppendixLabels,
) {
  const a = FORMAT.appendix;
  const plan = planAppendix(doc, labels, flow.measureText);
  flow.newPage('appendix', plan.orientation, true);
  const blockWidth = flow.width;

  flow.centredBlock(
    [
      { text: doc.appendixHeading, style: a.heading },
      { text: appendixTitle, style: a.title },
      { text: doc.appendixNote, style: a.note },
    ],
    flow.left,
    blockWidth,
  );
  flow.y += a.spaceBetweenTables;

  plan.tables.forEach((table) => {
    const { columns } = table;
    const tableWidth = columns.reduce((sum, column) => sum + column.width, 0);
    const x0 = flow.left;
    const rowLines = (cells: string[], style: TextStyle) =>
      cells.map((text, i) => flow.wrap(text, style, columns[i]!.width - a.cellPadding * 2));
    const rowHeight = (lines: Line[][], style: TextStyle) =>
      Math.max(...lines.map((l) => Math.max(1, l.length))) * lineHeight(style.size) +
      a.cellPadding * 2;

    const header = rowLines(
      columns.map((column) => column.header),
      a.headerCell,
    );
    const headerHeight = rowHeight(header, a.headerCell);
    const drawRow = (lines: Line[][], style: TextStyle, height: number, isHeader: boolean) => {
      const top = flow.y;
      let x = x0;
      columns.forEach((column, i) => {
        const align = isHeader ? 'center' : column.align;
        let y = top + a.cellPadding;
        for (const line of lines[i]!) {
          flow.drawLine(line, style, y, x + a.cellPadding, column.width - a.cellPadding * 2, align);
          y += lineHeight(style.size);
        }
        flow.page.items.push({
          kind: 'rect',
          x,
          y: top,
          w: column.width,
          h: height,
          width: a.ruleWidth,
        });
        x += column.width;
      });
      flow.y = top + height;
    };

    const rows = table.rows.map((cells) => {
      const lines = rowLines(cells, a.cell);
      return { lines, height: rowHeight(lines, a.cell) };
    });

    // The title keeps with the header row and the first row.
    const titleLines = flow.wrap(table.title, a.tableTitle, tableWidth);
    const titleHeight = titleLines.length * lineHeight(a.tableTitle.size) + 1.5;
    if (
      !flow.fits(titleHeight + headerHeight + (rows[0]?.height ?? 0)) &&
      flow.y > flow.firstBodyY() + 0.01
    ) {
      flow.continuePage();
    }
    for (const line of titleLines) {
      flow.drawLine(line, a.tableTitle, flow.y, x0, tableWidth, 'left');
      flow.y += lineHeight(a.tableTitle.size);
    }
    flow.y += 1.5;
    drawRow(header, a.headerCell, headerHeight, true);
    for (const row of rows) {
      if (!flow.fits(row.height)) {
        flow.continuePage();
        drawRow(header, a.headerCell, headerHeight, true);
      }
      drawRow(row.lines, a.cell, row.height, false);
    }
    flow.y += a.spaceBetweenTables;
  });
}

export type LayoutOptions = {
  measure: Measure;
  missingText: string;
  draftText: string;
  appendixTitle: string;
  appendixLabels: AppendixLabels;
};

export function layoutReport(doc: ReportDocument, options: LayoutOptions): ReportLayout {
  const found = new Set<string>();
  const flow = new Flow(options.measure, found);
  flow.newPage('body', 'portrait', true);
  layoutHeader(flow, doc, doc.isDraft, options.draftText);
  layoutTitle(flow, doc);
  layoutBody(flow, doc, options.missingText);
  layoutClosing(flow, doc);
  if (hasAppendixData(doc))
    layoutAppendix(flow, doc, options.appendixTitle, options.appendixLabels);
  return { pages: flow.pages, replacedCharacters: [...found] };
}
