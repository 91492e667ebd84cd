import { describe, expect, it } from 'vitest';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { figureKind, rollUp, type Rollup } from '@/domain/rollup/rollup';
import { templateUnits, unitKeyOf } from '@/domain/rollup/units';
import { parseTemplate, type TemplateInput } from '@/domain/template/template-schema';
import { soKet5NamNq01BacLieu } from '@/templates/so-ket-5-nam-nq01-bac-lieu.template';
import { defaultTemplate } from '@/templates/template-registry';
import { mulberry32 } from '../fixtures/random';
import {
  acceptedUnits,
  appendixAnswers,
  indicatorTables,
  simpleCell,
  type CellMaker,
} from '../fixtures/rollup-units';

const template = defaultTemplate;
const units = templateUnits(template);

function row(rollup: Rollup, indicatorId: string) {
  for (const table of rollup.tables) {
    const found = table.rows.find((r) => r.indicator.id === indicatorId);
    if (found) return found;
  }
  throw new Error(`no row ${indicatorId}`);
}

describe('the province roll-up', () => {
  it('declares every typed count of the template as a stock or a flow on purpose', () => {
    const flows = indicatorTables(template)
      .flatMap((t) => t.indicators)
      .filter((i) => figureKind(i) === 'flow')
      .map((i) => i.id);
    expect(flows).toEqual([
      'org-new',
      'cad-trained',
      'cad-courses',
      'cad-attendees',
      'cad-contests',
      // Issue 12's indicators that happen within a year.
      'cad-commune-rotated',
      'cad-trained-union-secretaries',
      'cad-trained-branch-secretaries',
      'mem-admitted',
      'party-introduced',
      'party-admitted',
      'party-new-total',
    ]);
  });

  it('sums a stock per year and takes its last year for the period', () => {
    const rollup = rollUp(template, units, acceptedUnits(template, units));
    const total = row(rollup, 'youth-total');
    // 100 × (1 + … + 7) + 7 × year index
    expect(total.years['2009']!.value).toBe(2800);
    expect(total.years['2013']!.value).toBe(2828);
    expect(total.period!.value).toBe(2828);
    expect(total.years['2009']!.parts.map((p) => p.value)).toEqual([
      100, 200, 300, 400, 500, 600, 700,
    ]);
    expect(rollup.coverage.missing).toEqual([]);
  });

  it('sums a flow per year and over the period', () => {
    const rollup = rollUp(template, units, acceptedUnits(template, units));
    const founded = row(rollup, 'org-new');
    expect(founded.years['2009']!.value).toBe(56);
    expect(founded.period!.value).toBe(56 * 5 + 7 * (0 + 1 + 2 + 3 + 4));
  });

  it('recomputes a rate as Σ numerator / Σ denominator, never an average of rates', () => {
    const rollup = rollUp(template, units, acceptedUnits(template, units));
    const rate = row(rollup, 'youth-gathered-rate');
    expect(rate.years['2009']!.value).toBe(60);
    expect(rate.years['2009']!.numerator).toBe(1680);
    expect(rate.years['2009']!.denominator).toBe(2800);
    // Party admissions are flows: the period's rate is over the five years' sums.
    const admitted = row(rollup, 'party-admitted-rate');
    const introduced = 280 * 5 + 70;
    const admittedSum = 168 * 5 + 70;
    expect(admitted.period!.value).toBeCloseTo((admittedSum / introduced) * 100, 5);
    // A stock's share over the period is its last year's.
    const strong = row(rollup, 'ur-strong-share');
    expect(strong.period!.value).toBe(strong.years['2013']!.value);
  });

  it('leaves a total with a blank cell "chưa đủ", naming the unit, never summing it as 0', () => {
    const cell: CellMaker = (unitIndex, id, yearIndex) =>
      unitIndex === 2 && id === 'youth-clubs' && yearIndex === 2
        ? null
        : simpleCell(unitIndex, id, yearIndex);
    const rollup = rollUp(template, units, acceptedUnits(template, units, cell));
    const clubs = row(rollup, 'youth-clubs');
    expect(clubs.years['2011']).toMatchObject({
      value: null,
      isComplete: false,
      missingUnits: [units[2]!.name],
      partial: 280 + 14 - 32,
    });
    expect(clubs.years['2010']!.value).toBe(287);
    // A stock's period is its last year, which is complete.
    expect(clubs.period!.value).toBe(308);
  });

  it('names the missing unit and counts against the expected list', () => {
    const accepted = acceptedUnits(template, units).filter(
      (v) => v.unitKey !== 'huyen-doan-dong-hai',
    );
    const rollup = rollUp(template, units, accepted);
    expect(rollup.coverage.expected).toBe(7);
    expect(rollup.coverage.included).toHaveLength(6);
    expect(rollup.coverage.missing.map((u) => u.name)).toEqual(['Huyện Đoàn Đông Hải']);
    expect(row(rollup, 'youth-total').years['2009']!.value).toBe(2800 - 700);
  });

  it('flags a rating distribution whose classes do not add up to the rated total', () => {
    const accepted = acceptedUnits(template, units);
    const first = accepted[0]!.answers['union-ratings-table'] as {
      cells: Record<string, Record<string, number>>;
    };
    first.cells['ur-rated']!['2012'] = first.cells['ur-rated']!['2012']! + 5;
    const rollup = rollUp(template, units, accepted);
    const table = rollup.tables.find((t) => t.criterionId === 'union-ratings-table')!;
    expect(table.distributionIssues).toEqual([
      {
        year: '2012',
        parts: ['ur-strong', 'ur-good', 'ur-average', 'ur-weak'],
        whole: 'ur-rated',
        sumOfParts: 4 * (280 + 21),
        wholeValue: 4 * (280 + 21) + 5,
      },
    ]);
    const branches = rollup.tables.find((t) => t.criterionId === 'branch-ratings-table')!;
    expect(branches.distributionIssues).toEqual([]);
  });

  it('shows a typed percentage per unit with its range, never summed', () => {
    const input = structuredClone(soKet5NamNq01BacLieu) as TemplateInput;
    const youth = input.steps.find((s) => s.id === 'appendix-youth')!.criteria[0]!;
    if (youth.kind !== 'indicatorTable') throw new Error('not a table');
    youth.indicators.push({ id: 'youth-satisfied', label: 'Tỷ lệ hài lòng', unit: 'percent' });
    const withPercent = parseTemplate(input);
    const cell: CellMaker = (unitIndex, id, yearIndex) =>
      id === 'youth-satisfied' ? 50 + unitIndex * 5 : simpleCell(unitIndex, id, yearIndex);
    const rollup = rollUp(withPercent, units, acceptedUnits(withPercent, units, cell));
    const satisfied = row(rollup, 'youth-satisfied');
    expect(satisfied.kind).toBe('typedPercent');
    expect(satisfied.years['2013']).toMatchObject({ value: null, range: { min: 50, max: 80 } });
    expect(satisfied.years['2013']!.parts.map((p) => p.value)).toEqual([
      50, 55, 60, 65, 70, 75, 80,
    ]);
    expect(satisfied.period).toBeNull();
  });

  it('lists the units\' own rows ("Chỉ tiêu khác", the `custom` format) per unit under their label', () => {
    const accepted = acceptedUnits(template, units);
    const youth = (i: number) => accepted[i]!.answers['youth-table'] as IndicatorTableValue;
    // Two units name the same row (case and spacing aside), a third its own; one adds a
    // custom rate of two of its custom counts, one a typed percentage.
    youth(0).custom = [{ id: 'c-workers', label: 'Thanh niên công nhân', kind: 'count' }];
    youth(0).cells['c-workers'] = { '2012': 40, '2013': 42 };
    youth(3).custom = [
      { id: 'x1', label: '  thanh niên  CÔNG NHÂN ', kind: 'count' },
      { id: 'x2', label: 'Thanh niên công nhân được tập hợp', kind: 'count' },
      {
        id: 'x3',
        label: 'Tỷ lệ tập hợp công nhân',
        kind: 'rate',
        numerator: 'x2',
        denominator: 'x1',
      },
    ];
    youth(3).cells.x1 = { '2013': 50 };
    youth(3).cells.x2 = { '2013': 20 };
    youth(5).custom = [{ id: 'p', label: 'Tỷ lệ hài lòng', kind: 'percent' }];
    youth(5).cells.p = { '2013': 75.5 };
    const rollup = rollUp(template, units, accepted);
    const table = rollup.tables.find((t) => t.criterionId === 'youth-table')!;
    const byLabel = new Map(table.customRows.map((g) => [g.label, g.entries]));
    expect([...byLabel.keys()]).toEqual([
      'Thanh niên công nhân',
      'Thanh niên công nhân được tập hợp',
      'Tỷ lệ tập hợp công nhân',
      'Tỷ lệ hài lòng',
    ]);
    const workers = byLabel.get('Thanh niên công nhân')!;
    expect(workers.map((e) => [e.unitName, e.values['2013']])).toEqual([
      [units[0]!.name, 42],
      [units[3]!.name, 50],
    ]);
    expect(workers[0]!.values['2011']).toBeNull();
    expect(byLabel.get('Tỷ lệ tập hợp công nhân')![0]!.values['2013']).toBeCloseTo(40);
    expect(byLabel.get('Tỷ lệ hài lòng')![0]).toMatchObject({ unit: 'percent' });
    // Never summed into the template's rows, which keep their totals.
    const plain = rollUp(template, units, acceptedUnits(template, units));
    expect(table.rows.map((r) => r.years)).toEqual(
      plain.tables.find((t) => t.criterionId === 'youth-table')!.rows.map((r) => r.years),
    );
  });

  it('keeps the target the units share, and none when they differ', () => {
    const accepted = units.map((unit, index) => ({
      unitKey: unit.key,
      fingerprint: 'x',
      answers: appendixAnswers(template, index, simpleCell, { target: index === 0 ? 70 : 80 }),
    }));
    expect(row(rollUp(template, units, accepted), 'youth-gathered-rate').target).toBeNull();
    accepted[0]!.answers = appendixAnswers(template, 0, simpleCell, { target: 80 });
    expect(row(rollUp(template, units, accepted), 'youth-gathered-rate').target).toBe(80);
  });

  it('keys a unit by its id, or by its name when typed in', () => {
    expect(unitKeyOf({ id: 'huyen-doan-hong-dan', name: 'x' })).toBe('huyen-doan-hong-dan');
    expect(unitKeyOf({ id: null, name: 'Đoàn Khối Doanh nghiệp' })).toBe(
      'ten-doan-khoi-doanh-nghiep',
    );
    expect(unitKeyOf({ id: null, name: 'Đoàn Khối Doanh nghiệp'.normalize('NFD') })).toBe(
      'ten-doan-khoi-doanh-nghiep',
    );
  });

  it('keeps totals equal to the sum of their parts and rates equal to Σ/Σ (random units)', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const random = mulberry32(seed);
      const count = 1 + Math.floor(random() * 9);
      const someUnits = Array.from({ length: count }, (_, i) => ({ key: `u${i}`, name: `U ${i}` }));
      const cell: CellMaker = () => (random() < 0.1 ? null : Math.floor(random() * 500));
      const rollup = rollUp(template, someUnits, acceptedUnits(template, someUnits, cell));
      for (const table of rollup.tables) {
        for (const r of table.rows) {
          for (const c of Object.values(r.years)) {
            const values = c.parts.map((p) => p.value);
            if (r.kind === 'rate') {
              const num = c.parts.map((p) => p.numerator ?? null);
              const den = c.parts.map((p) => p.denominator ?? null);
              if (num.includes(null) || den.includes(null)) {
                expect(c.value).toBeNull();
                continue;
              }
              const n = (num as number[]).reduce((a, b) => a + b, 0);
              const d = (den as number[]).reduce((a, b) => a + b, 0);
              expect(c.numerator).toBe(n);
              expect(c.denominator).toBe(d);
              if (d === 0) expect(c.value).toBeNull();
              else expect(c.value!).toBeCloseTo((n / d) * 100, 5);
            } else if (values.includes(null)) {
              expect(c.value).toBeNull();
              expect(c.missingUnits.length).toBe(values.filter((v) => v === null).length);
            } else {
              expect(c.value).toBe((values as number[]).reduce((a, b) => a + b, 0));
            }
          }
        }
      }
    }
  });
});
