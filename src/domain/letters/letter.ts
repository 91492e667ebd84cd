// A letter of the province office to a unit (công văn): a reminder to send the report
// (nhắc nộp) or a request to complete or correct it (đề nghị bổ sung), drafted from the
// tracker's row and the unit's latest version, then edited by the office as plain fields
// before it is printed. The official format is FORMAT.md's: the issuer, number and symbol
// with the subject line (V/v …) under them on the left; ĐOÀN TNCS HỒ CHÍ MINH and the
// place and date on the right; Kính gửi; the body; Nơi nhận and the signature.
import { z } from 'zod';
import { normalizeText, splitTextBlocks } from '@/domain/report/text';
import {
  dateInWords,
  numberLine,
  recipientLines,
  type DocumentBlock,
  type ReportDocument,
} from '@/domain/report/document-model';
import { daysBetween, firstReceipt, type TrackerRow } from '@/domain/rollup/tracker';
import type { Template } from '@/domain/template/template-schema';
import { documentWords } from '@/i18n/document';
import { letterWords } from '@/i18n/vi-letters';
import { chaseItems, hasChaseItems } from './chase';

export const LETTER_KINDS = ['reminder', 'completion'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_BODY_MAX = 20_000;
// A calendar date in Việt Nam, "2013-09-12" (as domain/rollup/received.ts; not imported
// from there: the office's backup schema there holds the letters).
export const letterDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const line = (max = 300) => z.string().max(max);

export const letterSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  unitKey: z.string().min(1).max(120),
  unitName: z.string().min(1).max(200),
  issuingBody: line(),
  // Blank: left for hand-filling ("Số:      -CV/TĐTN-BTC").
  number: line(20),
  symbol: line(60),
  place: line(100),
  date: letterDateSchema,
  subjectLine: line(500),
  salutation: line(500),
  body: line(LETTER_BODY_MAX),
  recipients: z.array(line()).max(20),
  signingLine: line(),
  position: line(),
  signerName: line(),
  // The unit's address the letter is mailed to ('' when the office has none).
  email: line(254),
});
export type Letter = z.infer<typeof letterSchema>;

export type LetterDeadlines = { unitDeadline: string; provinceDeadline: string };

// Which letter a unit's row calls for: a reminder while nothing has come, a request for
// completion when its latest version has something missing or wrong, none otherwise.
export function letterKindFor(row: TrackerRow, template: Template | undefined): LetterKind | null {
  if (!row.latest) return 'reminder';
  if (!template) return null;
  return hasChaseItems(chaseItems(template, row.latest.file.answers)) ? 'completion' : null;
}

// The date a unit is asked to answer by: before the units' deadline, that deadline; after
// it, five days from today, but early enough for the province's own deadline (five days
// before it), and never before tomorrow.
export function defaultReplyBy(today: string, deadlines: LetterDeadlines): string {
  if (today < deadlines.unitDeadline) return deadlines.unitDeadline;
  const wanted = addDays(today, 5);
  const latest = addDays(deadlines.provinceDeadline, -5);
  const soonest = addDays(today, 1);
  const date = wanted < latest ? wanted : latest;
  return date < soonest ? soonest : date;
}

export type DraftInput = {
  kind: LetterKind;
  row: TrackerRow;
  // The template of the row's latest version (for a request for completion), or the
  // office's template (for a reminder).
  template: Template;
  today: string;
  deadlines: LetterDeadlines;
  replyBy?: string;
  number?: string;
  email?: string;
};

