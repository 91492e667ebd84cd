// The one module that knows docx: the report as a Word document in the official format
// (FORMAT.md), built from the same document model, format numbers and appendix plan as the
// PDF. Word breaks lines and pages itself, so the PDF layout's page decisions become Word
// properties here: headings and labels keep with the next paragraph, body paragraphs have
// widow control, the closing row and table rows never split, appendix header rows repeat.
// Photos sit two to a row in a borderless table (the JPEG embedded as it is, sized as in
// the PDF), their captions in the row under them; a list of materials is a real table.
// Loaded with import() on the first export in the browser (and precached); imported
// directly by the tests and the benchmark.
import type { RenderProgress } from '../render-job';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { letterDocument, type Letter, type LetterDocument } from '@/domain/letters/letter';
import type { PhotoRef } from '@/domain/report/answer-kinds';
import {
  buildReportDocument,
  type DocumentBlock,
  type ReportDocument,
} from '@/domain/report/document-model';
import { normalizeText } from '@/domain/report/text';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import { FORMAT, LINE_HEIGHT, PAGE, PT, type TextStyle } from '@/export/pdf/format';
import {
  blockText,
  hasAppendixData,
  photoBox,
  photoCellWidth,
  planAppendix,
  tableColumnWidths,
  type AppendixPlan,
} from '@/export/pdf/layout';
import { documentWords } from '@/i18n/document';
import { unbreakableNames } from '@/i18n/vi-typesetting';
import { appendixLabels } from '../appendix-labels';
import { breakLines, tokens, withBreakOpportunities } from '@/export/pdf/line-breaking';
import { documentProperties, type PhotoAssets, type RenderInput } from '../render-input';
import { chartParagraphs } from './chart-docx';
import { measureTimes } from './times-metrics';

export type DocxInput = RenderInput;
export type DocxResult = { bytes: Uint8Array; isDraft: boolean };

// The rules name Times New Roman; Word has it, LibreOffice substitutes a metric twin.
const FONT = 'Times New Roman';
const BLACK = '000000';
// The page number sits in the top margin, half-way to the text block.
const HEADER_DISTANCE = PAGE.margin.top / 2;

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (points: number) => Math.round(points * 2);
const eighthsOfPoint = (mm: number) => Math.max(2, Math.round((mm / PT) * 8));
const lineHeightMm = (size: number) => size * PT * LINE_HEIGHT;
// The PDF's line height (1.2 × the size) as a minimum, so a tall letter never clips.
const lineSpacing = (size: number) => ({
  line: Math.round(size * LINE_HEIGHT * 20),
  lineRule: LineRuleType.AT_LEAST,
});
const TEXT_WIDTH = PAGE.portrait.width - PAGE.margin.left - PAGE.margin.right;

const isBold = (style: TextStyle) => style.style === 'bold' || style.style === 'bolditalic';
const isItalic = (style: TextStyle) => style.style === 'italic' || style.style === 'bolditalic';

// Text in NFC. The library drops characters XML cannot carry; a vertical tab or form feed
// (pasted from Word) separates words, as in the PDF, so it becomes a space. A long run (a
// URL) may break only where the PDF breaks it.
function run(text: string, style?: TextStyle, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text: withBreakOpportunities(normalizeText(text).replace(/[\v\f]/g, ' ')),
    font: FONT,
    ...(style ? { size: halfPoints(style.size) } : {}),
    ...(style && isBold(style) ? { bold: true } : {}),
    ...(style && isItalic(style) ? { italics: true } : {}),
    ...extra,
  });
}

type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

// One paragraph of a single style outside the body flow (header, title, closing, tables).
function line(
  text: string,
  style: TextStyle,
  align: Align,
  options: Omit<IParagraphOptions, 'children' | 'alignment'> & {
    before?: number;
    after?: number;
    run?: IRunOptions;
  } = {},
): Paragraph {
  const { before = 0, after = 0, run: runOptions, ...rest } = options;
  return new Paragraph({
    alignment: ALIGNMENT[align],
    spacing: { before, after, ...lineSpacing(style.size) },
    ...rest,
    children: [run(text, style, runOptions)],
  });
}

