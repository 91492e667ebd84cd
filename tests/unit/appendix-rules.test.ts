import { describe, expect, it } from 'vitest';
import {
  evaluateAppendix,
  readIndicatorTable,
  type AppendixIssue,
  type CellValue,
  type IndicatorTableValue,
  type TargetStatus,
} from '@/domain/appendix/evaluate';
import type { Answers } from '@/domain/report/answers';
import { reportProgress, stepState, validateStep, type StepState } from '@/domain/report/progress';
import { templateSchema, type Template } from '@/domain/template/template-schema';
import { appendixIssueMessage } from '@/i18n/vi-report';
import { defaultTemplate } from '@/templates/template-registry';
import {
  appendixStep,
  documentInfoStep,
  makeAppendixTemplate,
  makeIndicatorTable,
  makeTemplateInput,
  stepOf,
  type IndicatorTableInput,
} from './factories';

type Cells = Record<string, Record<string, CellValue>>;

const table = (
  cells: Cells,
  targets: Record<string, CellValue> = {},
  more: Partial<IndicatorTableValue> = {},
) => makeIndicatorTable({ cells, targets, ...more });

// What an issue is about, without the comparison details.
const brief = ({ severity, code, indicatorId, year }: AppendixIssue) =>
  [severity, code, indicatorId, year] as const;

function issues(answers: Answers, template: Template = defaultTemplate) {
  return evaluateAppendix(template, answers).issues;
}

function rowOf(answers: Answers, indicatorId: string, template: Template = defaultTemplate) {
  const row = evaluateAppendix(template, answers)
    .tables.flatMap((t) => t.rows)
    .find((r) => r.indicator.id === indicatorId);
  if (!row) throw new Error(`no indicator ${indicatorId}`);
  return row;
}

const youth = (cells: Cells, targets: Record<string, CellValue> = {}): Answers => ({
  'youth-table': table(cells, targets),
});

