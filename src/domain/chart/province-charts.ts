// The province report's comparison charts (issue 17): the units' own values of every
// indicator, per year, kept in the appendix snapshot beside the totals (so a chart is as
// frozen as the appendix it illustrates), and the charts the office chose, as the data the
// layout (comparison-chart.ts) draws. Pure.
import { z } from 'zod';
import { safeKeySchema } from '@/domain/report/safe-key';
import type { Indicator, Template } from '@/domain/template/template-schema';
import type { Rollup } from '@/domain/rollup/rollup';
import { viChart } from '@/i18n/vi-chart';
import type { ComparisonChartData } from './comparison-chart';

const yearSchema = z.string().regex(/^\d{4}$/);
const unitKeySchema = z.string().min(1).max(120);

// One indicator: each unit's value per year (a blank is absent, never 0) and the target
// each unit gave.
export const indicatorSeriesSchema = z.object({
  values: z.record(unitKeySchema, z.record(yearSchema, z.number())),
  targets: z.record(unitKeySchema, z.number()),
});
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;
export const chartSeriesSchema = z.record(safeKeySchema, indicatorSeriesSchema);
export type ChartSeriesByIndicator = z.infer<typeof chartSeriesSchema>;
// The indicators to chart, in order.
export const chartChoiceSchema = z.array(safeKeySchema).max(6);
export const MAX_CHARTS = 6;

// Every template indicator's per-unit values, from the consolidation's parts.
export function chartSeriesOf(rollup: Rollup): ChartSeriesByIndicator {
  const series: ChartSeriesByIndicator = {};
  for (const table of rollup.tables)
    for (const row of table.rows) {
      const values: IndicatorSeries['values'] = {};
      for (const year of rollup.years)
        for (const part of row.years[year]?.parts ?? []) {
          if (part.value === null) continue;
          (values[part.unitKey] ??= {})[year] = part.value;
        }
      const byName = new Map(rollup.coverage.included.map((unit) => [unit.name, unit.key]));
      const targets: IndicatorSeries['targets'] = {};
      for (const target of row.targets) {
        const key = byName.get(target.unitName);
        if (key) targets[key] = target.value;
      }
      series[row.indicator.id] = { values, targets };
    }
  return series;
}

// `table`: the table's label (the picker's group); `tableId`: its criterion id (where the
// snapshot keeps the table's common targets).
export type ChartableIndicator = {
  id: string;
  label: string;
  table: string;
  tableId: string;
  indicator: Indicator;
};

// The indicators a chart can show: every row the template's appendix tables declare.
export function chartableIndicators(template: Template): ChartableIndicator[] {
  return template.steps.flatMap((step) =>
    step.criteria.flatMap((criterion) =>
      criterion.kind === 'indicatorTable'
        ? criterion.indicators.map((indicator) => ({
            id: indicator.id,
            label: indicator.label,
            table: criterion.label,
            tableId: criterion.id,
            indicator,
          }))
        : [],
    ),
  );
}

// What the charts are drawn from: the snapshot's units, coverage line, targets and series.
export type ChartSource = {
  included: readonly { key: string; name: string }[];
  tables: Readonly<Record<string, { targets: Readonly<Record<string, unknown>> }>>;
  series?: ChartSeriesByIndicator | undefined;
};

// The chosen charts as layout data, numbered from 1; indicators unknown to the template
// (or a snapshot without series) give none.
export function provinceCharts(
  template: Template,
  snapshot: ChartSource,
  chosen: readonly string[],
  source: string,
): ComparisonChartData[] {
  const series = snapshot.series;
  if (!series) return [];
  const known = new Map(chartableIndicators(template).map((c) => [c.id, c]));
  const years = template.reviewYears;
  const period = `${years[0]}–${years[years.length - 1]}`;
  return chosen
    .filter((id) => known.has(id))
    .map((id, index) => {
      const { indicator, tableId } = known.get(id)!;
      const own = series[id] ?? { values: {}, targets: {} };
      const common = snapshot.tables[tableId]?.targets[id];
      const target = typeof common === 'number' ? common : null;
      return {
        title: viChart.title(index + 1, indicator.label, indicator.unit, period),
        unit: indicator.unit,
        years,
        series: snapshot.included.map((unit) => ({
          name: unit.name,
          values: Object.fromEntries(
            years.map((year) => [year, own.values[unit.key]?.[year] ?? null]),
          ),
          target: own.targets[unit.key] ?? null,
        })),
        target,
        source,
        words: viChart.words,
      };
    });
}