// An empty paragraph as small as Word allows: it ends a section without adding space.
function hairline(options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    run: { size: 2, font: FONT },
    ...options,
  });
}

// Word puts the larger of one paragraph's space after and the next one's space before
// between them, where the PDF adds both: a heading after text gets both as its space
// before, a heading right after a heading only its own.
const HEADING_BEFORE = twips(FORMAT.body.paragraphSpacing + FORMAT.headings.spaceBefore);
const HEADING_AFTER_HEADING = twips(FORMAT.headings.spaceBefore);

const STYLE = { body: 'BodyText', label: 'ReportLabel', part: 'ReportPart' } as const;
const HEADING_LEVEL = {
  section: HeadingLevel.HEADING_1,
  item: HeadingLevel.HEADING_2,
  subItem: HeadingLevel.HEADING_3,
  subSubItem: HeadingLevel.HEADING_4,
} as const;
const BULLETS = { '-': 'bullet-dash', '+': 'bullet-plus' } as const;

function headingStyle(style: TextStyle, outlineLevel: number) {
  return {
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: {
      font: FONT,
      size: halfPoints(style.size),
      bold: isBold(style),
      italics: isItalic(style),
      color: BLACK,
    },
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { firstLine: twips(FORMAT.body.firstLineIndent) },
      spacing: { before: HEADING_BEFORE, after: 0, ...lineSpacing(style.size) },
      keepNext: true,
      keepLines: true,
      outlineLevel,
    },
  };
}

const bulletIndent = (bullet: '-' | '+') => {
  const style = FORMAT.body.text;
  const hanging = twips(measureTimes(`${bullet} `, style.style, style.size));
  return { left: twips(FORMAT.body.listIndent) + hanging, hanging };
};

function bodyBlock(
  block: DocumentBlock,
  previous: DocumentBlock | undefined,
  missingText: string,
  photos: PhotoAssets,
  keepNext = false,
): Paragraph | Table {
  const keep = keepNext ? { keepNext: true } : {};
  switch (block.kind) {
    case 'heading': {
      const spacing =
        previous?.kind === 'heading' ? { spacing: { before: HEADING_AFTER_HEADING } } : {};
      if (block.level !== 'part') {
        return new Paragraph({
          heading: HEADING_LEVEL[block.level],
          ...spacing,
          children: [run(blockText(block, missingText))],
        });
      }
      // "Phần I" with its title below (FORMAT.md).
      const parts = [block.number, block.title].map((text) => text.trim()).filter(Boolean);
      return new Paragraph({
        style: STYLE.part,
        ...spacing,
        children: parts.map((text, index) =>
          index === 0 ? run(text) : run(text, FORMAT.headings.section, { break: 1 }),
        ),
      });
    }
    case 'label':
      return new Paragraph({ style: STYLE.label, children: [run(block.text)] });
    case 'listItem':
      return new Paragraph({
        style: STYLE.body,
        widowControl: true,
        ...keep,
        numbering: { reference: BULLETS[block.bullet], level: 0 },
        indent: bulletIndent(block.bullet),
        children: [run(block.text)],
      });
    case 'missing':
      return new Paragraph({
        style: STYLE.body,
        widowControl: true,
        ...keep,
        children: [run(blockText(block, missingText), undefined, { italics: true })],
      });
    case 'paragraph':
      return new Paragraph({
        style: STYLE.body,
        widowControl: true,
        ...keep,
        children: [run(block.text)],
      });
    case 'photos':
      return photoTable(block.photos, photos, keepNext);
    case 'table':
      return blockTable(block);
  }
}

const pixels = (mm: number) => Math.round((mm / 25.4) * 96);