describe('evaluateAppendix on the built-in template', () => {
  it('evaluates seven tables over the five review years', () => {
    const evaluation = evaluateAppendix(defaultTemplate, {});
    expect(evaluation.years).toEqual(['2009', '2010', '2011', '2012', '2013']);
    expect(evaluation.tables.map((t) => [t.stepId, t.criterionId])).toEqual([
      ['appendix-youth', 'youth-table'],
      ['appendix-organisations', 'organisations-table'],
      ['appendix-union-ratings', 'union-ratings-table'],
      ['appendix-branch-ratings', 'branch-ratings-table'],
      ['appendix-cadres', 'cadres-table'],
      ['appendix-members', 'members-table'],
      ['appendix-party', 'party-table'],
    ]);
  });

  it.each<[string, Answers]>([
    ['nothing is answered', {}],
    ['every table is empty', { 'youth-table': table({}), 'party-table': table({}) }],
    ['cells are blank strings', youth({ 'youth-total': { '2009': '', '2010': '' } })],
    ['rows are empty', youth({ 'youth-total': {}, 'youth-gathered': {} })],
    ['a table answer is damaged', { 'youth-table': { cells: 'x' } as never }],
    ['a table answer is not an object', { 'youth-table': 'text' }],
  ])('finds no issue when %s', (_, answers) => {
    const evaluation = evaluateAppendix(defaultTemplate, answers);
    expect(evaluation.issues).toEqual([]);
    for (const row of evaluation.tables.flatMap((t) => t.rows)) {
      expect(Object.values(row.values)).toEqual([null, null, null, null, null]);
      expect(row.target).toBeNull();
      expect(row.status).toBeNull();
    }
  });

  describe('a typed count', () => {
    it.each<[AppendixIssue['code'], string, CellValue, number | null]>([
      ['notANumber', 'a text that is not a number', '1.2.3', null],
      ['notANumber', 'a text kept as typed even though it reads as a number', '1.000', null],
      ['negative', 'negative', -5, -5],
      ['negative', 'negative and a fraction', -0.5, -0.5],
      ['notWholeNumber', 'a fraction', 12.5, 12.5],
      ['notWholeNumber', 'barely a fraction', 1000.0001, 1000.0001],
    ])('is the error %s when it is %s', (code, _, cell, value) => {
      const found = issues(youth({ 'youth-total': { '2010': cell } }));
      expect(found).toEqual([
        {
          severity: 'error',
          code,
          stepId: 'appendix-youth',
          criterionId: 'youth-table',
          indicatorId: 'youth-total',
          year: '2010',
          key: `${code}:youth-total:2010`,
          value,
          other: null,
        },
      ]);
    });

    it.each<[string, CellValue]>([
      ['zero', 0],
      ['a whole number', 1000],
      ['a large whole number', 12_345_678],
    ])('is accepted when it is %s', (_, cell) => {
      const answers = youth({ 'youth-total': { '2010': cell } });
      expect(issues(answers)).toEqual([]);
      expect(rowOf(answers, 'youth-total').values['2010']).toBe(cell);
    });

    it('is left out of rates and rules when it is wrong', () => {
      const answers = youth({
        'youth-total': { '2009': -1000 },
        'youth-gathered': { '2009': 600 },
      });
      expect(issues(answers).map(brief)).toEqual([['error', 'negative', 'youth-total', '2009']]);
      expect(rowOf(answers, 'youth-total').values['2009']).toBeNull();
      expect(rowOf(answers, 'youth-gathered-rate').values['2009']).toBeNull();
    });
  });

  describe('a computed rate', () => {
    it.each<[string, Cells, string, number | null]>([
      [
        'gathered over youth, times 100',
        { 'youth-total': { '2009': 1000 }, 'youth-gathered': { '2009': 600 } },
        'youth-gathered-rate',
        60,
      ],
      [
        'rounded to six decimals',
        { 'youth-total': { '2009': 3 }, 'youth-gathered': { '2009': 1 } },
        'youth-gathered-rate',
        33.333333,
      ],
      [
        'rounded up at the sixth decimal',
        { 'youth-total': { '2009': 3 }, 'youth-gathered': { '2009': 2 } },
        'youth-gathered-rate',
        66.666667,
      ],
      [
        'exactly 100',
        { 'youth-total': { '2009': 250 }, 'youth-gathered': { '2009': 250 } },
        'youth-gathered-rate',
        100,
      ],
      [
        'zero when the numerator is zero',
        { 'youth-total': { '2009': 250 }, 'youth-gathered': { '2009': 0 } },
        'youth-gathered-rate',
        0,
      ],
      [
        'null when the denominator is zero',
        { 'youth-total': { '2009': 0 }, 'youth-gathered': { '2009': 0 } },
        'youth-gathered-rate',
        null,
      ],
      [
        'null when the numerator is missing',
        { 'youth-total': { '2009': 1000 } },
        'youth-gathered-rate',
        null,
      ],
      [
        'null when the denominator is missing',
        { 'youth-gathered': { '2009': 600 } },
        'youth-gathered-rate',
        null,
      ],
      [
        'null when the numerator is not a number',
        { 'youth-total': { '2009': 1000 }, 'youth-gathered': { '2009': 'sáu trăm' } },
        'youth-gathered-rate',
        null,
      ],
    ])('is %s', (_, cells, indicatorId, expected) => {
      expect(rowOf(youth(cells), indicatorId).values['2009']).toBe(expected);
    });

    it.each<[string, Cells, number | null]>([
      [
        'every part is filled',
        { 'ur-rated': { '2011': 40 }, 'ur-strong': { '2011': 10 }, 'ur-good': { '2011': 20 } },
        75,
      ],
      ['a part is missing', { 'ur-rated': { '2011': 40 }, 'ur-strong': { '2011': 10 } }, null],
    ])('sums the parts of its numerator when %s', (_, cells, expected) => {
      const answers = { 'union-ratings-table': table(cells) };
      expect(rowOf(answers, 'ur-top-share').values['2011']).toBe(expected);
    });

    // Issue 12: a rate whose numerator is part of its denominator never passes 100%; the
    // part's error names both rows (it used to be shown as 120% with a second error).
    it('is not shown above 100% when its numerator is part of its denominator', () => {
      const answers = youth({
        'youth-total': { '2009': 1000 },
        'youth-gathered': { '2009': 1200 },
      });
      expect(rowOf(answers, 'youth-gathered-rate').values['2009']).toBeNull();
      expect(issues(answers)).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'partAboveWhole',
          indicatorId: 'youth-gathered',
          year: '2009',
          value: 1200,
          other: { value: 1000, indicatorIds: ['youth-total'], year: '2009' },
        }),
      ]);
    });

    it('ignores a value typed for it', () => {
      const answers = youth({
        'youth-total': { '2009': 1000 },
        'youth-gathered': { '2009': 600 },
        'youth-gathered-rate': { '2009': 99 },
      });
      expect(rowOf(answers, 'youth-gathered-rate').values['2009']).toBe(60);
    });
  });

  describe('parts that make a whole (union ratings)', () => {
    const ratings = (
      rated: CellValue,
      parts: [CellValue?, CellValue?, CellValue?, CellValue?],
    ): Answers => {
      const ids = ['ur-strong', 'ur-good', 'ur-average', 'ur-weak'];
      const cells: Cells = { 'ur-rated': { '2011': rated } };
      parts.forEach((value, index) => {
        if (value !== undefined) cells[ids[index]!] = { '2011': value };
      });
      return { 'union-ratings-table': table(cells) };
    };

    it.each<[string, string, Answers, ['error' | 'warning', string, number] | null]>([
      [
        'an error',
        'the parts sum above the number rated',
        ratings(50, [20, 20, 10, 2]),
        ['error', 'partsAboveWhole', 52],
      ],
      [
        'an error',
        'the parts sum one above',
        ratings(50, [20, 20, 10, 1]),
        ['error', 'partsAboveWhole', 51],
      ],
      ['nothing', 'the parts sum to the number rated', ratings(50, [20, 20, 10, 0]), null],
      [
        'a warning',
        'the parts sum below',
        ratings(50, [20, 20, 5, 1]),
        ['warning', 'partsBelowWhole', 46],
      ],
      [
        'a warning',
        'the parts sum one below',
        ratings(50, [20, 20, 9, 0]),
        ['warning', 'partsBelowWhole', 49],
      ],
      ['nothing', 'the parts sum below and one is missing', ratings(50, [20, 20, 5]), null],
      [
        'an error',
        'the filled parts sum above with one missing',
        ratings(50, [30, 30]),
        ['error', 'partsAboveWhole', 60],
      ],
      ['nothing', 'only one part is filled, below', ratings(50, [20]), null],
      ['nothing', 'no part is filled', ratings(50, []), null],
      ['nothing', 'the number rated is missing', ratings('', [20, 20, 10, 5]), null],
    ])('gives %s when %s', (_, __, answers, expected) => {
      const found = issues(answers).filter((issue) => issue.indicatorId === 'ur-rated');
      if (expected === null) {
        expect(found).toEqual([]);
        return;
      }
      const [severity, code, sum] = expected;
      expect(found).toEqual([
        {
          severity,
          code,
          stepId: 'appendix-union-ratings',
          criterionId: 'union-ratings-table',
          indicatorId: 'ur-rated',
          year: '2011',
          key: `${code}:ur-rated:2011`,
          value: sum,
          other: {
            value: 50,
            indicatorIds: ['ur-strong', 'ur-good', 'ur-average', 'ur-weak'],
            year: '2011',
          },
        },
      ]);
    });
  });

  describe('a number rated above the organisations of another table', () => {
    const answers = (rated: number, unions?: number, branches?: number): Answers => ({
      'organisations-table': table({
        'org-unions': unions === undefined ? {} : { '2011': unions },
        'org-grassroots-branches': branches === undefined ? {} : { '2011': branches },
      }),
      'union-ratings-table': table({ 'ur-rated': { '2011': rated } }),
    });

    it.each<[string, string, Answers, boolean]>([
      ['an error', 'above the sum of unions and grassroots branches', answers(51, 20, 30), true],
      ['nothing', 'equal to the sum', answers(50, 20, 30), false],
      ['nothing', 'below the sum', answers(49, 20, 30), false],
      ['nothing', 'above one of them while the other is missing', answers(51, 20), false],
    ])('gives %s in the ratings table when it is %s', (_, __, input, isError) => {
      const found = issues(input);
      expect(found).toEqual(
        isError
          ? [
              {
                severity: 'error',
                code: 'partAboveWhole',
                stepId: 'appendix-union-ratings',
                criterionId: 'union-ratings-table',
                indicatorId: 'ur-rated',
                year: '2011',
                key: 'partAboveWhole:ur-rated:2011',
                value: 51,
                other: {
                  value: 50,
                  indicatorIds: ['org-unions', 'org-grassroots-branches'],
                  year: '2011',
                },
              },
            ]
          : [],
      );
    });
  });

  // Issue 12: the admitted are part of the introduced; more is impossible, an error.
  describe('members admitted to the Party above those introduced', () => {
    it.each<[string, string, number, boolean]>([
      ['an error', 'more are admitted than introduced', 12, true],
      ['nothing', 'as many are admitted as introduced', 10, false],
      ['nothing', 'fewer are admitted than introduced', 9, false],
    ])('gives %s when %s', (_, __, admitted, isWarned) => {
      const found = issues({
        'party-table': table({
          'party-introduced': { '2012': 10 },
          'party-admitted': { '2012': admitted },
        }),
      });
      const error = {
        severity: 'error',
        code: 'partAboveWhole',
        stepId: 'appendix-party',
        criterionId: 'party-table',
        indicatorId: 'party-admitted',
        year: '2012',
        key: 'partAboveWhole:party-admitted:2012',
        value: admitted,
        other: { value: 10, indicatorIds: ['party-introduced'], year: '2012' },
      };
      if (isWarned) expect(found).toEqual([error]);
      else expect(found).toEqual([]);
    });
  });

  describe('a big change from the previous year', () => {
    it.each<[string, string, Record<string, CellValue>, [string, number, number] | null]>([
      ['no warning', 'a rise of exactly 50%', { '2009': 1000, '2010': 1500 }, null],
      ['a warning', 'a rise of 50.1%', { '2009': 1000, '2010': 1501 }, ['2010', 1501, 1000]],
      ['no warning', 'a fall of exactly 50%', { '2009': 1000, '2010': 500 }, null],
      ['a warning', 'a fall of 50.1%', { '2009': 1000, '2010': 499 }, ['2010', 499, 1000]],
      ['no warning', 'a rise from 0', { '2009': 0, '2010': 1000 }, null],
      ['a warning', 'a fall to 0', { '2009': 1000, '2010': 0 }, ['2010', 0, 1000]],
      ['no warning', 'a change across a missing year', { '2009': 1000, '2011': 3000 }, null],
      [
        'a warning',
        'a change in the last two years',
        { '2012': 1000, '2013': 2000 },
        ['2013', 2000, 1000],
      ],
      ['no warning', 'a change after a wrong value', { '2009': 'nhiều', '2010': 3000 }, null],
    ])('gives %s for %s', (_, __, row, expected) => {
      const found = issues(youth({ 'youth-total': row })).filter(
        (issue) => issue.code === 'bigChange',
      );
      if (expected === null) {
        expect(found).toEqual([]);
        return;
      }
      const [year, value, previous] = expected;
      expect(found).toEqual([
        {
          severity: 'warning',
          code: 'bigChange',
          stepId: 'appendix-youth',
          criterionId: 'youth-table',
          indicatorId: 'youth-total',
          year,
          key: `bigChange:youth-total:${year}`,
          value,
          other: { value: previous, indicatorIds: [], year: String(Number(year) - 1) },
        },
      ]);
    });

    it('is not checked for computed rates', () => {
      const answers = youth({
        'youth-total': { '2009': 1000, '2010': 1000 },
        'youth-gathered': { '2009': 300, '2010': 460 },
      });
      expect(issues(answers).map(brief)).toEqual([
        ['warning', 'bigChange', 'youth-gathered', '2010'],
      ]);
    });
  });

  describe('a target of the resolution', () => {
    const gathered = (
      rates: Record<string, [number, number]>,
      target: CellValue | undefined,
    ): Answers => {
      const total: Record<string, CellValue> = {};
      const part: Record<string, CellValue> = {};
      for (const [year, [p, t]] of Object.entries(rates)) {
        part[year] = p;
        total[year] = t;
      }
      return youth(
        { 'youth-total': total, 'youth-gathered': part },
        target === undefined ? {} : { 'youth-gathered-rate': target },
      );
    };

    // Issue 12: a target is for its year (2013 by default); earlier years never warn.
    it.each<[TargetStatus | null, string, Answers, string[]]>([
      [
        'exceeded',
        'above it in the target year',
        gathered({ '2009': [600, 1000], '2013': [750, 1000] }, 70),
        [],
      ],
      [
        'met',
        'equal to it in the target year',
        gathered({ '2009': [750, 1000], '2013': [700, 1000] }, 70),
        [],
      ],
      [
        'notMet',
        'below it in the target year',
        gathered({ '2009': [750, 1000], '2013': [650, 1000] }, 70),
        ['2013'],
      ],
      [
        null,
        'below it before the target year, which has no value yet',
        gathered({ '2011': [650, 1000] }, 70),
        [],
      ],
      [
        'notMet',
        'below it in every year',
        gathered({ '2009': [100, 1000], '2013': [200, 1000] }, 70),
        ['2013'],
      ],
      ['met', 'equal to a decimal target', gathered({ '2013': [725, 1000] }, 72.5), []],
      [null, 'missing in every year', gathered({}, 70), []],
      [null, 'low but there is no target', gathered({ '2009': [100, 1000] }, undefined), []],
    ])(
      'gives the status %s for an "at least" target when the rate is %s',
      (status, _, answers, missed) => {
        const row = rowOf(answers, 'youth-gathered-rate');
        expect(row.status).toBe(status);
        const found = issues(answers).filter((issue) => issue.code === 'missesTarget');
        expect(found.map((issue) => issue.year)).toEqual(missed);
        for (const issue of found) {
          expect(issue).toMatchObject({
            severity: 'warning',
            indicatorId: 'youth-gathered-rate',
            key: `missesTarget:youth-gathered-rate:${issue.year}`,
            value: row.values[issue.year!],
            other: { value: row.target, indicatorIds: [], year: null },
          });
        }
      },
    );

    const weak = (byYear: Record<string, number>, target: number): Answers => {
      const rated: Record<string, CellValue> = {};
      const weakCells: Record<string, CellValue> = {};
      for (const [year, count] of Object.entries(byYear)) {
        rated[year] = 50;
        weakCells[year] = count;
      }
      return {
        'union-ratings-table': table(
          { 'ur-rated': rated, 'ur-weak': weakCells },
          { 'ur-weak-share': target },
        ),
      };
    };

    it.each<[TargetStatus, string, Answers, string[]]>([
      ['met', 'below it', weak({ '2013': 4 }, 10), []],
      ['met', 'equal to it', weak({ '2013': 5 }, 10), []],
      ['notMet', 'above it', weak({ '2013': 6 }, 10), ['2013']],
      ['met', 'above it only before the target year', weak({ '2010': 6, '2013': 4 }, 10), []],
      ['met', 'zero with a target of zero', weak({ '2013': 0 }, 0), []],
    ])(
      'gives the status %s for an "at most" target when the rate is %s',
      (status, _, answers, missed) => {
        expect(rowOf(answers, 'ur-weak-share').status).toBe(status);
        expect(
          issues(answers)
            .filter((issue) => issue.code === 'missesTarget')
            .map((issue) => [issue.indicatorId, issue.year]),
        ).toEqual(missed.map((year) => ['ur-weak-share', year]));
      },
    );

    it.each<[AppendixIssue['code'], string, CellValue, number | null]>([
      ['notANumber', 'not a number', 'bảy mươi', null],
      ['negative', 'negative', -5, -5],
      ['rateAbove100', 'above 100%', 120, 120],
    ])('is the error %s at year null when it is %s', (code, _, target, value) => {
      const answers = gathered({ '2009': [600, 1000] }, target);
      expect(issues(answers)).toEqual([
        {
          severity: 'error',
          code,
          stepId: 'appendix-youth',
          criterionId: 'youth-table',
          indicatorId: 'youth-gathered-rate',
          year: null,
          key: `${code}:youth-gathered-rate:target`,
          value,
          other: null,
        },
      ]);
      const row = rowOf(answers, 'youth-gathered-rate');
      expect(row.target).toBeNull();
      expect(row.status).toBeNull();
    });

    it('is ignored for an indicator without a target', () => {
      const answers = youth({ 'youth-total': { '2009': 1000 } }, { 'youth-total': 'abc' });
      expect(issues(answers)).toEqual([]);
      expect(rowOf(answers, 'youth-total').target).toBeNull();
    });
  });

  describe('issue keys', () => {
    const messy: Answers = {
      'youth-table': table(
        {
          'youth-total': { '2009': 1000, '2010': 2000, '2011': 'x', '2012': -1, '2013': 1.5 },
          'youth-gathered': { '2009': 1200, '2010': 600 },
        },
        { 'youth-gathered-rate': 'abc' },
      ),
      'organisations-table': table({ 'org-unions': { '2011': 1 } }),
      'union-ratings-table': table(
        {
          'ur-rated': { '2011': 10, '2012': 10 },
          'ur-strong': { '2011': 5, '2012': 1 },
          'ur-good': { '2011': 5, '2012': 1 },
          'ur-average': { '2011': 5, '2012': 1 },
          'ur-weak': { '2011': 5, '2012': 1 },
        },
        { 'ur-weak-share': 5 },
      ),
      'party-table': table({ 'party-introduced': { '2012': 1 }, 'party-admitted': { '2012': 2 } }),
    };

    it('are code, indicator and year (or "target") joined by colons, and unique', () => {
      const found = issues(messy);
      expect(found.length).toBeGreaterThan(10);
      for (const issue of found)
        expect(issue.key).toBe(`${issue.code}:${issue.indicatorId}:${issue.year ?? 'target'}`);
      expect(new Set(found.map((issue) => issue.key)).size).toBe(found.length);
      expect(found.map((issue) => issue.key)).toEqual(
        expect.arrayContaining([
          'notANumber:youth-gathered-rate:target',
          'partsAboveWhole:ur-rated:2011',
          'partsBelowWhole:ur-rated:2012',
          // Issue 12: the admitted are part of the introduced (was aboveLimit).
          'partAboveWhole:party-admitted:2012',
          'bigChange:youth-total:2010',
        ]),
      );
    });

    it('stay the same when the values change, so a note stays with its warning', () => {
      const before = issues(youth({ 'youth-total': { '2009': 1000, '2010': 1600 } }));
      const after = issues(youth({ 'youth-total': { '2009': 1000, '2010': 2500 } }));
      expect(before.map((issue) => issue.key)).toEqual(['bigChange:youth-total:2010']);
      expect(after.map((issue) => issue.key)).toEqual(['bigChange:youth-total:2010']);
      expect(after[0]!.value).not.toBe(before[0]!.value);
    });

    it('come out in the same order every time', () => {
      expect(issues(messy)).toEqual(issues(structuredClone(messy)));
    });
  });
});

