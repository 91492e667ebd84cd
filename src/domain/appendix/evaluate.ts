// The statistics appendix, evaluated: typed values read, rates computed, targets
// compared, and the rules of the template checked year by year. Pure and fast (the
// whole appendix in well under 5 ms), so the UI re-runs it on every keystroke and the
// server can run it on a submission.
//
// Errors block marking a table complete, never saving. Warnings are flagged and may
// carry a note written by the unit (stored in the table's answer under the issue key).
import { z } from 'zod';
import { safeKeySchema } from '@/domain/report/safe-key';
import type {
  CriterionOf,
  Indicator,
  IndicatorRule,
  Template,
} from '@/domain/template/template-schema';

export const cellValueSchema = z.union([z.number(), z.string().max(200)]);
export type CellValue = z.infer<typeof cellValueSchema>;

export const CUSTOM_LABEL_MAX = 200;
export const CUSTOM_ROWS_MAX = 50;
export const SOURCE_MAX = 2000;

// A row the unit adds to a table ("Chỉ tiêu khác"): a count, a percentage typed as such,
// or a rate of two count rows of the same table. Its values and target live in the
// table's cells and targets under its id, like a built-in row's; it prints after them.
export const customRowSchema = z.object({
  id: safeKeySchema,
  label: z.string().max(CUSTOM_LABEL_MAX),
  kind: z.enum(['count', 'percent', 'rate']),
  // The ids of the rate's rows (built-in or custom counts of the same table).
  numerator: safeKeySchema.optional(),
  denominator: safeKeySchema.optional(),
  target: z.enum(['atLeast', 'atMost']).optional(),
});
export type CustomRow = z.infer<typeof customRowSchema>;

const yearSchema = z.string().regex(/^\d{4}$/);

// A number is stored as a number; text that does not read as one is kept as typed.
export const indicatorTableValueSchema = z.object({
  cells: z.record(safeKeySchema, z.record(safeKeySchema, cellValueSchema)),
  targets: z.record(safeKeySchema, cellValueSchema),
  // The year a target is for, when not the last review year. Absent in tables saved
  // before it existed, as is `custom`: a file or submission is read back unchanged.
  targetYears: z.record(safeKeySchema, yearSchema).optional(),
  notes: z.record(safeKeySchema, z.string().max(2000)),
  custom: z.array(customRowSchema).max(CUSTOM_ROWS_MAX).optional(),
  // Where the figures come from, printed under the table: the province's consolidation
  // ("Tổng hợp 6/7 đơn vị — thiếu: …", domain/rollup/province-report.ts). Units never set it.
  source: z.string().max(SOURCE_MAX).optional(),
  isMarkedComplete: z.boolean(),
});
export type IndicatorTableValue = z.infer<typeof indicatorTableValueSchema>;

export function emptyIndicatorTable(): IndicatorTableValue {
  return { cells: {}, targets: {}, notes: {}, isMarkedComplete: false };
}

export const APPENDIX_ISSUE_CODES = [
  'notANumber',
  'notWholeNumber',
  'negative',
  'rateAbove100',
  'partAboveWhole',
  'partsAboveWhole',
  'partsBelowWhole',
  'aboveLimit',
  'bigChange',
  'missesTarget',
  // A custom row without its label, or a custom rate without both of its rows.
  'customLabelMissing',
  'customRateRows',
] as const;
export type AppendixIssueCode = (typeof APPENDIX_ISSUE_CODES)[number];

export type AppendixIssue = {
  severity: 'error' | 'warning';
  code: AppendixIssueCode;
  stepId: string;
  criterionId: string;
  indicatorId: string;
  // null for the target column (and for a custom row's definition).
  year: string | null;
  // Stable key; a warning's note is stored under it.
  key: string;
  value: number | null;
  // The other side of the comparison (a whole, a limit, a previous year, a target).
  other: { value: number; indicatorIds: string[]; year: string | null } | null;
};

export type TargetStatus = 'met' | 'notMet' | 'exceeded';