// The photos two to a row, as in the PDF: each scaled into its half of the text width
// (no taller than the cap), bottom-aligned over a row of centred italic captions; a lone
// last photo centred across both halves. Neither row of a pair splits, and the photos'
// row keeps with its captions.
function photoTable(refs: readonly PhotoRef[], photos: PhotoAssets, keepNext = false): Table {
  const p = FORMAT.photos;
  const half = twips(TEXT_WIDTH / 2);
  const widths = [half, twips(TEXT_WIDTH) - half];
  const cellWidth = photoCellWidth(TEXT_WIDTH);
  const captionInset = (count: number) =>
    ((count === 1 ? TEXT_WIDTH : TEXT_WIDTH / 2) - cellWidth) / 2;
  const rows: TableRow[] = [];
  for (let start = 0; start < refs.length; start += p.perRow) {
    const group = refs.slice(start, start + p.perRow);
    const span = group.length === 1 ? { columnSpan: 2 } : {};
    const width = (index: number) => (group.length === 1 ? twips(TEXT_WIDTH) : widths[index]!);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: group.map(
          (ref, index) =>
            new TableCell({
              width: { size: width(index), type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.BOTTOM,
              ...span,
              children: [photoParagraph(ref, photos, cellWidth)],
            }),
        ),
      }),
      new TableRow({
        cantSplit: true,
        children: group.map(
          (ref, index) =>
            new TableCell({
              width: { size: width(index), type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.TOP,
              // The caption as wide as the photo's cell, as in the PDF.
              margins: {
                left: twips(captionInset(group.length)),
                right: twips(captionInset(group.length)),
              },
              ...span,
              children: [
                line(ref.caption.trim(), p.caption, 'center', {
                  before: twips(p.captionGap),
                  after: twips(p.rowGap),
                  // The last row keeps with what must follow it (the closing).
                  ...(keepNext && start + p.perRow >= refs.length ? { keepNext: true } : {}),
                }),
              ],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: twips(TEXT_WIDTH), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
    rows,
  });
}

function photoParagraph(ref: PhotoRef, photos: PhotoAssets, cellWidth: number): Paragraph | Table {
  const photo = photos.get(ref.photoId);
  const { w, h } = photoBox(photo, cellWidth);
  const keep = { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true };
  if (!photo) return missingPhoto(w, h);
  return new Paragraph({
    ...keep,
    spacing: { before: twips(FORMAT.photos.spaceBefore), after: 0 },
    children: [
      new ImageRun({
        type: 'jpg',
        data: photo.bytes,
        transformation: { width: pixels(w), height: pixels(h) },
        altText: { name: ref.photoId, description: normalizeText(ref.caption.trim()) },
      }),
    ],
  });
}

// A photo missing from storage: a framed box of the photo's printed size with a note.
function missingPhoto(w: number, h: number): Table {
  const p = FORMAT.photos;
  const border = singleBorder(p.frameWidth);
  return new Table({
    width: { size: twips(w), type: WidthType.DXA },
    columnWidths: [twips(w)],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border },
    margins: NO_MARGINS,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: twips(h), rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: twips(w), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [line(documentWords.missingPhoto, p.placeholderText, 'center')],
          }),
        ],
      }),
    ],
  });
}

// A single black rule `mm` wide.
function singleBorder(mm: number): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: eighthsOfPoint(mm), color: BLACK };
}