describe('evaluateAppendix on a small template', () => {
  const template = makeAppendixTemplate();
  const stats = (cells: Cells, targets: Record<string, CellValue> = {}): Answers => ({
    'stats-table': table(cells, targets),
  });

  it.each<[string, Cells, Record<string, CellValue>, string[][]]>([
    ['nothing is typed', {}, {}, []],
    [
      'the part is above the whole',
      { total: { '2011': 10 }, part: { '2011': 11 } },
      {},
      // Issue 12: the rate of a part is not shown, the part's error speaks for it.
      [['error', 'partAboveWhole', 'part', '2011']],
    ],
    [
      'the classes sum above the whole',
      { total: { '2011': 10 }, 'class-a': { '2011': 6 }, 'class-b': { '2011': 5 } },
      {},
      [['error', 'partsAboveWhole', 'total', '2011']],
    ],
    [
      'the classes sum below the whole',
      { total: { '2011': 10 }, 'class-a': { '2011': 4 }, 'class-b': { '2011': 5 } },
      {},
      [['warning', 'partsBelowWhole', 'total', '2011']],
    ],
    [
      'more are admitted than introduced',
      { introduced: { '2012': 3 }, admitted: { '2012': 4 } },
      {},
      [['warning', 'aboveLimit', 'admitted', '2012']],
    ],
    [
      'an "at most" rate is above its target',
      { total: { '2013': 10 }, 'class-b': { '2013': 3 } },
      { 'class-b-rate': 20 },
      [['warning', 'missesTarget', 'class-b-rate', '2013']],
    ],
    ['a target is typed for a count', { total: { '2011': 10 } }, { total: 5 }, []],
  ])('finds the issues when %s', (_, cells, targets, expected) => {
    expect(issues(stats(cells, targets), template).map(brief)).toEqual(expected);
  });

  it.each<[string, number, number, number]>([
    ['does not flag', 100, 120, 20],
    ['flags', 100, 121, 20],
    ['flags', 100, 79, 20],
    ['does not flag', 100, 200, 100],
    ['flags', 100, 201, 100],
  ])(
    '%s a change from %d to %d with a threshold of %d percent',
    (verdict, previous, current, changeWarningPercent) => {
      const custom = makeAppendixTemplate({ changeWarningPercent });
      const found = issues(stats({ total: { '2011': previous, '2012': current } }), custom);
      expect(found.map(brief)).toEqual(
        verdict === 'flags' ? [['warning', 'bigChange', 'total', '2012']] : [],
      );
    },
  );

  it('evaluates only the years of the template', () => {
    const answers = stats({ total: { '2009': -1, '2014': 'x', '2011': 5 } });
    expect(issues(answers, template)).toEqual([]);
    expect(rowOf(answers, 'total', template).values).toEqual({
      '2011': 5,
      '2012': null,
      '2013': null,
    });
  });

  it('reads a table answer it cannot parse as an empty table', () => {
    expect(readIndicatorTable({ cells: { total: { '2011': true } } })).toEqual(
      makeIndicatorTable(),
    );
    expect(readIndicatorTable(undefined)).toEqual(makeIndicatorTable());
  });
});

