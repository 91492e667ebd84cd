// The report as a document, independent of any output format: the header, title, body
// blocks in order and the closing. The review page renders it as HTML; the exports
// lay it out for PDF and Word. Each criterion kind contributes its body blocks through
// `documentBlocks`, typed over every kind.
import { documentWords } from '@/i18n/document';
import { statusText, yearHeader } from '@/i18n/vi-appendix';
import { MAIN_DOCUMENT } from '@/domain/template/documents';
import {
  findCriterion,
  type Criterion,
  type CriterionKind,
  type CriterionOf,
  type DocumentRole,
  type GroupField,
  type Heading,
  type Template,
} from '@/domain/template/template-schema';
import { evaluateAppendix, type AppendixEvaluation } from '@/domain/appendix/evaluate';
import { groupedQuantity } from '@/domain/appendix/numbers';
import {
  groupFieldValue,
  isGroupItemEmpty,
  type DateValue,
  type GroupItem,
  type PhotoRef,
} from './answer-kinds';
import { answerOrEmpty, checkAnswer, isAnswerEmpty, type Answers } from './answers';
import { splitTextBlocks, normalizeText } from './text';

type Origin = { stepId: string; criterionId: string };

export type DocumentBlock =
  | { kind: 'heading'; level: Heading['level']; number: string; title: string; stepId: string }
  | ({ kind: 'label'; text: string } & Origin)
  | ({ kind: 'paragraph'; text: string } & Origin)
  | ({ kind: 'listItem'; bullet: '-' | '+'; text: string } & Origin)
  | ({ kind: 'missing'; label: string } & Origin)
  // Photos printed two to a row, each with its caption.
  | ({ kind: 'photos'; photos: PhotoRef[] } & Origin)
  // A table with a header row; weights share out the width between columns.
  // A table with a header row; weights share out the width between columns. Its title
  // carries its number among the tables of its part of the document ("1. Danh mục …").
  | ({ kind: 'table'; title: string; columns: TableColumn[]; rows: string[][] } & Origin);

export type TableColumn = { label: string; weight: number; align: 'left' | 'center' | 'right' };

export type HeaderLayout = 'rules-2013' | 'older';

export type ReportDocument = {
  header: {
    layout: HeaderLayout;
    union: string;
    superiorBody: string;
    issuingBody: string;
    separator: string;
    numberLine: string;
    dateLine: string;
  };
  title: string;
  subject: string;
  body: DocumentBlock[];
  closing: {
    recipientsHeading: string;
    recipients: string[];
    signingLine: string;
    position: string;
    signerName: string;
  };
  appendix: AppendixEvaluation;
  // The appendix's column headers by year ("2013 (đến tháng 8)") and what the status
  // column says of each row, by indicator id (a status or the progress toward a target).
  appendixYearHeaders: Record<string, string>;
  appendixStatuses: Record<string, string>;
  // Steps marked as appendix (the materials list), printed after the signature.
  appendixBody: DocumentBlock[];
  // "Phụ lục 1": the statistics appendix; the appendix made of blocks takes the next number.
  appendixHeading: string;
  appendixBodyHeading: string;
  appendixTitle: string;
  appendixNote: string;
  isDraft: boolean;
};

type BlockBuilder<K extends CriterionKind> = (
  criterion: CriterionOf<K>,
  value: never,
  origin: Origin,
) => DocumentBlock[];

function textBlocks(text: string, origin: Origin): DocumentBlock[] {
  return splitTextBlocks(text).map((block) =>
    block.kind === 'paragraph'
      ? { kind: 'paragraph', text: block.text, ...origin }
      : { kind: 'listItem', bullet: block.bullet, text: block.text, ...origin },
  );
}

