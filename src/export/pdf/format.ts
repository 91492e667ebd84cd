// The official format (FORMAT.md, from guidance 29-HD/TWĐTN-VP) as numbers. Every
// distance is in millimetres, every font size in points. The layout reads these and
// nothing else.
export const PT = 25.4 / 72; // mm per point

export type FontStyle = 'normal' | 'bold' | 'italic' | 'bolditalic';
export type TextStyle = { size: number; style: FontStyle };

export const PAGE = {
  portrait: { width: 210, height: 297 },
  landscape: { width: 297, height: 210 },
  margin: { top: 20, bottom: 20, left: 30, right: 20 },
} as const;

export const LINE_HEIGHT = 1.2; // × font size, within the rules' 1.0–1.2
export const BASELINE = 0.95; // baseline below a line's top, × font size (room for Ễ)

export const FORMAT = {
  pageNumber: { size: 13, style: 'normal' },
  header: {
    superiorBody: { size: 14, style: 'normal' },
    issuingBody: { size: 14, style: 'bold' },
    separator: { size: 14, style: 'normal' },
    number: { size: 14, style: 'normal' },
    union: { size: 15, style: 'bold' },
    unionOlder: { size: 14, style: 'normal' },
    date: { size: 13, style: 'italic' },
    unionRuleWidth: 0.3,
  },
  draftMark: { size: 14, style: 'bold', padding: 1.5, ruleWidth: 0.4 },
  title: { size: 16, style: 'bold' },
  subject: { size: 14, style: 'bold', maxWidth: 140 },
  subjectRule: { share: 1 / 3, dash: [1.5, 1] as [number, number], width: 0.3 },
  gapNumberToTitle: 20,
  gapRuleToBody: 15,
  body: {
    text: { size: 14, style: 'normal' },
    firstLineIndent: 12.7,
    paragraphSpacing: 6 * PT,
    listIndent: 12.7,
  },
  headings: {
    part: { size: 16, style: 'bold' },
    section: { size: 14, style: 'bold' },
    item: { size: 14, style: 'bold' },
    subItem: { size: 14, style: 'bolditalic' },
    subSubItem: { size: 14, style: 'italic' },
    spaceBefore: 6 * PT,
  },
  label: { size: 14, style: 'bolditalic' },
  missing: { size: 14, style: 'italic' },
  closing: {
    spaceBefore: 8,
    leftShare: 0.4,
    recipientsHeading: { size: 13, style: 'bold' },
    recipient: { size: 11, style: 'normal' },
    signingLine: { size: 14, style: 'bold' },
    position: { size: 14, style: 'normal' },
    signatureSpace: 30,
    signerName: { size: 14, style: 'bold' },
  },
  appendix: {
    heading: { size: 14, style: 'bold' },
    title: { size: 14, style: 'bold' },
    note: { size: 13, style: 'italic' },
    tableTitle: { size: 13, style: 'bold' },
    // "Tổng hợp 7/7 đơn vị" under a table of the province's consolidated appendix.
    source: { size: 12, style: 'italic' },
    cell: { size: 12, style: 'normal' },
    headerCell: { size: 12, style: 'bold' },
    cellPadding: 1.5,
    ruleWidth: 0.2,
    minLabelWidth: 55,
    maxLabelWidth: 100,
    minDataWidth: 15,
    spaceBetweenTables: 6,
  },
  // Photos of the models document (*default*: the rules say nothing of pictures): two to a
  // row at equal width, each scaled to its cell keeping its shape, no taller than
  // maxHeight so that a row always fits a page; a lone last photo is centred. The caption
  // is centred and italic under its photo; a row never splits.
  photos: {
    perRow: 2,
    columnGap: 8,
    maxHeight: 90,
    captionGap: 1.5,
    caption: { size: 12, style: 'italic' },
    spaceBefore: 3,
    rowGap: 5,
    // A photo missing from storage: a framed box of this shape with a note inside.
    placeholderAspect: 4 / 3,
    placeholderText: { size: 12, style: 'italic' },
    frameWidth: 0.2,
  },
  // The province report's comparison charts (*default*), after its appendix tables, as wide
  // as the text block: the plot's height by page orientation (two charts to a portrait
  // page, one to a landscape one), the space above each.
  chart: { plotHeight: { portrait: 75, landscape: 60 }, spaceBefore: 10 },
  // The fingerprint of the data the PDF carries (*default*: the rules say nothing of it):
  // small, right-aligned in the last page's bottom margin, outside the text area, so it
  // never moves a line.
  fingerprint: { size: 10, style: 'italic', baselineAboveEdge: 12 },
  // The office's letters (công văn, domain/letters/letter.ts; *default* where FORMAT.md is
  // silent): the subject line "V/v …" centred under the number in the left column, 12 pt
  // upright (the state rules for a công văn); "Kính gửi: …" centred, 14 pt, below the
  // header; then the body and the closing as in a report.
  letter: {
    subjectLine: { size: 12, style: 'normal' },
    subjectLineGap: 1,
    salutation: { size: 14, style: 'normal' },
    gapHeaderToSalutation: 10,
    gapSalutationToBody: 6,
  },
  // Tables in the body or an appendix (the list of materials): bordered, a bold header
  // row repeated on every page, column widths shared by weight.
  table: {
    // "1. Danh mục …" over the table, as over the appendix tables.
    title: { size: 13, style: 'bold' },
    titleGap: 1.5,
    cell: { size: 12, style: 'normal' },
    headerCell: { size: 12, style: 'bold' },
    cellPadding: 1.5,
    ruleWidth: 0.2,
    spaceBefore: 2,
    spaceAfter: 6,
  },
} as const satisfies Record<string, unknown>;