describe('templateSchema on indicator tables', () => {
  const messagesOf = (input: unknown) => {
    const result = templateSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };
  const withTable = (table: Partial<IndicatorTableInput>) =>
    makeTemplateInput({
      reviewYears: ['2011', '2012', '2013'],
      steps: [documentInfoStep(), appendixStep(table)],
    });
  const base = appendixStep().criteria[0] as IndicatorTableInput;

  it('accepts the small appendix', () => {
    expect(messagesOf(withTable({}))).toEqual([]);
  });

  it.each<[string, Partial<IndicatorTableInput>, string[]]>([
    [
      'a rate over an unknown indicator',
      {
        indicators: [
          ...base.indicators,
          {
            id: 'ghost-rate',
            label: 'Tỷ lệ',
            unit: 'percent',
            computed: { numerator: ['ghost'], denominator: ['total'] },
          },
        ],
      },
      ['"stats-table" refers to unknown indicator "ghost"'],
    ],
    [
      'a rate over a computed indicator',
      {
        indicators: [
          ...base.indicators,
          {
            id: 'rate-of-rate',
            label: 'Tỷ lệ của tỷ lệ',
            unit: 'percent',
            computed: { numerator: ['part'], denominator: ['part-rate'] },
          },
        ],
      },
      ['"stats-table" refers to computed indicator "part-rate"'],
    ],
    [
      'a rule on an unknown indicator',
      { rules: [{ kind: 'partOfWhole', part: 'part', whole: ['total', 'ghost'] }] },
      ['"stats-table" refers to unknown indicator "ghost"'],
    ],
    [
      'a rule on a computed indicator',
      { rules: [{ kind: 'notAboveWarning', value: 'part-rate', limit: 'total' }] },
      ['"stats-table" refers to computed indicator "part-rate"'],
    ],
    [
      'a rule whose whole is computed',
      { rules: [{ kind: 'partsMakeWhole', parts: ['class-a', 'class-b'], whole: 'class-b-rate' }] },
      ['"stats-table" refers to computed indicator "class-b-rate"'],
    ],
    [
      'two indicators with one id',
      {
        indicators: [...base.indicators, { id: 'total', label: 'Tổng số lần hai', unit: 'count' }],
      },
      ['duplicate indicator id "total"'],
    ],
    [
      'an indicator with the id of a criterion',
      { indicators: [...base.indicators, { id: 'place', label: 'Địa danh', unit: 'count' }] },
      ['duplicate indicator id "place"'],
    ],
  ])('rejects %s', (_, table, messages) => {
    expect(messagesOf(withTable(table))).toEqual(messages);
  });

  it('rejects an indicator id used again in another table', () => {
    const other = appendixStep({
      id: 'other-table',
      indicators: [{ id: 'total', label: 'Tổng số', unit: 'count' }],
      rules: [],
    });
    const input = makeTemplateInput({
      reviewYears: ['2011'],
      steps: [documentInfoStep(), appendixStep(), { ...other, id: 'appendix-other' }],
    });
    expect(messagesOf(input)).toEqual(['duplicate indicator id "total"']);
  });

  it('accepts rules across tables', () => {
    const other = appendixStep({
      id: 'other-table',
      indicators: [{ id: 'members', label: 'Đoàn viên', unit: 'count' }],
      rules: [{ kind: 'partOfWhole', part: 'members', whole: ['total'] }],
    });
    const input = makeTemplateInput({
      reviewYears: ['2011'],
      steps: [documentInfoStep(), appendixStep(), { ...other, id: 'appendix-other' }],
    });
    expect(messagesOf(input)).toEqual([]);
  });

  it('rejects indicator tables without review years', () => {
    const input = makeTemplateInput({ steps: [documentInfoStep(), appendixStep()] });
    expect(messagesOf(input)).toEqual(['indicator tables need reviewYears']);
  });

  it.each<[string, unknown]>([
    ['an empty list', []],
    ['a year that is not four digits', ['13']],
  ])('rejects review years given as %s', (_, reviewYears) => {
    const input = { ...withTable({}), reviewYears };
    expect(messagesOf(input).length).toBeGreaterThan(0);
  });

  it('accepts a template without indicator tables and without review years', () => {
    expect(messagesOf(makeTemplateInput())).toEqual([]);
  });
});

