import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/report/answers';
import { initialAnswers } from '@/domain/report/answers';
import {
  appendixIssueTarget,
  reportProgress,
  requiredProgress,
  reviewItems,
  stepState,
  validateReport,
  validateStep,
  type StepState,
} from '@/domain/report/progress';
import { defaultTemplate } from '@/templates/template-registry';
import { makeAppendixTemplate, makeIndicatorTable, makeTemplate, stepOf } from './factories';

const template = makeTemplate();
const body = stepOf(template, 'body');
const notes = stepOf(template, 'notes');
const fullDate = { day: '22', month: '8', year: '2013' };
const complete: Answers = {
  'issuing-body': 'BCH ĐOÀN HUYỆN HỒNG DÂN',
  'body-results': 'Kết quả tốt.',
  'body-date': fullDate,
};

describe('stepState', () => {
  it.each<[StepState, string, Answers]>([
    ['notStarted', 'nothing is answered', {}],
    ['notStarted', 'only blank text is stored', { 'body-results': '   ', 'body-limitations': '' }],
    [
      'notStarted',
      'only answers of other steps are stored',
      { 'issuing-body': 'BCH', notes: 'Ghi chú' },
    ],
    ['inProgress', 'only an optional field is answered', { 'body-limitations': 'Hạn chế' }],
    ['inProgress', 'only a prompt is ticked', { 'body-prompts': ['plan'] }],
    ['inProgress', 'one of two required fields is answered', { 'body-results': 'Kết quả' }],
    ['complete', 'every required field is answered', complete],
    [
      'complete',
      'every field is answered',
      { ...complete, 'body-prompts': ['plan', 'training'], 'body-limitations': 'Hạn chế' },
    ],
    ['hasErrors', 'a text is over its maximum length', { 'body-results': 'x'.repeat(21) }],
    [
      'hasErrors',
      'a date is impossible',
      { ...complete, 'body-date': { ...fullDate, day: '31', month: '2' } },
    ],
    [
      'inProgress',
      'a required date leaves out the day it needs',
      { ...complete, 'body-date': { ...fullDate, day: '' } },
    ],
    ['hasErrors', 'a ticked prompt is unknown', { ...complete, 'body-prompts': ['budget'] }],
    ['hasErrors', 'a value has the wrong type', { 'body-limitations': 42 as never }],
  ])('is %s when %s', (expected, _, answers) => {
    expect(stepState(body, answers)).toBe(expected);
  });

  it.each<[StepState, string, Answers]>([
    ['notStarted', 'nothing is answered', {}],
    ['complete', 'one optional field is answered', { notes: 'Ghi chú' }],
    ['complete', 'a list has blank items beyond its maximum', { annexes: ['A', 'B', '', ''] }],
    ['hasErrors', 'a list has too many items', { annexes: ['A', 'B', 'C'] }],
    ['hasErrors', 'a list item is too long', { annexes: ['Phụ lục số 1'] }],
  ])('is %s for a step without required fields when %s', (expected, _, answers) => {
    expect(stepState(notes, answers)).toBe(expected);
  });

  it('keeps a text that is over its maximum length unchanged', () => {
    const text = 'Kết quả rất dài, quá giới hạn.';
    const answers: Answers = { ...complete, 'body-results': text };
    expect(stepState(body, answers)).toBe('hasErrors');
    expect(reportProgress(template, answers).steps).toContainEqual({
      stepId: 'body',
      state: 'hasErrors',
    });
    expect(answers['body-results']).toBe(text);
  });
});

describe('validateStep', () => {
  it('lists every broken rule of a step with its step and field', () => {
    expect(
      validateStep(body, { 'body-results': 'x'.repeat(21), 'body-prompts': ['budget'] }),
    ).toEqual([
      { stepId: 'body', criterionId: 'body-prompts', code: 'invalidOption' },
      { stepId: 'body', criterionId: 'body-results', code: 'tooLong' },
      { stepId: 'body', criterionId: 'body-date', code: 'required' },
    ]);
  });

  it('returns no issues for a complete step', () => {
    expect(validateStep(body, complete)).toEqual([]);
  });
});

describe('validateReport', () => {
  it('lists the issues of every step in step order', () => {
    expect(validateReport(template, { annexes: ['A', 'B', 'C'] })).toEqual([
      { stepId: 'document-info', criterionId: 'issuing-body', code: 'required' },
      { stepId: 'body', criterionId: 'body-results', code: 'required' },
      { stepId: 'body', criterionId: 'body-date', code: 'required' },
      { stepId: 'notes', criterionId: 'annexes', code: 'tooManyItems' },
    ]);
  });
});

