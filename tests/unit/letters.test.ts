// The office's letters (Soạn công văn, issue 17): golden texts of a reminder to a late
// unit and of a request for completion to a unit whose report has two cell errors and a
// missing step, and the rules that choose the letter and its deadline.
import { describe, expect, it } from 'vitest';
import { chaseItems } from '@/domain/letters/chase';
import {
  issueLetter,
  nextLetterNumber,
  unitLetters,
  type LetterRecord,
} from '@/domain/letters/letter-log';
import {
  defaultReplyBy,
  draftLetter,
  letterKindFor,
  letterText,
  type Letter,
} from '@/domain/letters/letter';
import { defaultTemplate } from '@/templates/template-registry';
import {
  hongDanWithGaps,
  LETTER_DEADLINES,
  LETTER_TODAY,
  letterTracker,
  rowOf,
  UNEXPLAINED_WARNING,
  withNotes,
} from '../fixtures/letters';
import { districtAnswers } from '../fixtures/district-report';
import { COMPLETION_GOLDEN, REMINDER_GOLDEN } from '../fixtures/letters-golden';

const rows = letterTracker();

function draft(unitKey: string, today = LETTER_TODAY): Letter {
  const row = rowOf(rows, unitKey);
  const kind = letterKindFor(row, defaultTemplate);
  if (!kind) throw new Error(`no letter for ${unitKey}`);
  return draftLetter({
    kind,
    row,
    template: defaultTemplate,
    today,
    deadlines: LETTER_DEADLINES,
    number: '27',
  });
}

describe('the letters the office drafts from the tracker', () => {
  it('reminds a unit whose report has not come, four days after the deadline', () => {
    expect(letterText(draft('huyen-doan-dong-hai'))).toBe(REMINDER_GOLDEN);
  });

  it('asks a unit to complete its report, naming the missing step, the two wrong cells and the unexplained warning', () => {
    const letter = draft('huyen-doan-hong-dan');
    expect(letter.kind).toBe('completion');
    expect(letterText(letter)).toBe(COMPLETION_GOLDEN);
  });

  it('finds exactly what the unit left: one step, two cells with their values, one warning', () => {
    const items = chaseItems(defaultTemplate, hongDanWithGaps());
    expect(items.missingSteps.map((s) => [s.stepId, s.items])).toEqual([
      ['direction', ['Kết quả đạt được']],
    ]);
    expect(items.cellErrors.map((i) => [i.indicatorId, i.year, i.value])).toEqual([
      ['youth-gathered', '2012', 27490],
      ['ur-rated', '2013', 87],
    ]);
    expect(items.unexplainedWarnings.map((i) => i.key)).toEqual([UNEXPLAINED_WARNING]);
    expect(items.fieldErrors).toEqual([]);
  });

  it('before the deadline, a reminder says nothing of lateness and asks for the deadline itself', () => {
    const letter = draft('huyen-doan-dong-hai', '2013-09-05');
    expect(letter.body).not.toContain('quá hạn');
    expect(letter.body).toContain('chậm nhất ngày 08/9/2013');
    expect(letter.date).toBe('2013-09-05');
  });

  it('gives the unit five days, never past five days before the province deadline, never before tomorrow', () => {
    expect(defaultReplyBy('2013-09-12', LETTER_DEADLINES)).toBe('2013-09-17');
    expect(defaultReplyBy('2013-09-18', LETTER_DEADLINES)).toBe('2013-09-20');
    expect(defaultReplyBy('2013-09-24', LETTER_DEADLINES)).toBe('2013-09-25');
    expect(defaultReplyBy('2013-09-01', LETTER_DEADLINES)).toBe('2013-09-08');
  });

  it('offers no letter for a complete report whose warnings are explained', () => {
    const complete = rowOf(letterTracker(withNotes(districtAnswers())), 'huyen-doan-hong-dan');
    expect(complete.status).toBe('late');
    expect(letterKindFor(complete, defaultTemplate)).toBeNull();
    // Without a note on its warnings, it is asked to explain them.
    const unexplained = rowOf(letterTracker(districtAnswers()), 'huyen-doan-hong-dan');
    expect(letterKindFor(unexplained, defaultTemplate)).toBe('completion');
  });
});

describe('the register of letters', () => {
  const reminder = draft('huyen-doan-dong-hai');
  const completion = draft('huyen-doan-hong-dan');
  const at = (n: number) => `2013-09-12T0${n}:00:00.000Z`;
  const withNumber = (letter: Letter, number: string, date = letter.date) => ({
    ...letter,
    number,
    date,
  });

  it('gives the next number of the year, one more than the highest given', () => {
    let records: LetterRecord[] = [];
    expect(nextLetterNumber(records, '2013-09-12')).toBe('1');
    for (const [id, number, date] of [
      ['a', '26', '2013-09-10'],
      ['b', '9', '2013-09-11'],
      ['c', '', '2013-09-11'],
      ['d', '40', '2012-12-30'],
    ] as const) {
      const outcome = issueLetter(records, {
        id,
        letter: withNumber(reminder, number, date),
        replyBy: '2013-09-17',
        channel: 'pdf',
        now: at(1),
      });
      if (!outcome.ok) throw new Error('refused');
      records = outcome.records;
    }
    expect(nextLetterNumber(records, '2013-09-12')).toBe('27');
    expect(nextLetterNumber(records, '2012-12-31')).toBe('41');
    expect(nextLetterNumber(records, '2014-01-02')).toBe('1');
  });

  it('never gives one number to two letters of a year; the same letter keeps its record', () => {
    const first = issueLetter([], {
      id: 'dong-hai',
      letter: withNumber(reminder, '27'),
      replyBy: '2013-09-17',
      channel: 'pdf',
      now: at(1),
    });
    if (!first.ok) throw new Error('refused');
    const clash = issueLetter(first.records, {
      id: 'hong-dan',
      letter: withNumber(completion, ' 27 '),
      replyBy: '2013-09-17',
      channel: 'docx',
      now: at(2),
    });
    expect(clash.ok).toBe(false);
    if (clash.ok) return;
    expect(clash.takenBy.letter.unitName).toBe('Huyện Đoàn Đông Hải');
    expect(clash.next).toBe('28');
    // Sent again by email: the same record, its first time kept, the channel added.
    const again = issueLetter(first.records, {
      id: 'dong-hai',
      letter: withNumber(reminder, '27'),
      replyBy: '2013-09-18',
      channel: 'email',
      now: at(3),
    });
    if (!again.ok) throw new Error('refused');
    expect(again.records).toHaveLength(1);
    expect(again.record).toMatchObject({
      issuedAt: at(1),
      updatedAt: at(3),
      replyBy: '2013-09-18',
      channels: ['pdf', 'email'],
    });
    // Two letters left blank for hand-filling never collide; another year may reuse 27.
    const blank = issueLetter(again.records, {
      id: 'blank',
      letter: withNumber(completion, ''),
      replyBy: '2013-09-17',
      channel: 'pdf',
      now: at(4),
    });
    expect(blank.ok).toBe(true);
    const nextYear = issueLetter(again.records, {
      id: 'next-year',
      letter: withNumber(completion, '27', '2014-01-06'),
      replyBy: '2014-01-11',
      channel: 'pdf',
      now: at(5),
    });
    expect(nextYear.ok).toBe(true);
    if (!nextYear.ok) return;
    expect(unitLetters(nextYear.records, 'huyen-doan-hong-dan').map((r) => r.id)).toEqual([
      'next-year',
    ]);
  });
});
