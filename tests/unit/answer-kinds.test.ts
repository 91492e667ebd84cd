import { describe, expect, it } from 'vitest';
import {
  checkDate,
  isValidDay,
  type DateValue,
  type IssueCode,
} from '@/domain/report/answer-kinds';
import {
  checkAnswer,
  emptyAnswer,
  isAnswerEmpty,
  normalizeAnswer,
  readAnswer,
} from '@/domain/report/answers';
import type { Criterion } from '@/domain/template/template-schema';
import { makeCriterion } from './factories';

// "Việt" with combining marks: six UTF-16 units, four characters.
const VIET_NFD = 'Vie\u0323\u0302t';

const requiredText = makeCriterion({
  kind: 'text',
  id: 'name',
  label: 'Tên',
  required: true,
  maxLength: 4,
});
const optionalText = makeCriterion({ kind: 'text', id: 'note', label: 'Ghi chú', maxLength: 4 });
const requiredLongText = makeCriterion({
  kind: 'longText',
  id: 'results',
  label: 'Kết quả',
  required: true,
  maxLength: 10,
});
const requiredChoice = makeCriterion({
  kind: 'choice',
  id: 'position',
  label: 'Chức vụ',
  required: true,
  options: [
    { value: 'bi-thu', label: 'BÍ THƯ' },
    { value: 'pho-bi-thu', label: 'PHÓ BÍ THƯ' },
  ],
});
const optionalChoice = makeCriterion({
  kind: 'choice',
  id: 'layout',
  label: 'Kiểu',
  options: [
    { value: 'new', label: 'Mới' },
    { value: 'old', label: 'Cũ' },
  ],
});
const optionalChecklist = makeCriterion({
  kind: 'checklist',
  id: 'prompts',
  label: 'Nội dung',
  prompts: [
    { id: 'plan', text: 'Kế hoạch' },
    { id: 'training', text: 'Tập huấn' },
  ],
});
const requiredChecklist = makeCriterion({
  kind: 'checklist',
  id: 'prompts-required',
  label: 'Nội dung',
  required: true,
  prompts: [{ id: 'plan', text: 'Kế hoạch' }],
});
const requiredList = makeCriterion({
  kind: 'list',
  id: 'recipients',
  label: 'Nơi nhận',
  required: true,
  maxItems: 2,
  itemMaxLength: 4,
});
const optionalList = makeCriterion({ kind: 'list', id: 'annexes', label: 'Phụ lục' });
const requiredDate = makeCriterion({ kind: 'date', id: 'date', label: 'Ngày', required: true });
const optionalDate = makeCriterion({ kind: 'date', id: 'date-optional', label: 'Ngày' });

const date = (day: string, month: string, year: string): DateValue => ({ day, month, year });