describe('the progress of an appendix step', () => {
  const youthStep = stepOf(defaultTemplate, 'appendix-youth');
  const good = { 'youth-total': { '2009': 1000 }, 'youth-gathered': { '2009': 600 } };
  const bad = { 'youth-total': { '2009': 1000 }, 'youth-gathered': { '2009': 1200 } };
  const jump = { 'youth-total': { '2009': 1000, '2010': 2000 } };

  it.each<[StepState, string, IndicatorTableValue | undefined, string | null]>([
    ['notStarted', 'nothing is typed', undefined, null],
    ['notStarted', 'the table is empty', table({}), null],
    ['inProgress', 'values are typed but not marked complete', table(good), 'notMarkedComplete'],
    [
      'inProgress',
      'only a target is typed',
      table({}, { 'youth-gathered-rate': 70 }),
      'notMarkedComplete',
    ],
    [
      'complete',
      'it is marked complete without an error',
      table(good, {}, { isMarkedComplete: true }),
      null,
    ],
    [
      'complete',
      'it is marked complete with only a warning',
      table(jump, {}, { isMarkedComplete: true }),
      null,
    ],
    [
      'complete',
      'an empty table is marked complete',
      table({}, {}, { isMarkedComplete: true }),
      null,
    ],
    ['hasErrors', 'a value breaks a rule', table(bad), 'appendixError'],
    [
      'hasErrors',
      'it is marked complete but a value breaks a rule',
      table(bad, {}, { isMarkedComplete: true }),
      'appendixError',
    ],
    [
      'hasErrors',
      'a target is not a number',
      table(good, { 'youth-gathered-rate': 'abc' }),
      'appendixError',
    ],
  ])('is %s when %s', (state, _, value, code) => {
    const answers: Answers = value === undefined ? {} : { 'youth-table': value };
    const evaluation = evaluateAppendix(defaultTemplate, answers);
    expect(stepState(youthStep, answers, evaluation)).toBe(state);
    expect(validateStep(youthStep, answers, evaluation)).toEqual(
      code === null ? [] : [{ stepId: 'appendix-youth', criterionId: 'youth-table', code }],
    );
    expect(reportProgress(defaultTemplate, answers).steps).toContainEqual({
      stepId: 'appendix-youth',
      state,
    });
  });

  it('puts an error across tables on the step of the table that holds the rule', () => {
    const answers: Answers = {
      'organisations-table': table(
        { 'org-unions': { '2011': 20 }, 'org-grassroots-branches': { '2011': 30 } },
        {},
        { isMarkedComplete: true },
      ),
      'union-ratings-table': table({ 'ur-rated': { '2011': 60 } }, {}, { isMarkedComplete: true }),
    };
    const { steps, issues: found, isComplete } = reportProgress(defaultTemplate, answers);
    expect(steps).toContainEqual({ stepId: 'appendix-organisations', state: 'complete' });
    expect(steps).toContainEqual({ stepId: 'appendix-union-ratings', state: 'hasErrors' });
    expect(found).toContainEqual({
      stepId: 'appendix-union-ratings',
      criterionId: 'union-ratings-table',
      code: 'appendixError',
    });
    expect(isComplete).toBe(false);
  });

  it('checks only the mark when no evaluation is given', () => {
    expect(validateStep(youthStep, { 'youth-table': table(bad) })).toEqual([
      { stepId: 'appendix-youth', criterionId: 'youth-table', code: 'notMarkedComplete' },
    ]);
  });
});

