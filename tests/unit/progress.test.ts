import { describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/report/answers';
import { initialAnswers } from '@/domain/report/answers';
import {
  reportProgress,
  stepState,
  validateReport,
  validateStep,
  type StepState,
} from '@/domain/report/progress';
import { defaultTemplate } from '@/templates/template-registry';
import { makeTemplate, stepOf } from './factories';

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
  it.each<[string, Answers, number, boolean]>([
    ['no answers', {}, 0, false],
    ['one required field answered', { 'body-results': 'Kết quả' }, 1, false],
    [
      'a required field answered with a text that is too long',
      { 'body-results': 'x'.repeat(21) },
      0,
      false,
    ],
    ['every required field answered', complete, 3, true],
    [
      'every required field answered and an optional one broken',
      { ...complete, annexes: ['A', 'B', 'C'] },
      3,
      false,
    ],
  ])('counts the required fields done with %s', (_, answers, requiredDone, isComplete) => {
    const progress = reportProgress(template, answers);
    expect(progress.requiredTotal).toBe(3);
    expect(progress.requiredDone).toBe(requiredDone);
    expect(progress.isComplete).toBe(isComplete);
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

  it('counts the 22 required fields of the built-in template (the models list is one), 10 of them prefilled for a listed unit', () => {
    const answers = initialAnswers(defaultTemplate, {
      id: 'huyen-doan-hong-dan',
      name: 'Huyện Đoàn Hồng Dân',
    });
    const progress = reportProgress(defaultTemplate, answers);
    expect(progress.requiredTotal).toBe(22);
    expect(progress.requiredDone).toBe(10);
    expect(progress.isComplete).toBe(false);
    expect(progress.steps.slice(0, 3)).toEqual([
      { stepId: 'document-info', state: 'inProgress' },
      { stepId: 'opening', state: 'complete' },
      { stepId: 'situation', state: 'notStarted' },
    ]);
  });

  it('counts one prefilled field fewer for a unit typed in as free text, which has no place', () => {
    const answers = initialAnswers(defaultTemplate, { id: null, name: 'Đoàn Khối Doanh nghiệp' });
    const progress = reportProgress(defaultTemplate, answers);
    expect(progress.requiredDone).toBe(9);
    expect(progress.issues).toContainEqual({
      stepId: 'document-info',
      criterionId: 'place',
      code: 'required',
    });
  });
});