describe('checkAnswer', () => {
  it.each<[string, IssueCode | null, Criterion, unknown]>([
    ['a missing required text', 'required', requiredText, undefined],
    ['an empty required text', 'required', requiredText, ''],
    ['a blank required text', 'required', requiredText, ' \n '],
    ['a filled required text', null, requiredText, 'Tên'],
    ['a text at its maximum length', null, requiredText, 'abcd'],
    ['a text one character too long', 'tooLong', requiredText, 'abcde'],
    ['decomposed text counted in NFC characters', null, requiredText, VIET_NFD],
    ['decomposed text one character too long', 'tooLong', requiredText, `${VIET_NFD}!`],
    ['a missing optional text', null, optionalText, undefined],
    ['an empty optional text', null, optionalText, ''],
    ['an optional text that is too long', 'tooLong', optionalText, 'abcde'],
    ['a number given for a text', 'wrongType', requiredText, 5],
    ['a list given for a text', 'wrongType', requiredText, ['a']],
    ['null given for a text', 'wrongType', optionalText, null],
    ['an empty required long text', 'required', requiredLongText, ''],
    ['a filled long text of two lines', null, requiredLongText, 'Một\nHai'],
    ['a long text that is too long', 'tooLong', requiredLongText, 'x'.repeat(11)],
    ['an unanswered required choice', 'required', requiredChoice, ''],
    ['a missing required choice', 'required', requiredChoice, undefined],
    ['a choice of a known option', null, requiredChoice, 'pho-bi-thu'],
    ['a choice of an unknown option', 'invalidOption', requiredChoice, 'chu-tich'],
    ['a choice given as a label', 'invalidOption', requiredChoice, 'BÍ THƯ'],
    ['an unanswered optional choice', null, optionalChoice, ''],
    ['a choice given as a list', 'wrongType', optionalChoice, ['new']],
    ['an empty optional checklist', null, optionalChecklist, []],
    ['a checklist of known prompts', null, optionalChecklist, ['plan', 'training']],
    ['a checklist with an unknown prompt', 'invalidOption', optionalChecklist, ['plan', 'budget']],
    ['an empty required checklist', 'required', requiredChecklist, []],
    ['a checklist given as a string', 'wrongType', optionalChecklist, 'plan'],
    ['a missing required list', 'required', requiredList, undefined],
    ['a required list of blank items', 'required', requiredList, ['', '  ']],
    ['a list within its limits', null, requiredList, ['A', 'B']],
    ['a list with too many items', 'tooManyItems', requiredList, ['A', 'B', 'C']],
    ['a list whose blank items are not counted', null, requiredList, ['A', '', 'B', ' ']],
    ['a list with an item that is too long', 'itemTooLong', requiredList, ['A', 'abcde']],
    ['a list item counted in NFC characters', null, requiredList, [VIET_NFD]],
    ['a list with a number in it', 'wrongType', requiredList, ['A', 1]],
    ['an empty optional list', null, optionalList, []],
    ['a missing required date', 'required', requiredDate, undefined],
    ['a blank required date', 'required', requiredDate, date('', '', '')],
    ['a required date with only a year', null, requiredDate, date('', '', '2013')],
    ['a full date', null, requiredDate, date('22', '8', '2013')],
    ['an impossible date', 'invalidDate', optionalDate, date('31', '4', '2013')],
    ['a blank optional date', null, optionalDate, date('', '', '')],
    ['a date without its month field', 'wrongType', optionalDate, { day: '1', year: '2013' }],
    ['a date given as a string', 'wrongType', optionalDate, '22/08/2013'],
  ])('gives %s the code %s', (_, expected, criterion, value) => {
    expect(checkAnswer(criterion, value)).toBe(expected);
  });
});

describe('checkDate', () => {
  it.each<[string, IssueCode | null, DateValue, boolean, boolean]>([
    ['a blank optional date', null, date('', '', ''), true, false],
    ['a blank required date', 'required', date('', '', ''), true, true],
    ['a year with blank day and month', null, date('', '', '2013'), true, true],
    ['a year with a blank day', null, date('', '8', '2013'), true, true],
    ['a year with a blank month', null, date('22', '', '2013'), true, true],
    [
      'a blank day where blanks are not allowed',
      'invalidDate',
      date('', '8', '2013'),
      false,
      false,
    ],
    ['a blank day and month where required', 'required', date('', '', '2013'), false, true],
    ['a full date where blanks are not allowed', null, date('22', '8', '2013'), false, true],
    ['22/08/2013', null, date('22', '8', '2013'), true, true],
    ['zero-padded parts', null, date('01', '08', '2013'), true, true],
    ['parts with spaces around them', null, date(' 5 ', ' 8 ', ' 2013 '), true, true],
    ['29/02 in a leap year', null, date('29', '2', '2012'), true, true],
    ['29/02 in a leap century year', null, date('29', '2', '2000'), true, true],
    ['29/02 in a non-leap year', 'invalidDate', date('29', '2', '2013'), true, true],
    ['29/02 in a non-leap century year', 'invalidDate', date('29', '2', '1900'), true, true],
    ['29/02 without a day of a month', 'invalidDate', date('29', '2', '2013'), true, false],
    ['30/02 in a leap year', 'invalidDate', date('30', '2', '2012'), true, true],
    ['31/04', 'invalidDate', date('31', '4', '2013'), true, true],
    ['31/12', null, date('31', '12', '2013'), true, true],
    ['month 13', 'invalidDate', date('1', '13', '2013'), true, true],
    ['month 0', 'invalidDate', date('1', '0', '2013'), true, true],
    ['day 0', 'invalidDate', date('0', '1', '2013'), true, true],
    ['day 32', 'invalidDate', date('32', '1', '2013'), true, true],
    ['day 32 with a blank month', 'invalidDate', date('32', '', '2013'), true, true],
    ['a letter in the day', 'invalidDate', date('1a', '1', '2013'), true, true],
    ['a letter in the year', 'invalidDate', date('1', '1', '20l3'), true, true],
    ['a negative day', 'invalidDate', date('-1', '1', '2013'), true, true],
    ['a decimal day', 'invalidDate', date('1.5', '1', '2013'), true, true],
    ['full-width digits', 'invalidDate', date('１', '１', '２０１３'), true, true],
    ['a five-digit year', 'invalidDate', date('1', '1', '20130'), true, true],
    ['a year before 1900', 'invalidDate', date('1', '1', '1899'), true, true],
    ['a year after 2100', 'invalidDate', date('1', '1', '2101'), true, true],
    ['the year 2100', null, date('1', '1', '2100'), true, true],
    ['a day and month without a year', 'invalidDate', date('5', '8', ''), true, false],
    ['a required day and month without a year', 'required', date('5', '8', ''), true, true],
  ])('gives %s the code %s', (_, expected, value, allowBlankDayMonth, required) => {
    expect(checkDate(value, allowBlankDayMonth, required)).toBe(expected);
  });
});