// How far a year before the target's year has come toward it: the value as a share of
// an "at least" target (null for "at most" targets), and whether it already meets it.
export type TargetProgress = { year: string; percent: number | null; isMet: boolean };

export type IndicatorRow = {
  indicator: Indicator;
  isCustom: boolean;
  values: Record<string, number | null>;
  target: number | null;
  // The year the target is for (the last review year unless the unit chose another);
  // null without a target.
  targetYear: string | null;
  // The status in the target's year, once it has a value.
  status: TargetStatus | null;
  // Progress in the latest earlier year with a value, while the target's year has none.
  progress: TargetProgress | null;
};

export type AppendixTable = {
  stepId: string;
  criterionId: string;
  title: string;
  // The table's `source` line, when it has one.
  source: string | null;
  rows: IndicatorRow[];
};

// The last review year when the report is written before it ends (a report of
// September 2013 covers 2013 up to August). untilMonth is null when the report's month
// is not known yet.
export type PartialYear = { year: string; untilMonth: number | null };

export type AppendixEvaluation = {
  years: readonly string[];
  partialYear: PartialYear | null;
  tables: AppendixTable[];
  issues: AppendixIssue[];
  // Every indicator of the template and every custom row by id, to name and format the
  // indicators of an issue.
  indicators: ReadonlyMap<string, Indicator>;
};

type Located = { stepId: string; criterionId: string; indicator: Indicator };

// Table answers are never changed in place (a change makes a new object), and each is
// read several times for every keystroke (the rules, the step states, the checks): the
// parse of each object is kept while the object lives. Callers never change the result.
const parsedTables = new WeakMap<object, IndicatorTableValue | undefined>();

// The stored value if it has a table's shape, else undefined.
export function parseIndicatorTable(raw: unknown): IndicatorTableValue | undefined {
  if (raw === null || typeof raw !== 'object') {
    const parsed = indicatorTableValueSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }
  if (parsedTables.has(raw)) return parsedTables.get(raw);
  const parsed = indicatorTableValueSchema.safeParse(raw);
  const value = parsed.success ? parsed.data : undefined;
  parsedTables.set(raw, value);
  return value;
}

export function readIndicatorTable(raw: unknown): IndicatorTableValue {
  return parseIndicatorTable(raw) ?? emptyIndicatorTable();
}

export function isIndicatorTableEmpty(value: IndicatorTableValue): boolean {
  const hasCell = Object.values(value.cells).some((row) => Object.keys(row).length > 0);
  return (
    !hasCell &&
    Object.keys(value.targets).length === 0 &&
    Object.keys(value.notes).length === 0 &&
    (value.custom ?? []).length === 0 &&
    !value.isMarkedComplete
  );
}

// A custom row as the indicator it behaves like. A rate whose rows are not both chosen
// (or no longer exist) computes nothing.
export function customIndicator(row: CustomRow, countIds: ReadonlySet<string>): Indicator {
  const hasRows =
    row.numerator !== undefined &&
    row.denominator !== undefined &&
    countIds.has(row.numerator) &&
    countIds.has(row.denominator);
  return {
    id: row.id,
    label: row.label.trim(),
    unit: row.kind === 'count' ? 'count' : 'percent',
    ...(row.kind === 'rate' && hasRows
      ? { computed: { numerator: [row.numerator!], denominator: [row.denominator!] } }
      : {}),
    ...(row.target ? { target: row.target } : {}),
    optional: true,
  };
}