export const documentBlocks: { [K in CriterionKind]: BlockBuilder<K> } = {
  text: (_criterion, value: string, origin) => textBlocks(value, origin),
  longText: (_criterion, value: string, origin) => textBlocks(value, origin),
  choice: (criterion, value: string, origin) => {
    const label = criterion.options.find((option) => option.value === value)?.label;
    return label ? [{ kind: 'paragraph', text: label, ...origin }] : [];
  },
  // The checklist is a writing aid; the document carries what the text says.
  checklist: () => [],
  date: (_criterion, value: DateValue, origin) => [
    { kind: 'paragraph', text: dateInWords(value), ...origin },
  ],
  // The appendix tables follow the signature: ReportDocument.appendix.
  indicatorTable: () => [],
  list: (_criterion, value: string[], origin) =>
    value
      .filter((item) => item.trim() !== '')
      .map((item) => ({
        kind: 'listItem',
        bullet: '-',
        text: normalizeText(item.trim()),
        ...origin,
      })),
  group: (criterion, value: GroupItem[], origin) => {
    const items = value.filter((item) => !isGroupItemEmpty(criterion.fields, item));
    return criterion.print === 'table'
      ? groupTable(criterion, items, origin)
      : groupSections(criterion, items, origin);
  },
  imageList: (_criterion, value: PhotoRef[], origin) =>
    value.length === 0 ? [] : [{ kind: 'photos', photos: value, ...origin }],
};

// A field of a group entry as short text ('' when blank); image lists have none.
function groupFieldText(field: GroupField, item: GroupItem): string {
  const value = groupFieldValue(field, item);
  switch (field.kind) {
    case 'text': {
      const text = normalizeText((value as string).trim());
      // A quantity typed without grouping prints the Vietnamese way: 1500 → 1.500.
      return field.numeric ? groupedQuantity(text) : text;
    }
    case 'longText':
      return normalizeText((value as string).trim());
    case 'choice':
      return field.options.find((option) => option.value === value)?.label ?? '';
    case 'date': {
      const date = value as DateValue;
      return date.year.trim() === '' && date.month.trim() === '' && date.day.trim() === ''
        ? ''
        : shortDate(date);
    }
    case 'imageList':
      return '';
  }
}

function entryTitle(criterion: CriterionOf<'group'>, item: GroupItem, index: number): string {
  const field = criterion.fields.find((f) => f.id === criterion.titleField);
  const title = field ? groupFieldText(field, item) : '';
  return title || `${criterion.itemLabel} ${index + 1}`;
}

// Each entry a numbered section under its title; short fields as "Label: value", long
// ones as a label and paragraphs, photos after the text.
function groupSections(
  criterion: CriterionOf<'group'>,
  items: GroupItem[],
  origin: Origin,
): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  items.forEach((item, index) => {
    blocks.push({
      kind: 'heading',
      level: 'subItem',
      number: `${index + 1}.`,
      title: entryTitle(criterion, item, index),
      stepId: origin.stepId,
    });
    for (const field of criterion.fields) {
      if (field.id === criterion.titleField) continue;
      const label = field.heading ?? field.label;
      if (field.kind === 'imageList') {
        const photos = groupFieldValue(field, item) as PhotoRef[];
        if (photos.length > 0) blocks.push({ kind: 'photos', photos, ...origin });
        continue;
      }
      const text = groupFieldText(field, item);
      if (text === '') continue;
      if (field.kind === 'longText') {
        blocks.push({ kind: 'label', text: `${label}:`, ...origin });
        blocks.push(...textBlocks(text, origin));
      } else {
        blocks.push({ kind: 'paragraph', text: `${label}: ${text}`, ...origin });
      }
    }
  });
  return blocks;
}