describe('reportProgress', () => {
  // The factory template: issuing-body (required, prefilled from the unit), body-results and
  // body-date (required, the unit's to write). Two items to complete.
  it.each<[string, Answers, number, number, boolean]>([
    ['no answers: the emptied prefilled field counts too', {}, 0, 3, false],
    ['the prefilled field as the unit got it', { 'issuing-body': 'BCH' }, 0, 2, false],
    [
      'one required field answered',
      { 'issuing-body': 'BCH', 'body-results': 'Kết quả' },
      1,
      2,
      false,
    ],
    [
      'a required field answered with a text that is too long',
      { 'issuing-body': 'BCH', 'body-results': 'x'.repeat(21) },
      0,
      2,
      false,
    ],
    ['every required field answered', complete, 2, 2, true],
    [
      'every required field answered and an optional one wrong (it becomes an item)',
      { ...complete, annexes: ['A', 'B', 'C'] },
      2,
      3,
      false,
    ],
  ])('counts the items done with %s', (_, answers, done, total, isComplete) => {
    const progress = reportProgress(template, answers);
    expect([progress.requiredDone, progress.requiredTotal]).toEqual([done, total]);
    expect(progress.isComplete).toBe(isComplete);
    // One definition: the list's count is the same, and total − done is every issue.
    expect(requiredProgress(template, answers)).toEqual({
      requiredDone: done,
      requiredTotal: total,
    });
    expect(total - done).toBe(progress.issues.length);
  });

  it('gives the state of every step in order', () => {
    expect(reportProgress(template, { 'body-results': 'Kết quả', notes: 'Ghi chú' }).steps).toEqual(
      [
        { stepId: 'document-info', state: 'notStarted' },
        { stepId: 'body', state: 'inProgress' },
        { stepId: 'notes', state: 'complete' },
      ],
    );
  });

  it('puts an untouched report of the built-in template at 0 of its 12 items to write (10 required fields are prefilled)', () => {
    const answers = initialAnswers(defaultTemplate, {
      id: 'huyen-doan-hong-dan',
      name: 'Huyện Đoàn Hồng Dân',
    });
    const progress = reportProgress(defaultTemplate, answers);
    expect([progress.requiredDone, progress.requiredTotal]).toEqual([0, 12]);
    expect(progress.isComplete).toBe(false);
    expect(progress.steps.slice(0, 3)).toEqual([
      { stepId: 'document-info', state: 'inProgress' },
      { stepId: 'opening', state: 'complete' },
      { stepId: 'situation', state: 'notStarted' },
    ]);
  });

  it('counts the place as an item for a unit typed in as free text, which has no place', () => {
    const answers = initialAnswers(defaultTemplate, { id: null, name: 'Đoàn Khối Doanh nghiệp' });
    const progress = reportProgress(defaultTemplate, answers);
    expect([progress.requiredDone, progress.requiredTotal]).toEqual([0, 13]);
    expect(progress.issues).toContainEqual({
      stepId: 'document-info',
      criterionId: 'place',
      code: 'required',
    });
  });

  it('counts a prefilled field that is emptied or broken as a missing or wrong item', () => {
    const answers = initialAnswers(defaultTemplate, {
      id: 'huyen-doan-hong-dan',
      name: 'Huyện Đoàn Hồng Dân',
    });
    const progress = reportProgress(defaultTemplate, {
      ...answers,
      'direction-results': 'Kết quả chỉ đạo.',
      'superior-body': '',
      'document-date': { day: '31', month: '2', year: '2013' },
    });
    expect([progress.requiredDone, progress.requiredTotal]).toEqual([1, 14]);
  });
});

describe('reviewItems', () => {
  // a / b as a computed rate with no rule over it: above 100 % is an error of the rate.
  const rated = makeAppendixTemplate({
    indicators: [
      { id: 'a', label: 'A', unit: 'count' },
      { id: 'b', label: 'B', unit: 'count' },
      {
        id: 'ratio',
        label: 'Tỷ lệ',
        unit: 'percent',
        computed: { numerator: ['a'], denominator: ['b'] },
      },
    ],
    rules: [],
  });
  const withTable = (cells: Record<string, Record<string, number>>): Answers => ({
    'issuing-body': 'BCH',
    'stats-table': makeIndicatorTable({ cells }),
  });

  it('lists an appendix error once, by its cell, and a computed rate leads to its first input', () => {
    const progress = reportProgress(rated, withTable({ a: { '2011': 30 }, b: { '2011': 10 } }));
    const { errors, warnings } = reviewItems(progress);
    expect(
      errors.map((item) => [item.kind, item.issue.code, item.target.stepId, item.target.fieldKey]),
    ).toEqual([['appendix', 'rateAbove100', 'appendix-stats', 'a-2011']]);
    expect(warnings).toEqual([]);
    // The table is one wrong item in the count.
    expect([progress.requiredDone, progress.requiredTotal]).toEqual([0, 1]);
  });

  it('puts missing items and appendix warnings under warnings, wrong answers under errors', () => {
    const progress = reportProgress(template, {
      'body-results': 'x'.repeat(21),
      annexes: ['A', 'B', 'C'],
    });
    const { errors, warnings } = reviewItems(progress);
    expect(errors.map((item) => [item.issue.code, item.target.fieldKey])).toEqual([
      ['tooLong', 'body-results'],
      ['tooManyItems', 'annexes'],
    ]);
    expect(warnings.map((item) => [item.issue.code, item.target.fieldKey])).toEqual([
      ['required', 'issuing-body'],
      ['required', 'body-date'],
    ]);
  });

  it('keeps the items of one document only', () => {
    const progress = reportProgress(template, {});
    const { warnings } = reviewItems(progress, (stepId) => stepId === 'body');
    expect(warnings.map((item) => item.target.fieldKey)).toEqual(['body-results', 'body-date']);
  });
});

describe('appendixIssueTarget', () => {
  it('leads a custom row without its label to the label, a target to its own cell', () => {
    const evaluation = reportProgress(makeAppendixTemplate(), {}).appendix;
    const issue = {
      severity: 'error',
      stepId: 'appendix-stats',
      criterionId: 'stats-table',
      indicatorId: 'part-rate',
      key: 'k',
      value: null,
      other: null,
    } as const;
    expect(
      appendixIssueTarget(evaluation, { ...issue, code: 'customLabelMissing', year: null }),
    ).toEqual({ stepId: 'appendix-stats', fieldKey: 'part-rate-label' });
    expect(appendixIssueTarget(evaluation, { ...issue, code: 'missesTarget', year: null })).toEqual(
      { stepId: 'appendix-stats', fieldKey: 'part-rate-target' },
    );
    expect(appendixIssueTarget(evaluation, { ...issue, code: 'bigChange', year: '2012' })).toEqual({
      stepId: 'appendix-stats',
      fieldKey: 'part-2012',
    });
  });
});
