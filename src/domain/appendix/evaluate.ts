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

// A number is stored as a number; text that does not read as one is kept as typed.
export const indicatorTableValueSchema = z.object({
  cells: z.record(safeKeySchema, z.record(safeKeySchema, cellValueSchema)),
  targets: z.record(safeKeySchema, cellValueSchema),
  notes: z.record(safeKeySchema, z.string().max(2000)),
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
] as const;
export type AppendixIssueCode = (typeof APPENDIX_ISSUE_CODES)[number];

export type AppendixIssue = {
  severity: 'error' | 'warning';
  code: AppendixIssueCode;
  stepId: string;
  criterionId: string;
  indicatorId: string;
  // null for the target column.
  year: string | null;
  // Stable key; a warning's note is stored under it.
  key: string;
  value: number | null;
  // The other side of the comparison (a whole, a limit, a previous year, a target).
  other: { value: number; indicatorIds: string[]; year: string | null } | null;
};

export type TargetStatus = 'met' | 'notMet' | 'exceeded';

export type IndicatorRow = {
  indicator: Indicator;
  values: Record<string, number | null>;
  target: number | null;
  status: TargetStatus | null;
};

export type AppendixTable = {
  stepId: string;
  criterionId: string;
  title: string;
  rows: IndicatorRow[];
};

export type AppendixEvaluation = {
  years: readonly string[];
  tables: AppendixTable[];
  issues: AppendixIssue[];
  // Every indicator of the template by id, to name and format the indicators of an issue.
  indicators: ReadonlyMap<string, Indicator>;
};

type Located = { stepId: string; criterion: CriterionOf<'indicatorTable'>; indicator: Indicator };

export function readIndicatorTable(raw: unknown): IndicatorTableValue {
  const parsed = indicatorTableValueSchema.safeParse(raw);
  return parsed.success ? parsed.data : emptyIndicatorTable();
}

export function isIndicatorTableEmpty(value: IndicatorTableValue): boolean {
  const hasCell = Object.values(value.cells).some((row) => Object.keys(row).length > 0);
  return (
    !hasCell &&
    Object.keys(value.targets).length === 0 &&
    Object.keys(value.notes).length === 0 &&
    !value.isMarkedComplete
  );
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

export function evaluateAppendix(
  template: Template,
  answers: Record<string, unknown>,
): AppendixEvaluation {
  const years = template.reviewYears;
  const located = new Map<string, Located>();
  const indicators = new Map<string, Indicator>();
  const tables: {
    stepId: string;
    criterion: CriterionOf<'indicatorTable'>;
    value: IndicatorTableValue;
  }[] = [];
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (criterion.kind !== 'indicatorTable') continue;
      tables.push({ stepId: step.id, criterion, value: readIndicatorTable(answers[criterion.id]) });
      for (const indicator of criterion.indicators) {
        located.set(indicator.id, { stepId: step.id, criterion, indicator });
        indicators.set(indicator.id, indicator);
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
      criterionId: where.criterion.id,
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

  // 1. Typed values.
  for (const { criterion, value } of tables) {
    for (const indicator of criterion.indicators) {
      if (indicator.computed) continue;
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

  // 2. Computed rates, targets and their status.
  const result: AppendixTable[] = tables.map(({ stepId, criterion, value }) => ({
    stepId,
    criterionId: criterion.id,
    title: criterion.label,
    rows: criterion.indicators.map((indicator) => {
      let values: Record<string, number | null>;
      if (indicator.computed) {
        values = {};
        for (const year of years) {
          const numerator = sumOf(indicator.computed.numerator, year);
          const denominator = sumOf(indicator.computed.denominator, year);
          const rate =
            numerator === null || !denominator ? null : round((numerator / denominator) * 100);
          values[year] = rate;
          if (rate !== null && rate > 100 && !isWarnedAbove(criterion.rules, indicator)) {
            push('error', 'rateAbove100', indicator.id, year, rate);
          }
        }
      } else {
        values = typed.get(indicator.id) ?? {};
      }
      const target = indicator.target
        ? readCell(indicator, null, value.targets[indicator.id])
        : null;
      let status: TargetStatus | null = null;
      if (indicator.target && target !== null) {
        const latest = [...years]
          .reverse()
          .find((year) => values[year] !== null && values[year] !== undefined);
        const current = latest === undefined ? null : values[latest]!;
        if (current !== null) {
          if (indicator.target === 'atLeast')
            status = current > target ? 'exceeded' : current === target ? 'met' : 'notMet';
          else status = current <= target ? 'met' : 'notMet';
        }
        for (const year of years) {
          const v = values[year];
          if (v === null || v === undefined) continue;
          const misses = indicator.target === 'atLeast' ? v < target : v > target;
          if (misses)
            push('warning', 'missesTarget', indicator.id, year, v, {
              value: target,
              indicatorIds: [],
              year: null,
            });
        }
      }
      return { indicator, values, target, status };
    }),
  }));

  // 3. Rules across indicators, year by year.
  for (const { criterion } of tables) {
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
    // A change of more than changeWarningPercent from the previous year.
    for (const indicator of criterion.indicators) {
      if (indicator.computed || indicator.unit !== 'count') continue;
      const row = typed.get(indicator.id)!;
      for (let i = 1; i < years.length; i += 1) {
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

  return { years, tables: result, issues, indicators };
}

export function issuesOf(evaluation: AppendixEvaluation, criterionId: string): AppendixIssue[] {
  return evaluation.issues.filter((issue) => issue.criterionId === criterionId);
}
