// The report as a document, independent of any output format: the header, title, body
// blocks in order and the closing. The review page renders it as HTML; the exports
// lay it out for PDF and Word. Each criterion kind contributes its body blocks through
// `documentBlocks`, typed over every kind.
import { documentWords } from '@/i18n/document';
import type {
  Criterion,
  CriterionKind,
  CriterionOf,
  DocumentRole,
  Heading,
  Template,
} from '@/domain/template/template-schema';
import { evaluateAppendix, type AppendixEvaluation } from '@/domain/appendix/evaluate';
import type { DateValue } from './answer-kinds';
import { answerOrEmpty, checkAnswer, isAnswerEmpty, type Answers } from './answers';
import { splitTextBlocks, toNfc } from './text';

type Origin = { stepId: string; criterionId: string };

export type DocumentBlock =
  | { kind: 'heading'; level: Heading['level']; number: string; title: string; stepId: string }
  | ({ kind: 'label'; text: string } & Origin)
  | ({ kind: 'paragraph'; text: string } & Origin)
  | ({ kind: 'listItem'; bullet: '-' | '+'; text: string } & Origin)
  | ({ kind: 'missing'; label: string } & Origin);

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
  appendixHeading: string;
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
      .map((item) => ({ kind: 'listItem', bullet: '-', text: toNfc(item.trim()), ...origin })),
};

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
      toNfc(item.trim())
        .replace(/^[-+]\s*/, '')
        .replace(/[;.]+$/, ''),
    )
    .filter(Boolean);
  return clean.map((item, index) => `- ${item}${index === clean.length - 1 ? '.' : ';'}`);
}

function roleCriterion(template: Template, role: DocumentRole): Criterion | undefined {
  const id = template.documentFields[role];
  if (!id) return undefined;
  for (const step of template.steps) {
    const found = step.criteria.find((criterion) => criterion.id === id);
    if (found) return found;
  }
  return undefined;
}

function roleText(template: Template, answers: Answers, role: DocumentRole): string {
  const criterion = roleCriterion(template, role);
  if (!criterion) return '';
  const value = answerOrEmpty(criterion, answers);
  if (criterion.kind === 'choice') {
    return criterion.options.find((option) => option.value === value)?.label ?? '';
  }
  return typeof value === 'string' ? toNfc(value.trim()) : '';
}

function roleValue<T>(template: Template, answers: Answers, role: DocumentRole, fallback: T): T {
  const criterion = roleCriterion(template, role);
  return criterion ? (answerOrEmpty(criterion, answers) as T) : fallback;
}

export function buildReportDocument(
  template: Template,
  answers: Answers,
  unitName = '',
): ReportDocument {
  const roleIds = new Set(Object.values(template.documentFields));
  const body: DocumentBlock[] = [];
  const printed: Heading[] = [];
  let hasIssues = false;

  for (const step of template.steps) {
    const stepBlocks: DocumentBlock[] = [];
    for (const criterion of step.criteria) {
      if (checkAnswer(criterion, answers[criterion.id]) !== null) hasIssues = true;
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
      if (criterion.heading) stepBlocks.push({ kind: 'label', text: criterion.heading, ...origin });
      stepBlocks.push(...blocks);
    }
    if (stepBlocks.length === 0) continue;
    // Print the step's headings from the first level that differs from what is printed.
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
        number: heading.number,
        title: heading.title,
        stepId: step.id,
      });
    }
    body.push(...stepBlocks);
  }

  const appendix = evaluateAppendix(template, answers);
  const date = roleValue<DateValue>(template, answers, 'date', { day: '', month: '', year: '' });
  const place = roleText(template, answers, 'place');
  const layout =
    roleValue<string>(template, answers, 'headerLayout', 'rules-2013') === 'older'
      ? 'older'
      : 'rules-2013';
  return {
    header: {
      layout,
      union: documentWords.union,
      superiorBody: roleText(template, answers, 'superiorBody').toLocaleUpperCase('vi'),
      issuingBody: roleText(template, answers, 'issuingBody').toLocaleUpperCase('vi'),
      separator: documentWords.separator,
      numberLine: numberLine(
        roleText(template, answers, 'documentNumber'),
        roleText(template, answers, 'documentSymbol'),
      ),
      dateLine: `${place}, ${dateInWords(date)}`,
    },
    title: template.documentType,
    subject: template.subject,
    body,
    closing: {
      recipientsHeading: documentWords.recipients,
      recipients: recipientLines(roleValue<string[]>(template, answers, 'recipients', [])),
      signingLine: roleText(template, answers, 'signingLine').toLocaleUpperCase('vi'),
      position: roleText(template, answers, 'signerPosition').toLocaleUpperCase('vi'),
      signerName: roleText(template, answers, 'signerName'),
    },
    appendix,
    appendixHeading: documentWords.appendixHeading,
    appendixNote: documentWords.appendixNote(
      `${roleText(template, answers, 'documentNumber') || '     '}-${roleText(template, answers, 'documentSymbol')}`,
      dateInWords(date),
      unitName,
    ),
    isDraft: hasIssues || appendix.issues.some((issue) => issue.severity === 'error'),
  };
}