export function draftLetter(input: DraftInput): Letter {
  const { kind, row, template, today, deadlines } = input;
  const unitName = row.unit.name;
  const replyBy = input.replyBy ?? defaultReplyBy(today, deadlines);
  const reportName = template.name;
  const facts = {
    unitName,
    reportName,
    documents: [
      letterWords.mainDocument(reportName),
      ...template.documents.map((document) => document.name),
    ],
    guidanceDate: letterWords.guidanceDate,
    guidanceSubject: template.subject,
    today,
    unitDeadline: deadlines.unitDeadline,
    daysLate: Math.max(0, daysBetween(deadlines.unitDeadline, today)),
    replyBy,
    provinceDeadline: deadlines.provinceDeadline,
    email: template.recipientEmail,
  };
  let body: string[];
  if (kind === 'reminder') body = letterWords.reminderBody(facts);
  else {
    const latest = row.latest;
    if (!latest) throw new Error('a request for completion needs a received version');
    const items = chaseItems(template, latest.file.answers);
    body = letterWords.completionBody({
      ...facts,
      receivedOn: firstReceipt(latest),
      fingerprint: latest.fingerprint,
      ...items,
    });
  }
  return {
    kind,
    unitKey: row.unit.key,
    unitName,
    // The province as its own report names it (the template's province level).
    issuingBody: template.provinceLevel?.issuer.issuingBody ?? letterWords.issuingBody,
    number: input.number ?? '',
    symbol: letterWords.symbol,
    place: template.provinceLevel?.issuer.place ?? letterWords.place,
    date: today,
    subjectLine: letterWords.subjectLine[kind](reportName),
    salutation: letterWords.salutation(unitName),
    body: body.join('\n'),
    recipients: [...letterWords.recipients],
    signingLine: letterWords.signingLine,
    position: letterWords.position,
    signerName: letterWords.signerName,
    email: input.email ?? '',
  };
}

// A local date `days` later (earlier when negative).
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// The letter as the layouts print it: the header of a report (2013 rules) with the
// subject line under the number, the salutation, the body as blocks and the closing.
export type LetterDocument = {
  header: Pick<
    ReportDocument['header'],
    'union' | 'issuingBody' | 'separator' | 'numberLine' | 'dateLine'
  > & {
    subjectLine: string;
  };
  salutation: string;
  body: DocumentBlock[];
  closing: ReportDocument['closing'];
};

const clean = (text: string) => normalizeText(text.trim());

export function letterDocument(letter: Letter): LetterDocument {
  const [year, month, day] = letter.date.split('-') as [string, string, string];
  const origin = { stepId: 'letter', criterionId: 'body' };
  return {
    header: {
      union: documentWords.union,
      issuingBody: clean(letter.issuingBody),
      separator: documentWords.separator,
      numberLine: numberLine(letter.number, letter.symbol),
      dateLine: `${clean(letter.place)}, ${dateInWords({ day, month, year })}`,
      subjectLine: clean(letter.subjectLine),
    },
    salutation: `${letterWords.salutationPrefix} ${clean(letter.salutation)}`,
    body: splitTextBlocks(letter.body).map((block) =>
      block.kind === 'paragraph'
        ? { kind: 'paragraph', text: block.text, ...origin }
        : { kind: 'listItem', bullet: block.bullet, text: block.text, ...origin },
    ),
    closing: {
      recipientsHeading: documentWords.recipients,
      recipients: recipientLines(letter.recipients),
      signingLine: clean(letter.signingLine),
      position: clean(letter.position),
      signerName: clean(letter.signerName),
    },
  };
}

// The letter as plain text, in the order the PDF draws it: the left column of the header
// (issuer, ***, number, subject line), the right one (ĐOÀN TNCS HỒ CHÍ MINH, place and
// date), Kính gửi, the body, Nơi nhận and the signature. The email's body, and what
// pdftotext reads back from the PDF.
export function letterText(letter: Letter): string {
  const doc = letterDocument(letter);
  const { header, closing } = doc;
  const body = doc.body.map((block) =>
    block.kind === 'listItem'
      ? `${block.bullet} ${block.text}`
      : block.kind === 'paragraph'
        ? block.text
        : '',
  );
  return [
    header.issuingBody,
    header.separator,
    header.numberLine,
    header.subjectLine,
    header.union,
    header.dateLine,
    '',
    doc.salutation,
    '',
    ...body,
    '',
    closing.recipientsHeading,
    ...closing.recipients,
    '',
    closing.signingLine,
    closing.position,
    '',
    closing.signerName,
    '',
  ].join('\n');
}