// A ruled table (FORMAT.table or FORMAT.appendix): every cell framed and padded, the bold
// centred header row repeated on every page (tblHeader) and kept with the first row,
// rows that never split (cantSplit), never one row alone at a page's bottom or top;
// `widths` in twips.
function ruledTable(
  style: { cell: TextStyle; headerCell: TextStyle; cellPadding: number; ruleWidth: number },
  widths: readonly number[],
  aligns: readonly Align[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Table {
  const border = singleBorder(style.ruleWidth);
  const padding = twips(style.cellPadding);
  const row = (texts: readonly string[], isHeader: boolean, keepNext: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: widths.map(
        (width, index) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: isHeader ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            children: [
              line(
                // A header keeps what it says in brackets on one line, as in the PDF.
                isHeader ? gluedBrackets(texts[index] ?? '') : (texts[index] ?? ''),
                isHeader ? style.headerCell : style.cell,
                isHeader ? 'center' : aligns[index]!,
                { keepNext },
              ),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    margins: { top: padding, bottom: padding, left: padding, right: padding },
    // Never fewer than two rows at a page's bottom or top: the first row keeps with the
    // second, the one before the last with the last.
    rows: [
      row(header, true, true),
      ...rows.map((cells, index) =>
        row(cells, false, rows.length >= 2 && (index === 0 || index === rows.length - 2)),
      ),
    ],
  });
}

// A table of the document (the list of materials): widths shared as in the PDF.
function blockTable(block: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const widths = tableColumnWidths(
    block.columns,
    block.rows,
    (text, style) => measureTimes(text, style.style, style.size),
    TEXT_WIDTH,
  ).map(twips);
  return ruledTable(
    FORMAT.table,
    widths,
    block.columns.map((column) => column.align),
    block.columns.map((column) => column.label),
    block.rows,
  );
}

// Blocks in order; Word puts no space between two tables, so a table after a table gets
// a hairline paragraph between them (else Word merges them into one). A text block keeps
// with the photos after it, and with `keepLastWithNext` the last block keeps with what
// follows the blocks (the closing).
function bodyBlocks(
  blocks: readonly DocumentBlock[],
  photos: PhotoAssets,
  keepLastWithNext = false,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((block, index) => {
    // A table's numbered title keeps with its header row.
    if (block.kind === 'table' && block.title.trim() !== '')
      out.push(
        line(block.title, FORMAT.table.title, 'left', {
          keepNext: true,
          before: twips(FORMAT.table.spaceBefore),
          after: twips(FORMAT.table.titleGap),
        }),
      );
    const keepNext =
      blocks[index + 1]?.kind === 'photos' || (keepLastWithNext && index === blocks.length - 1);
    const child = bodyBlock(
      block,
      blocks[index - 1],
      documentWords.missingAnswer,
      photos,
      keepNext,
    );
    if (child instanceof Table && out.at(-1) instanceof Table) out.push(hairline());
    out.push(child);
  });
  return out;
}

const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    children: children.length > 0 ? children : [new Paragraph({})],
  });
}

// A layout table: columns without any rule, as the official header and closing are.
function borderlessTable(widths: number[], rows: Paragraph[][][], cantSplit = false): Table {
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: NO_MARGINS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit,
          children: cells.map((children, index) => cell(widths[index]!, children)),
        }),
    ),
  });
}

function draftMark(draftText: string): Paragraph {
  const mark = FORMAT.draftMark;
  // A little slack over the measured width so the word never wraps inside its box.
  const width = measureTimes(draftText, mark.style, mark.size) + 2;
  const border: IBorderOptions = {
    style: BorderStyle.SINGLE,
    size: eighthsOfPoint(mark.ruleWidth),
    space: Math.round(mark.padding / PT),
    color: BLACK,
  };
  return line(draftText, mark, 'center', {
    indent: {
      left: twips(TEXT_WIDTH - width - 2 * mark.padding),
      right: twips(mark.padding),
    },
    border: { top: border, bottom: border, left: border, right: border },
    after: twips(3),
  });
}

function headerTable(doc: ReportDocument): Table {
  const { header } = doc;
  const s = FORMAT.header;
  const half = twips(TEXT_WIDTH / 2);
  const centred = (text: string, style: TextStyle, runOptions: IRunOptions = {}) =>
    line(text, style, 'center', { run: runOptions });
  const left =
    header.layout === 'older'
      ? [
          centred(header.union, s.unionOlder),
          centred(header.issuingBody, s.issuingBody),
          centred(header.separator, s.separator),
        ]
      : [
          // A body with no superior printed above it (the province) leaves no blank line.
          ...(header.superiorBody.trim() ? [centred(header.superiorBody, s.superiorBody)] : []),
          centred(header.issuingBody, s.issuingBody),
          centred(header.separator, s.separator),
        ];
  const right =
    header.layout === 'rules-2013'
      ? [centred(header.union, s.union, { underline: { type: UnderlineType.SINGLE } })]
      : [];
  // Two rows, so that the place and date sit on the row of "Số:".
  return borderlessTable(
    [half, twips(TEXT_WIDTH) - half],
    [
      [left, right],
      [[centred(header.numberLine, s.number)], [centred(header.dateLine, s.date)]],
    ],
  );
}