describe('appendixIssueMessage', () => {
  const answers: Answers = {
    'youth-table': table(
      {
        'youth-total': { '2009': 1000, '2010': 1600, '2011': 'mười', '2012': -5, '2013': 12.5 },
        'youth-gathered': { '2009': 600, '2010': 2000 },
        'custom-share': { '2010': 125 },
      },
      { 'youth-gathered-rate': 70 },
      { custom: [{ id: 'custom-share', label: 'Tỷ lệ thanh niên có việc làm', kind: 'percent' }] },
    ),
    'organisations-table': table({
      'org-unions': { '2011': 20 },
      'org-grassroots-branches': { '2011': 30 },
    }),
    'union-ratings-table': table(
      {
        'ur-rated': { '2011': 60, '2012': 50, '2013': 50 },
        'ur-strong': { '2011': 20, '2012': 20 },
        'ur-good': { '2011': 20, '2012': 20 },
        'ur-average': { '2011': 10, '2012': 5 },
        'ur-weak': { '2011': 12, '2012': 1, '2013': 10 },
      },
      { 'ur-weak-share': 10, 'ur-top-share': 'abc' },
    ),
    'party-table': table({
      'party-introduced': { '2012': 10 },
      'party-admitted': { '2012': 12 },
    }),
  };
  const evaluation = evaluateAppendix(defaultTemplate, answers);
  const byKey = new Map(evaluation.issues.map((issue) => [issue.key, issue]));
  // Custom rows are named like the template's own.
  const labelOf = (id: string) => evaluation.indicators.get(id)!.label;
  const unitOf = (id: string) => evaluation.indicators.get(id)!.unit;

  it.each<[string, string]>([
    [
      'notANumber:youth-total:2011',
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2011: không đọc được thành số.',
    ],
    [
      'negative:youth-total:2012',
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2012: không được là số âm.',
    ],
    [
      'notWholeNumber:youth-total:2013',
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2013: phải là số nguyên (đang là 12,5).',
    ],
    [
      'rateAbove100:custom-share:2010',
      'Tỷ lệ thanh niên có việc làm, năm 2010: tỷ lệ 125,0% vượt quá 100%.',
    ],
    [
      'partAboveWhole:youth-gathered:2010',
      'Tổng số thanh niên được tập hợp, năm 2010: 2.000 lớn hơn Thanh niên từ 16 đến 30 tuổi trên địa bàn (1.600).',
    ],
    [
      'partAboveWhole:ur-rated:2011',
      'Số cơ sở Đoàn được xếp loại, năm 2011: 60 lớn hơn Đoàn cơ sở + Chi đoàn cơ sở (50).',
    ],
    [
      'partsAboveWhole:ur-rated:2011',
      'Số cơ sở Đoàn được xếp loại, năm 2011: tổng Vững mạnh + Khá + Trung bình + Yếu là 62, lớn hơn 60.',
    ],
    [
      'partsBelowWhole:ur-rated:2012',
      'Số cơ sở Đoàn được xếp loại, năm 2012: tổng Vững mạnh + Khá + Trung bình + Yếu là 46, nhỏ hơn 50.',
    ],
    [
      'partAboveWhole:party-admitted:2012',
      'Trong đó được kết nạp Đảng, năm 2012: 12 lớn hơn Đoàn viên ưu tú được giới thiệu cho Đảng (10).',
    ],
    [
      'bigChange:youth-total:2010',
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2010: tăng 60% so với năm 2009 (1.000 → 1.600).',
    ],
    ['bigChange:ur-weak:2012', 'Yếu, năm 2012: giảm 92% so với năm 2011 (12 → 1).'],
    ['missesTarget:ur-weak-share:2013', 'Tỷ lệ yếu, năm 2013: 20,0% chưa đạt chỉ tiêu 10,0%.'],
    [
      'notANumber:ur-top-share:target',
      'Tỷ lệ vững mạnh và khá, chỉ tiêu: không đọc được thành số.',
    ],
  ])('says %s as one sentence naming the indicator and the year', (key, expected) => {
    const issue = byKey.get(key);
    expect(issue).toBeDefined();
    expect(appendixIssueMessage(issue!, labelOf, unitOf)).toBe(expected);
  });

  it('has a sentence for every issue found, each naming its year or the target', () => {
    expect(byKey.size).toBeGreaterThanOrEqual(14);
    for (const issue of byKey.values()) {
      const message = appendixIssueMessage(issue, labelOf, unitOf);
      expect(message.startsWith(`${labelOf(issue.indicatorId)}, `)).toBe(true);
      expect(message).toContain(issue.year === null ? ', chỉ tiêu: ' : `, năm ${issue.year}: `);
      expect(message).toMatch(/\.$/);
    }
  });
});

