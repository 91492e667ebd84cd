// Pure layout of an office letter (công văn) as PDF pages, with the report's flow: the
// header's two columns (issuer, ***, number and the subject line "V/v …" on the left;
// ĐOÀN TNCS HỒ CHÍ MINH underlined and the place and date on the row of "Số:" on the
// right), "Kính gửi: …" centred, the body justified, and the closing kept whole.
import type { LetterDocument } from '@/domain/letters/letter';
import { documentWords } from '@/i18n/document';
import { FORMAT } from './format';
import {
  Flow,
  layoutBlocks,
  layoutClosing,
  layoutUnionLine,
  planClosing,
  type Measure,
  type ReportLayout,
} from './layout';

function layoutLetterHeader(flow: Flow, letter: LetterDocument) {
  const { header } = letter;
  const s = FORMAT.header;
  const columnWidth = flow.width / 2;
  const leftX = flow.left;
  const rightX = flow.left + columnWidth;
  const top = flow.y;
  flow.centredBlock(
    [
      { text: header.issuingBody, style: s.issuingBody },
      { text: header.separator, style: s.separator },
    ],
    leftX,
    columnWidth,
  );
  const numberTop = flow.y;
  flow.centredBlock([{ text: header.numberLine, style: s.number }], leftX, columnWidth);
  flow.y += FORMAT.letter.subjectLineGap;
  flow.centredBlock(
    [{ text: header.subjectLine, style: FORMAT.letter.subjectLine }],
    leftX,
    columnWidth,
  );
  const leftBottom = flow.y;

  flow.y = top;
  layoutUnionLine(flow, header.union, rightX, columnWidth);
  flow.y = numberTop;
  flow.centredBlock([{ text: header.dateLine, style: s.date }], rightX, columnWidth);
  flow.y = Math.max(leftBottom, flow.y);
}

export function layoutLetter(letter: LetterDocument, measure: Measure): ReportLayout {
  const found = new Set<string>();
  const flow = new Flow(measure, found);
  flow.newPage('body', 'portrait', true);
  layoutLetterHeader(flow, letter);
  flow.y += FORMAT.letter.gapHeaderToSalutation;
  flow.centredBlock(
    [{ text: letter.salutation, style: FORMAT.letter.salutation }],
    flow.left,
    flow.width,
  );
  flow.y += FORMAT.letter.gapSalutationToBody;
  const closing = planClosing(flow, letter);
  layoutBlocks(
    flow,
    letter.body,
    { missingText: documentWords.missingAnswer, photoSizes: new Map(), missingPhotoText: '' },
    'body',
    FORMAT.closing.spaceBefore + closing.height,
  );
  flow.tag = '';
  layoutClosing(flow, letter, closing);
  return { pages: flow.pages, replacedCharacters: [...found], placements: flow.placements };
}