// The widest line of the subject broken as the PDF breaks it.
function widestLine(text: string, style: TextStyle, width: number): number {
  const lines = breakLines(
    normalizeText(text),
    (part) => measureTimes(part, style.style, style.size),
    {
      width,
      glue: unbreakableNames,
    },
  );
  return Math.min(width, Math.max(0, ...lines.map((line) => line.width)));
}

const gluedBrackets = (text: string) =>
  text.replace(/\([^()]*\)/g, (bracket) => bracket.replace(/ /g, '\u00a0'));

// The subject with no-break spaces inside the names it must not break (Word breaks lines
// itself).
function gluedSubject(text: string): string {
  return tokens(normalizeText(text), unbreakableNames)
    .map((token) => token.replace(/ /g, '\u00a0'))
    .join(' ');
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  const subject = FORMAT.subject;
  const side = twips((TEXT_WIDTH - subject.maxWidth) / 2);
  const ruleWidth = widestLine(doc.subject, subject, subject.maxWidth) * FORMAT.subjectRule.share;
  const ruleSide = twips((TEXT_WIDTH - ruleWidth) / 2);
  return [
    line(doc.title, FORMAT.title, 'center', {
      before: twips(FORMAT.gapNumberToTitle - lineHeightMm(FORMAT.title.size) / 2),
      keepNext: true,
    }),
    line(gluedSubject(doc.subject), subject, 'center', {
      indent: { left: side, right: side },
      keepNext: true,
      keepLines: true,
    }),
    // The short dashed rule under the subject: the bottom border of an empty paragraph.
    hairline({
      indent: { left: ruleSide, right: ruleSide },
      spacing: {
        before: 0,
        after: twips(FORMAT.gapRuleToBody),
        line: twips(1.5),
        lineRule: LineRuleType.EXACT,
      },
      border: {
        bottom: {
          style: BorderStyle.DASH_SMALL_GAP,
          size: eighthsOfPoint(FORMAT.subjectRule.width),
          space: 0,
          color: BLACK,
        },
      },
    }),
  ];
}

function closingTable(doc: Pick<ReportDocument, 'closing'>): Table {
  const c = FORMAT.closing;
  const { closing } = doc;
  const leftWidth = twips(TEXT_WIDTH * c.leftShare);
  const before = twips(c.spaceBefore);
  const left = [
    line(closing.recipientsHeading, c.recipientsHeading, 'left', { before }),
    ...closing.recipients.map((recipient) =>
      line(recipient, c.recipient, 'left', { indent: { left: twips(2), hanging: twips(2) } }),
    ),
  ];
  const right = [
    line(closing.signingLine, c.signingLine, 'center', { before }),
    line(closing.position, c.position, 'center'),
    line(closing.signerName, c.signerName, 'center', { before: twips(c.signatureSpace) }),
  ];
  // One row that never splits: the block stays on one page.
  return borderlessTable([leftWidth, twips(TEXT_WIDTH) - leftWidth], [[left, right]], true);
}

// A table of the statistics appendix: its title keeps with the header row and the first
// row.
function appendixTable(table: AppendixPlan['tables'][number]): Table {
  return ruledTable(
    FORMAT.appendix,
    table.columns.map((column) => twips(column.width)),
    table.columns.map((column) => column.align),
    table.columns.map((column) => column.header),
    table.rows,
  );
}

// The heading, title and note that open an appendix.
function appendixHead(doc: ReportDocument, heading: string): Paragraph[] {
  const a = FORMAT.appendix;
  return [
    line(heading, a.heading, 'center', { keepNext: true }),
    line(doc.appendixTitle, a.title, 'center', { keepNext: true }),
    line(doc.appendixNote, a.note, 'center', {
      keepNext: true,
      after: twips(a.spaceBetweenTables),
    }),
  ];
}