// One row per entry, numbered; the photos of all entries follow the table, each
// captioned with its entry's title when it has no caption of its own.
function groupTable(
  criterion: CriterionOf<'group'>,
  items: GroupItem[],
  origin: Origin,
): DocumentBlock[] {
  const textFields = criterion.fields.filter((field) => field.kind !== 'imageList');
  const columns: TableColumn[] = [
    { label: documentWords.rowNumber, weight: 0.6, align: 'center' },
    ...textFields.map((field) => ({
      label: field.label,
      weight:
        field.kind === 'text' && field.id === criterion.titleField
          ? 3
          : field.kind === 'text' || field.kind === 'longText'
            ? 2
            : 1.4,
      align:
        field.kind === 'text' && field.numeric
          ? ('right' as const)
          : field.kind === 'choice' || field.kind === 'date'
            ? ('center' as const)
            : ('left' as const),
    })),
  ];
  const rows = items.map((item, index) => [
    String(index + 1),
    ...textFields.map((field) => groupFieldText(field, item)),
  ]);
  const photos = items.flatMap((item, index) =>
    criterion.fields
      .filter((field) => field.kind === 'imageList')
      .flatMap((field) =>
        (groupFieldValue(field, item) as PhotoRef[]).map((ref) => ({
          photoId: ref.photoId,
          caption: ref.caption.trim() || entryTitle(criterion, item, index),
        })),
      ),
  );
  return [
    { kind: 'table', title: criterion.label, columns, rows, ...origin },
    ...(photos.length > 0 ? [{ kind: 'photos' as const, photos, ...origin }] : []),
  ];
}

// "05/9/2013", "9/2013" or "2013": what of the date is filled.
function shortDate(value: DateValue): string {
  const parts = [value.day.trim(), value.month.trim(), value.year.trim()].filter(Boolean);
  return parts.join('/');
}

const pad2 = (text: string) => (text.length === 1 ? `0${text}` : text);

// "ngày 05 tháng 9 năm 2013": a leading zero on days below 10 and on months 1 and 2;
// blank parts stay blank so they can be written in by hand.
export function dateInWords(value: DateValue): string {
  const day = value.day.trim();
  const month = value.month.trim();
  const year = value.year.trim();
  const dayText = day ? pad2(String(Number(day))) : '     ';
  const monthNumber = Number(month);
  const monthText = month
    ? monthNumber <= 2
      ? pad2(String(monthNumber))
      : String(monthNumber)
    : '     ';
  const yearText = year || '        ';
  return `${documentWords.day} ${dayText} ${documentWords.month} ${monthText} ${documentWords.year} ${yearText}`;
}

export function numberLine(number: string, symbol: string): string {
  const n = number.trim();
  return `${documentWords.numberPrefix} ${n || '      '}-${symbol.trim()}`;
}

// "- A;" for every recipient and "- Lưu VP." for the last one.
export function recipientLines(items: readonly string[]): string[] {
  const clean = items
    .map((item) =>
      normalizeText(item.trim())
        .replace(/^[-+]\s*/, '')
        .replace(/[;.]+$/, ''),
    )
    .filter(Boolean);
  return clean.map((item, index) => `- ${item}${index === clean.length - 1 ? '.' : ';'}`);
}

function roleCriterion(template: Template, role: DocumentRole): Criterion | undefined {
  const id = template.documentFields[role];
  return id ? findCriterion(template, id)?.criterion : undefined;
}

// A text answer as printed: trimmed, NFC; any other value prints nothing.
function plainText(value: unknown): string {
  return typeof value === 'string' ? normalizeText(value.trim()) : '';
}

// An answer printed in the header or closing: a choice prints its option's label.
function criterionText(criterion: Criterion, answers: Answers): string {
  const value = answerOrEmpty(criterion, answers);
  if (criterion.kind === 'choice') {
    return criterion.options.find((option) => option.value === value)?.label ?? '';
  }
  return plainText(value);
}

function roleText(template: Template, answers: Answers, role: DocumentRole): string {
  const criterion = roleCriterion(template, role);
  return criterion ? criterionText(criterion, answers) : '';
}