describe('isValidDay', () => {
  it.each<[number, number | null, number | null, boolean]>([
    [29, 2, null, true],
    [30, 2, null, false],
    [31, null, null, true],
    [28, 2, 2013, true],
    [29, 2, 2013, false],
    [31, 1, 2013, true],
    [31, 6, 2013, false],
    [0, 1, 2013, false],
    [32, null, null, false],
    [1.5, 1, 2013, false],
  ])('reads day %s of month %s in year %s as valid: %s', (day, month, year, expected) => {
    expect(isValidDay(day, month, year)).toBe(expected);
  });
});

describe('emptyAnswer', () => {
  it.each<{ criterion: Criterion; expected: unknown }>([
    { criterion: requiredText, expected: '' },
    { criterion: requiredLongText, expected: '' },
    { criterion: requiredChoice, expected: '' },
    { criterion: optionalChecklist, expected: [] },
    { criterion: requiredList, expected: [] },
    { criterion: requiredDate, expected: { day: '', month: '', year: '' } },
  ])('gives a $criterion.kind criterion the empty value $expected', ({ criterion, expected }) => {
    expect(emptyAnswer(criterion)).toEqual(expected);
  });
});

describe('readAnswer', () => {
  it.each<[string, Criterion, unknown, unknown]>([
    ['a text', requiredText, 'abc', 'abc'],
    ['a number as a text', requiredText, 3, undefined],
    ['a checklist', optionalChecklist, ['plan'], ['plan']],
    ['a string as a checklist', optionalChecklist, 'plan', undefined],
    ['a date', requiredDate, date('1', '2', '2013'), date('1', '2', '2013')],
    ['an array as a date', requiredDate, ['1', '2', '2013'], undefined],
    ['undefined', requiredText, undefined, undefined],
  ])('reads %s', (_, criterion, raw, expected) => {
    expect(readAnswer(criterion, raw)).toEqual(expected);
  });
});

describe('normalizeAnswer', () => {
  it.each<[string, Criterion, unknown, unknown]>([
    ['composes a text in NFC', requiredText, VIET_NFD, 'Việt'],
    ['composes a long text in NFC', requiredLongText, `- ${VIET_NFD}`, '- Việt'],
    ['composes each list item in NFC', requiredList, [VIET_NFD, 'Lưu VP'], ['Việt', 'Lưu VP']],
    [
      'drops repeated checklist prompts',
      optionalChecklist,
      ['plan', 'training', 'plan'],
      ['plan', 'training'],
    ],
    ['trims the parts of a date', requiredDate, date(' 1 ', '2 ', ' 2013'), date('1', '2', '2013')],
    ['keeps a choice as it is', requiredChoice, 'bi-thu', 'bi-thu'],
    ['keeps a value of the wrong type as it is', requiredText, ['a'], ['a']],
  ])('%s', (_, criterion, value, expected) => {
    expect(normalizeAnswer(criterion, value as never)).toEqual(expected);
  });
});

describe('isAnswerEmpty', () => {
  it.each<[string, Criterion, unknown, boolean]>([
    ['a missing text', requiredText, undefined, true],
    ['an empty text', requiredText, '', true],
    ['a blank text', requiredText, '  ', true],
    ['a filled text', requiredText, 'a', false],
    ['an unanswered choice', requiredChoice, '', true],
    ['an empty checklist', optionalChecklist, [], true],
    ['a ticked checklist', optionalChecklist, ['plan'], false],
    ['a list of blank items', requiredList, ['', ' '], true],
    ['a list with one item', requiredList, ['', 'A'], false],
    ['a blank date', requiredDate, date('', ' ', ''), true],
    ['a date with a year', requiredDate, date('', '', '2013'), false],
    ['a value of the wrong type', requiredText, 5, false],
  ])('reads %s as empty: %s', (_, criterion, raw, expected) => {
    expect(isAnswerEmpty(criterion, raw)).toBe(expected);
  });
});