function appendixBlocks(doc: ReportDocument, plan: AppendixPlan, charts: DocxInput['charts'] = []) {
  const a = FORMAT.appendix;
  const page = PAGE[plan.orientation];
  return [
    ...appendixHead(doc, doc.appendixHeading),
    ...plan.tables.flatMap((table, index) => [
      line(table.title, a.tableTitle, 'left', {
        keepNext: true,
        before: index === 0 ? 0 : twips(a.spaceBetweenTables),
        after: table.source ? 0 : twips(1.5),
      }),
      ...(table.source
        ? [line(table.source, a.source, 'left', { keepNext: true, after: twips(1.5) })]
        : []),
      appendixTable(table),
    ]),
    // The province report's comparison charts, as in the PDF (layout.ts layoutCharts).
    ...chartParagraphs(
      charts,
      page.width - PAGE.margin.left - PAGE.margin.right,
      FORMAT.chart.plotHeight[plan.orientation],
      FORMAT.chart.spaceBefore,
    ),
    hairline(),
  ];
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [PageNumber.CURRENT],
            font: FONT,
            size: halfPoints(FORMAT.pageNumber.size),
          }),
        ],
      }),
    ],
  });

// Numbered from 1 within the section, printed from its second page on (FORMAT.md).
function section(
  orientation: 'portrait' | 'landscape',
  children: ISectionOptions['children'],
  isNewPage: boolean,
): ISectionOptions {
  return {
    properties: {
      ...(isNewPage ? { type: SectionType.NEXT_PAGE } : {}),
      titlePage: true,
      page: {
        size: {
          width: twips(PAGE.portrait.width),
          height: twips(PAGE.portrait.height),
          orientation:
            orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(PAGE.margin.top),
          bottom: twips(PAGE.margin.bottom),
          left: twips(PAGE.margin.left),
          right: twips(PAGE.margin.right),
          header: twips(HEADER_DISTANCE),
          footer: twips(HEADER_DISTANCE),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
    children,
  };
}

// The appendix made of blocks (the list of materials), on a new portrait page.
function appendixBodyBlocks(doc: ReportDocument, photos: PhotoAssets) {
  return [
    ...appendixHead(doc, doc.appendixBodyHeading),
    ...bodyBlocks(doc.appendixBody, photos),
    hairline(),
  ];
}

function buildDocx(input: DocxInput, doc: ReportDocument): Document {
  const photos: PhotoAssets = input.photos ?? new Map();
  const bodySection = section(
    'portrait',
    [
      ...(doc.isDraft ? [draftMark(documentWords.draftMark)] : []),
      headerTable(doc),
      ...titleBlock(doc),
      ...bodyBlocks(doc.body, photos, true),
      closingTable(doc),
      hairline(),
    ],
    false,
  );
  const sections = [bodySection];
  if (hasAppendixData(doc)) {
    const plan = planAppendix(doc, appendixLabels(), measureTimes);
    sections.push(section(plan.orientation, appendixBlocks(doc, plan, input.charts), true));
  }
  if (doc.appendixBody.length > 0)
    sections.push(section('portrait', appendixBodyBlocks(doc, photos), true));
  const properties = documentProperties(input);
  return officialDocument(
    { ...properties, creator: normalizeText(input.unitName) || 'so-ket' },
    sections,
  );
}

// A Word document with the official format's styles and bullets (every export's).
function officialDocument(
  properties: { title: string; subject: string; creator: string },
  sections: ISectionOptions[],
): Document {
  const body = FORMAT.body;
  return new Document({
    title: normalizeText(properties.title),
    subject: normalizeText(properties.subject),
    creator: properties.creator,
    lastModifiedBy: properties.creator,
    styles: {
      default: {
        document: {
          run: {
            font: FONT,
            size: halfPoints(body.text.size),
            color: BLACK,
            language: { value: 'vi-VN' },
          },
          paragraph: { spacing: { before: 0, after: 0, ...lineSpacing(body.text.size) } },
        },
        heading1: headingStyle(FORMAT.headings.section, 0),
        heading2: headingStyle(FORMAT.headings.item, 1),
        heading3: headingStyle(FORMAT.headings.subItem, 2),
        heading4: headingStyle(FORMAT.headings.subSubItem, 3),
      },
      paragraphStyles: [
        {
          id: STYLE.body,
          name: 'Body Text',
          basedOn: 'Normal',
          next: STYLE.body,
          quickFormat: true,
          run: { font: FONT, size: halfPoints(body.text.size) },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: twips(body.firstLineIndent) },
            spacing: {
              before: 0,
              after: twips(body.paragraphSpacing),
              ...lineSpacing(body.text.size),
            },
          },
        },
        {
          id: STYLE.label,
          name: 'Report Label',
          basedOn: 'Normal',
          next: STYLE.body,
          quickFormat: true,
          run: {
            font: FONT,
            size: halfPoints(FORMAT.label.size),
            bold: isBold(FORMAT.label),
            italics: isItalic(FORMAT.label),
          },
          paragraph: {
            alignment: AlignmentType.LEFT,
            indent: { firstLine: twips(body.firstLineIndent) },
            keepNext: true,
            keepLines: true,
          },
        },
        {
          id: STYLE.part,
          name: 'Report Part',
          basedOn: 'Normal',
          next: STYLE.body,
          quickFormat: true,
          run: {
            font: FONT,
            size: halfPoints(FORMAT.headings.part.size),
            bold: true,
            color: BLACK,
          },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: {
              before: HEADING_BEFORE,
              after: 0,
              ...lineSpacing(FORMAT.headings.part.size),
            },
            keepNext: true,
            keepLines: true,
            outlineLevel: 0,
          },
        },
      ],
    },
    numbering: {
      config: (['-', '+'] as const).map((bullet) => ({
        reference: BULLETS[bullet],
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: bullet,
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: {
              run: { font: FONT, bold: false, italics: false },
              paragraph: { indent: bulletIndent(bullet) },
            },
          },
        ],
      })),
    },
    sections,
  });
}