describe('a rate above 100%', () => {
  // Issue 12: admitted among introduced is "part of": it used to be a warning and print
  // 120% as "Vượt".
  it('is neither shown nor "Vượt" when its numerator is part of its denominator', () => {
    const answers: Answers = {
      'party-table': table(
        { 'party-introduced': { '2013': 10 }, 'party-admitted': { '2013': 12 } },
        { 'party-admitted-rate': 80 },
      ),
    };
    expect(issues(answers).map(brief)).toEqual([
      ['error', 'partAboveWhole', 'party-admitted', '2013'],
    ]);
    const row = rowOf(answers, 'party-admitted-rate');
    expect(row.values['2013']).toBeNull();
    expect(row.status).toBeNull();
  });

  it('is an error where no rule makes its numerator part of its denominator', () => {
    const template = makeAppendixTemplate({ rules: [] });
    const answers = { 'stats-table': table({ total: { '2012': 10 }, part: { '2012': 12 } }) };
    expect(issues(answers, template).map(brief)).toEqual([
      ['error', 'rateAbove100', 'part-rate', '2012'],
    ]);
    expect(rowOf(answers, 'part-rate', template).values['2012']).toBe(120);
  });

  it('is only the warning of a template that allows its numerator above its denominator', () => {
    const template = makeAppendixTemplate({
      rules: [{ kind: 'notAboveWarning', value: 'part', limit: 'total' }],
    });
    const answers = { 'stats-table': table({ total: { '2012': 10 }, part: { '2012': 12 } }) };
    expect(issues(answers, template).map(brief)).toEqual([
      ['warning', 'aboveLimit', 'part', '2012'],
    ]);
    expect(rowOf(answers, 'part-rate', template).values['2012']).toBe(120);
  });
});