function roleValue<T>(template: Template, answers: Answers, role: DocumentRole, fallback: T): T {
  const criterion = roleCriterion(template, role);
  return criterion ? (answerOrEmpty(criterion, answers) as T) : fallback;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const ROMAN_NUMBER = /^[IVXLCDM]+\.$/;
const ARABIC_NUMBER = /^\d+(?:\.\d+)*\.$/;
// A criterion's heading that carries its number: "3. Nguyên nhân khách quan".
const NUMBERED_LABEL = /^(\d+(?:\.\d+)*\.)\s+(.*)$/su;

// Numbers headings from what is printed: a section (I., II., …) counts the sections
// printed so far, an item (1., 2.3., 2.3.1.) the items printed at its depth under the
// same parent, so an empty optional item leaves no gap (III.1, III.2, III.3; never 1,
// 2, 5). A number of another shape ("Phần I") is kept.
function headingNumberer() {
  // counts[0]: sections; counts[d]: items at depth d (1. is depth 1, 2.3. depth 2, …).
  const counts: number[] = [];
  // The depth of the last heading: a numbered label counts from below it.
  let base = 0;
  const count = (depth: number) => {
    for (let d = 1; d < depth; d += 1) counts[d] ??= 1;
    counts.length = depth + 1;
    counts[depth] = (counts[depth] ?? 0) + 1;
  };
  const depthOf = (number: string) => number.split('.').length - 1;
  return {
    heading(number: string): string {
      if (ROMAN_NUMBER.test(number)) {
        count(0);
        base = 0;
        return `${roman(counts[0]!)}.`;
      }
      if (!ARABIC_NUMBER.test(number)) return number;
      base = depthOf(number);
      count(base);
      return `${counts.slice(1, base + 1).join('.')}.`;
    },
    // "3." of "3. Nguyên nhân khách quan", numbered among the items under the last heading.
    label(number: string): string {
      const depth = base + depthOf(number);
      count(depth);
      return `${counts.slice(base + 1, depth + 1).join('.')}.`;
    },
  };
}

// The blocks of some steps, each step's headings printed from the first level that
// differs from what is already printed; headings renumbered from what is printed.
function stepBlocks(
  steps: Template['steps'],
  answers: Answers,
  roleIds: ReadonlySet<string>,
): DocumentBlock[] {
  const body: DocumentBlock[] = [];
  const printed: Heading[] = [];
  const renumber = headingNumberer();
  let tables = 0;
  for (const step of steps) {
    const blocksOfStep: DocumentBlock[] = [];
    for (const criterion of step.criteria) {
      if (roleIds.has(criterion.id)) continue;
      const origin = { stepId: step.id, criterionId: criterion.id };
      const isEmpty = isAnswerEmpty(criterion, answers[criterion.id]);
      const blocks = isEmpty
        ? criterion.required
          ? [{ kind: 'missing', label: criterion.label, ...origin } as const]
          : []
        : documentBlocks[criterion.kind](
            criterion as never,
            answerOrEmpty(criterion, answers) as never,
            origin,
          );
      if (blocks.length === 0) continue;
      if (criterion.heading)
        blocksOfStep.push({ kind: 'label', text: criterion.heading, ...origin });
      blocksOfStep.push(...blocks);
    }
    if (blocksOfStep.length === 0) continue;
    let from = 0;
    while (
      from < step.headings.length &&
      printed[from]?.number === step.headings[from]?.number &&
      printed[from]?.title === step.headings[from]?.title
    ) {
      from += 1;
    }
    printed.length = from;
    for (const heading of step.headings.slice(from)) {
      printed.push(heading);
      body.push({
        kind: 'heading',
        level: heading.level,
        number: renumber.heading(heading.number),
        title: heading.title,
        stepId: step.id,
      });
    }
    // The criteria's own numbered headings count as items under the step's headings.
    for (const block of blocksOfStep) {
      const match = block.kind === 'label' ? NUMBERED_LABEL.exec(block.text) : null;
      if (block.kind === 'table') {
        tables += 1;
        body.push({ ...block, title: `${tables}. ${block.title}` });
        continue;
      }
      body.push(
        block.kind === 'label' && match
          ? { ...block, text: `${renumber.label(match[1]!)} ${match[2]}` }
          : block,
      );
    }
  }
  return body;
}

// Whether the statistics appendix has anything to print (a value or a target).
export function appendixHasData(appendix: AppendixEvaluation): boolean {
  return appendix.tables.some((table) =>
    table.rows.some(
      (row) =>
        Object.values(row.values).some((value) => value !== null && value !== undefined) ||
        row.target !== null,
    ),
  );
}

// The steps a document prints: the review report's, or one of the other documents'.
export function documentSteps(template: Template, documentId: string): Template['steps'] {
  return template.steps.filter((step) => step.document === documentId);
}

export function buildReportDocument(
  template: Template,
  answers: Answers,
  unitName = '',
  documentId: string = MAIN_DOCUMENT,
): ReportDocument {
  const extra = template.documents.find((document) => document.id === documentId);
  if (documentId !== MAIN_DOCUMENT && !extra) throw new Error(`unknown document ${documentId}`);
  const roleIds = new Set(Object.values(template.documentFields));
  if (extra) roleIds.add(extra.numberField);
  const steps = documentSteps(template, documentId);
  // A document is a draft while any of its own fields or the shared header and closing
  // fields break a rule.
  const checked = [
    ...steps.flatMap((step) => step.criteria),
    ...template.steps.flatMap((step) => step.criteria).filter((c) => roleIds.has(c.id)),
  ];
  const hasIssues = checked.some(
    (criterion) => checkAnswer(criterion, answers[criterion.id]) !== null,
  );
  const body = stepBlocks(
    steps.filter((step) => !step.isAppendix),
    answers,
    roleIds,
  );
  const appendixBody = stepBlocks(
    steps.filter((step) => step.isAppendix),
    answers,
    roleIds,
  );

  const appendix = evaluateAppendix({ ...template, steps }, answers);
  const date = roleValue<DateValue>(template, answers, 'date', { day: '', month: '', year: '' });
  const place = roleText(template, answers, 'place');
  const layout =
    roleValue<string>(template, answers, 'headerLayout', 'rules-2013') === 'older'
      ? 'older'
      : 'rules-2013';
  const number = extra
    ? fieldText(template, answers, extra.numberField)
    : roleText(template, answers, 'documentNumber');
  const symbol = roleText(template, answers, 'documentSymbol');
  return {
    header: {
      layout,
      union: documentWords.union,
      superiorBody: roleText(template, answers, 'superiorBody').toLocaleUpperCase('vi'),
      issuingBody: roleText(template, answers, 'issuingBody').toLocaleUpperCase('vi'),
      separator: documentWords.separator,
      numberLine: numberLine(number, symbol),
      dateLine: `${place}, ${dateInWords(date)}`,
    },
    title: extra ? extra.title : template.documentType,
    subject: extra ? extra.subject : template.subject,
    body,
    closing: {
      recipientsHeading: documentWords.recipients,
      recipients: recipientLines(roleValue<string[]>(template, answers, 'recipients', [])),
      signingLine: roleText(template, answers, 'signingLine').toLocaleUpperCase('vi'),
      position: roleText(template, answers, 'signerPosition').toLocaleUpperCase('vi'),
      signerName: roleText(template, answers, 'signerName'),
    },
    appendix,
    appendixYearHeaders: Object.fromEntries(
      appendix.years.map((year) => [year, yearHeader(year, appendix.partialYear)]),
    ),
    appendixStatuses: Object.fromEntries(
      appendix.tables.flatMap((table) =>
        table.rows.map((row) => [row.indicator.id, statusText(row, appendix.years.at(-1))]),
      ),
    ),
    appendixBody,
    appendixHeading: `${documentWords.appendixHeading} 1`,
    appendixBodyHeading: `${documentWords.appendixHeading} ${appendixHasData(appendix) ? 2 : 1}`,
    appendixTitle: extra ? extra.appendixTitle : template.appendixTitle,
    appendixNote: documentWords.appendixNote(
      `${number || '     '}-${symbol}`,
      dateInWords(date),
      unitName,
    ),
    isDraft: hasIssues || appendix.issues.some((issue) => issue.severity === 'error'),
  };
}

// A document's own number field, printed as its text (a choice prints its value, not
// its label, unlike criterionText).
function fieldText(template: Template, answers: Answers, fieldId: string): string {
  const criterion = findCriterion(template, fieldId)?.criterion;
  return criterion ? plainText(answerOrEmpty(criterion, answers)) : '';
}