export async function createReportDocx(
  input: DocxInput,
  onProgress: (progress: RenderProgress) => void = () => {},
): Promise<DocxResult> {
  const doc = buildReportDocument(
    input.template,
    input.answers,
    input.unitName,
    input.documentId ?? MAIN_DOCUMENT,
  );
  const built = buildDocx(input, doc);
  onProgress({ stage: 'file' });
  const bytes = await Packer.pack(built, 'uint8array');
  return { bytes, isDraft: doc.isDraft };
}

export async function renderReportDocx(input: DocxInput): Promise<Uint8Array> {
  return (await createReportDocx(input)).bytes;
}

// An office letter's header: issuer, ***, number and the subject line "V/v …" on the left;
// ĐOÀN TNCS HỒ CHÍ MINH underlined, and the place and date on the row of "Số:", right.
function letterHeaderTable(letter: LetterDocument): Table {
  const { header } = letter;
  const s = FORMAT.header;
  const half = twips(TEXT_WIDTH / 2);
  const centred = (
    text: string,
    style: TextStyle,
    options: { before?: number; run?: IRunOptions } = {},
  ) => line(text, style, 'center', options);
  return borderlessTable(
    [half, twips(TEXT_WIDTH) - half],
    [
      [
        [centred(header.issuingBody, s.issuingBody), centred(header.separator, s.separator)],
        [centred(header.union, s.union, { run: { underline: { type: UnderlineType.SINGLE } } })],
      ],
      [
        [
          centred(header.numberLine, s.number),
          centred(header.subjectLine, FORMAT.letter.subjectLine, {
            before: twips(FORMAT.letter.subjectLineGap),
          }),
        ],
        [centred(header.dateLine, s.date)],
      ],
    ],
  );
}

// The letter (domain/letters/letter.ts) in the same format as a report: header, "Kính
// gửi: …" centred, the body, the closing kept whole.
export async function renderLetterDocx(letter: Letter): Promise<Uint8Array> {
  const doc = letterDocument(letter);
  const children = [
    letterHeaderTable(doc),
    line(doc.salutation, FORMAT.letter.salutation, 'center', {
      before: twips(FORMAT.letter.gapHeaderToSalutation),
      after: twips(FORMAT.letter.gapSalutationToBody),
    }),
    ...bodyBlocks(doc.body, new Map(), true),
    closingTable(doc),
    hairline(),
  ];
  const built = officialDocument(
    {
      title: doc.header.subjectLine,
      subject: doc.salutation,
      creator: doc.header.issuingBody || 'so-ket',
    },
    [section('portrait', children, false)],
  );
  return Packer.pack(built, 'uint8array');
}