// The rows of a table: the template's, then the unit's own (those whose id is taken by
// another row are left out). Count rows a custom rate may use are the table's typed counts.
export function tableIndicators(
  criterion: CriterionOf<'indicatorTable'>,
  value: IndicatorTableValue,
  taken: ReadonlySet<string> = new Set(),
): { indicator: Indicator; custom: CustomRow | null }[] {
  const own = criterion.indicators.map((indicator) => ({ indicator, custom: null }));
  const ids = new Set([...taken, ...criterion.indicators.map((indicator) => indicator.id)]);
  const usable = (value.custom ?? []).filter((row) => {
    if (ids.has(row.id)) return false;
    ids.add(row.id);
    return true;
  });
  const countIds = new Set([
    ...criterion.indicators.filter((i) => !i.computed && i.unit === 'count').map((i) => i.id),
    ...usable.filter((row) => row.kind === 'count').map((row) => row.id),
  ]);
  return [
    ...own,
    ...usable.map((row) => ({ indicator: customIndicator(row, countIds), custom: row })),
  ];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

// A rate above 100% is an error, unless the template made "numerator above
// denominator" a warning (e.g. admitted to the Party this year from introductions of
// the year before): then the warning speaks for it.
function isWarnedAbove(rules: readonly IndicatorRule[], indicator: Indicator): boolean {
  const computed = indicator.computed;
  if (!computed || computed.numerator.length !== 1 || computed.denominator.length !== 1)
    return false;
  return rules.some(
    (rule) =>
      rule.kind === 'notAboveWarning' &&
      rule.value === computed.numerator[0] &&
      rule.limit === computed.denominator[0],
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

// Whether the template says the rate's numerator is part of its denominator ("trong
// đó", rating classes among those rated, admitted among introduced): then it can never
// pass 100%, and a value that would is the part's error, not a rate.
export function isPartRate(rules: readonly IndicatorRule[], indicator: Indicator): boolean {
  const computed = indicator.computed;
  if (!computed) return false;
  return rules.some((rule) => {
    if (rule.kind === 'partOfWhole')
      return (
        computed.numerator.length === 1 &&
        computed.numerator[0] === rule.part &&
        sameSet(computed.denominator, rule.whole)
      );
    if (rule.kind === 'partsMakeWhole')
      return (
        computed.denominator.length === 1 &&
        computed.denominator[0] === rule.whole &&
        computed.numerator.every((id) => rule.parts.includes(id))
      );
    return false;
  });
}

// The report's date decides whether the last review year is partial: a template whose
// last year runs to the report's date, and a report dated within that year.
export function partialYearOf(
  template: Template,
  answers: Record<string, unknown>,
): PartialYear | null {
  const year = template.reviewYears.at(-1);
  if (!template.partialLastYear || year === undefined) return null;
  const dateId = template.documentFields.date;
  const date = dateId ? answers[dateId] : undefined;
  const read = (key: 'month' | 'year') => {
    const text =
      date && typeof date === 'object' ? (date as Record<string, unknown>)[key] : undefined;
    return typeof text === 'string' && /^\d{1,4}$/.test(text.trim()) ? Number(text) : null;
  };
  const reportYear = read('year');
  if (reportYear !== null && reportYear > Number(year)) return null;
  const month = read('month');
  const untilMonth =
    reportYear === Number(year) && month !== null && month >= 2 && month <= 12 ? month - 1 : null;
  return { year, untilMonth };
}

export function evaluateAppendix(
  template: Template,
  answers: Record<string, unknown>,
): AppendixEvaluation {
  const years = template.reviewYears;
  const lastYear = years.at(-1) ?? null;
  const partialYear = partialYearOf(template, answers);
  const located = new Map<string, Located>();
  const indicators = new Map<string, Indicator>();
  for (const step of template.steps)
    for (const criterion of step.criteria)
      if (criterion.kind === 'indicatorTable')
        for (const indicator of criterion.indicators) indicators.set(indicator.id, indicator);
  const taken = new Set(indicators.keys());
  const tables: {
    stepId: string;
    criterion: CriterionOf<'indicatorTable'>;
    value: IndicatorTableValue;
    rows: { indicator: Indicator; custom: CustomRow | null }[];
  }[] = [];
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (criterion.kind !== 'indicatorTable') continue;
      const value = readIndicatorTable(answers[criterion.id]);
      const rows = tableIndicators(criterion, value, taken);
      tables.push({ stepId: step.id, criterion, value, rows });
      for (const { indicator, custom } of rows) {
        located.set(indicator.id, { stepId: step.id, criterionId: criterion.id, indicator });
        if (!custom) continue;
        indicators.set(indicator.id, indicator);
        taken.add(indicator.id);
      }
    }
  }

  const issues: AppendixIssue[] = [];
  const typed = new Map<string, Record<string, number | null>>();

  const push = (
    severity: AppendixIssue['severity'],
    code: AppendixIssueCode,
    indicatorId: string,
    year: string | null,
    value: number | null,
    other: AppendixIssue['other'] = null,
  ) => {
    const where = located.get(indicatorId);
    if (!where) return;
    issues.push({
      severity,
      code,
      stepId: where.stepId,
      criterionId: where.criterionId,
      indicatorId,
      year,
      key: `${code}:${indicatorId}:${year ?? 'target'}`,
      value,
      other,
    });
  };

  const readCell = (
    indicator: Indicator,
    year: string | null,
    raw: CellValue | undefined,
  ): number | null => {
    if (raw === undefined || raw === '') return null;
    if (typeof raw === 'string') {
      push('error', 'notANumber', indicator.id, year, null);
      return null;
    }
    if (!Number.isFinite(raw)) {
      push('error', 'notANumber', indicator.id, year, null);
      return null;
    }
    if (raw < 0) {
      push('error', 'negative', indicator.id, year, raw);
      return null;
    }
    if (indicator.unit === 'count' && year !== null && !Number.isInteger(raw)) {
      push('error', 'notWholeNumber', indicator.id, year, raw);
      return null;
    }
    if (indicator.unit === 'percent' && raw > 100) {
      push('error', 'rateAbove100', indicator.id, year, raw);
      return null;
    }
    return raw;
  };

  // 1. Custom rows' definitions, then typed values.
  for (const { rows } of tables) {
    for (const { indicator, custom } of rows) {
      if (!custom) continue;
      if (indicator.label === '') push('error', 'customLabelMissing', indicator.id, null, null);
      if (custom.kind === 'rate' && !indicator.computed)
        push('error', 'customRateRows', indicator.id, null, null);
    }
  }
  for (const { value, rows } of tables) {
    for (const { indicator, custom } of rows) {
      if (indicator.computed || custom?.kind === 'rate') continue;
      const row: Record<string, number | null> = {};
      for (const year of years)
        row[year] = readCell(indicator, year, value.cells[indicator.id]?.[year]);
      typed.set(indicator.id, row);
    }
  }

  const sumOf = (ids: readonly string[], year: string): number | null => {
    let total = 0;
    for (const id of ids) {
      const v = typed.get(id)?.[year];
      if (v === null || v === undefined) return null;
      total += v;
    }
    return total;
  };

  // 2. Computed rates, targets and their status in the target's year.
  const result: AppendixTable[] = tables.map(({ stepId, criterion, value, rows }) => ({
    stepId,
    criterionId: criterion.id,
    title: criterion.label,
    source: value.source?.trim() || null,
    rows: rows.map(({ indicator, custom }) => {
      let values: Record<string, number | null> = {};
      if (indicator.computed) {
        const isPart = isPartRate(criterion.rules, indicator);
        for (const year of years) {
          const numerator = sumOf(indicator.computed.numerator, year);
          const denominator = sumOf(indicator.computed.denominator, year);
          let rate =
            numerator === null || !denominator ? null : round((numerator / denominator) * 100);
          // The part's own error names the rows; the impossible rate is not shown.
          if (rate !== null && rate > 100 && isPart) rate = null;
          values[year] = rate;
          if (
            rate !== null &&
            rate > 100 &&
            !custom &&
            !isWarnedAbove(criterion.rules, indicator)
          ) {
            push('error', 'rateAbove100', indicator.id, year, rate);
          }
        }
      } else if (custom?.kind === 'rate') {
        for (const year of years) values[year] = null;
      } else {
        values = typed.get(indicator.id) ?? {};
      }
      const target = indicator.target
        ? readCell(indicator, null, value.targets[indicator.id])
        : null;
      const chosenYear = value.targetYears?.[indicator.id];
      const targetYear = indicator.target
        ? chosenYear !== undefined && years.includes(chosenYear)
          ? chosenYear
          : lastYear
        : null;
      let status: TargetStatus | null = null;
      let progress: TargetProgress | null = null;
      if (indicator.target && target !== null && targetYear !== null) {
        const meets = (v: number) => (indicator.target === 'atLeast' ? v >= target : v <= target);
        const current = values[targetYear];
        if (current !== null && current !== undefined) {
          if (indicator.target === 'atLeast')
            status = current > target ? 'exceeded' : current === target ? 'met' : 'notMet';
          else status = current <= target ? 'met' : 'notMet';
          if (!meets(current))
            push('warning', 'missesTarget', indicator.id, targetYear, current, {
              value: target,
              indicatorIds: [],
              year: null,
            });
        } else {
          const earlier = years
            .slice(0, years.indexOf(targetYear))
            .reverse()
            .find((year) => values[year] !== null && values[year] !== undefined);
          if (earlier !== undefined) {
            const v = values[earlier]!;
            progress = {
              year: earlier,
              percent:
                indicator.target === 'atLeast' && target > 0
                  ? Math.round((v / target) * 1000) / 10
                  : null,
              isMet: meets(v),
            };
          }
        }
      }
      return { indicator, isCustom: custom !== null, values, target, targetYear, status, progress };
    }),
  }));

  // 3. Rules across indicators, year by year.
  for (const { criterion, rows } of tables) {
    for (const rule of criterion.rules) {
      for (const year of years) {
        if (rule.kind === 'partOfWhole') {
          const part = typed.get(rule.part)?.[year] ?? null;
          const whole = sumOf(rule.whole, year);
          if (part !== null && whole !== null && part > whole) {
            push('error', 'partAboveWhole', rule.part, year, part, {
              value: whole,
              indicatorIds: rule.whole,
              year,
            });
          }
        } else if (rule.kind === 'partsMakeWhole') {
          const whole = typed.get(rule.whole)?.[year] ?? null;
          const parts = rule.parts.map((id) => typed.get(id)?.[year] ?? null);
          const filled = parts.filter((v): v is number => v !== null);
          const sum = filled.reduce((a, b) => a + b, 0);
          if (whole === null || filled.length === 0) continue;
          if (sum > whole) {
            push('error', 'partsAboveWhole', rule.whole, year, sum, {
              value: whole,
              indicatorIds: rule.parts,
              year,
            });
          } else if (filled.length === parts.length && sum < whole) {
            push('warning', 'partsBelowWhole', rule.whole, year, sum, {
              value: whole,
              indicatorIds: rule.parts,
              year,
            });
          }
        } else {
          const value = typed.get(rule.value)?.[year] ?? null;
          const limit = typed.get(rule.limit)?.[year] ?? null;
          if (value !== null && limit !== null && value > limit) {
            push('warning', 'aboveLimit', rule.value, year, value, {
              value: limit,
              indicatorIds: [rule.limit],
              year,
            });
          }
        }
      }
    }
    // A change of more than changeWarningPercent from the previous year. What flows in a
    // year (admitted, trained…) is not compared while the year is partial; stocks are.
    for (const { indicator } of rows) {
      if (indicator.computed || indicator.unit !== 'count') continue;
      const row = typed.get(indicator.id);
      if (!row) continue;
      for (let i = 1; i < years.length; i += 1) {
        if (indicator.measure === 'flow' && years[i] === partialYear?.year) continue;
        const previous = row[years[i - 1]!];
        const current = row[years[i]!];
        if (
          previous === null ||
          previous === undefined ||
          current === null ||
          current === undefined ||
          previous === 0
        )
          continue;
        const change = (Math.abs(current - previous) / previous) * 100;
        if (change > criterion.changeWarningPercent) {
          push('warning', 'bigChange', indicator.id, years[i]!, current, {
            value: previous,
            indicatorIds: [],
            year: years[i - 1]!,
          });
        }
      }
    }
  }

  return { years, partialYear, tables: result, issues, indicators };
}

export function issuesOf(evaluation: AppendixEvaluation, criterionId: string): AppendixIssue[] {
  return evaluation.issues.filter((issue) => issue.criterionId === criterionId);
}
