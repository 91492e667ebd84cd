// The province's consolidation of the statistics appendix (PROVINCE.md): from the one
// accepted version of each expected unit to the seven tables for the province. Pure.
//
// | figure                         | across units, one year | across the review years |
// | a stock (measure 'stock')      | sum                    | the last year's value   |
// | a flow (measure 'flow')        | sum                    | sum                     |
// | a computed rate                | Σ numerator / Σ denom. | from the period's parts |
// | a percentage typed by the unit | per unit, with range   | —                       |
// | a rating distribution          | each class summed, checked against the summed whole |
// | a unit's own (custom) row      | listed per unit under its label; summed where the   |
// |                                | office maps labels together (row-mapping.ts)        |
//
// Blank is not zero: a total with a unit's cell blank has no value ("chưa đủ") and names
// the units missing; the sum of those present is kept apart as `partial`. Every total
// carries its parts, unit by unit, so the UI can show where it came from.
import { evaluateAppendix, type AppendixEvaluation } from '@/domain/appendix/evaluate';
import type { Indicator, Template } from '@/domain/template/template-schema';
import { labelKey, memberKey, tidyLabel, type RowMapping } from './row-mapping';

export type RollupUnit = { key: string; name: string };

// The accepted version of one unit, as the roll-up reads it.
export type AcceptedAppendix = {
  unitKey: string;
  // Names the version (the fingerprint printed on its PDF).
  fingerprint: string;
  answers: Record<string, unknown>;
};

export type FigureKind = 'stock' | 'flow' | 'rate' | 'typedPercent';

export type UnitPart = {
  unitKey: string;
  unitName: string;
  fingerprint: string;
  value: number | null;
  // For a rate: the unit's own numerator and denominator.
  numerator?: number | null;
  denominator?: number | null;
};

export type RolledCell = {
  // The province's figure; null when a part is blank (or, for a rate, the denominator is 0).
  value: number | null;
  isComplete: boolean;
  // Units of the consolidation whose cell (or a part of the rate) is blank.
  missingUnits: string[];
  // The sum of the parts that are there, when some are missing.
  partial: number | null;
  numerator?: number | null;
  denominator?: number | null;
  // A typed percentage: the lowest and highest unit value.
  range?: { min: number; max: number } | null;
  parts: UnitPart[];
};

export type RolledRow = {
  indicator: Indicator;
  kind: FigureKind;
  years: Record<string, RolledCell>;
  // The review period as a whole (stock: last year; flow: sum; rate: from those).
  period: RolledCell | null;
  // The target the units gave (the resolution's), when they all gave the same one.
  target: number | null;
  targets: { unitName: string; value: number }[];
};

export type DistributionIssue = {
  year: string;
  parts: string[];
  whole: string;
  sumOfParts: number;
  wholeValue: number;
};

export type CustomRowEntry = {
  unitKey: string;
  unitName: string;
  unit: 'count' | 'percent';
  // A count the unit typed, which the office may map with others (not a percentage
  // nor a rate).
  isMappable: boolean;
  values: Record<string, number | null>;
};

export type CustomRowGroup = { label: string; entries: CustomRowEntry[] };

// Units' own count rows the office mapped together: summed per year like a typed count
// (blank is not zero; a member unit not in the consolidation, or whose accepted version
// no longer has the row, makes the total "chưa đủ" and is named). No period total: a
// unit's own row says nothing of being a stock or a flow.
export type MappedRow = {
  mappingId: string;
  label: string;
  members: { unitKey: string; unitName: string; label: string }[];
  years: Record<string, RolledCell>;
};

export type RolledTable = {
  stepId: string;
  criterionId: string;
  title: string;
  rows: RolledRow[];
  distributionIssues: DistributionIssue[];
  // Rows no mapping names.
  customRows: CustomRowGroup[];
  mappedRows: MappedRow[];
};

export type Coverage = {
  included: RollupUnit[];
  missing: RollupUnit[];
  expected: number;
};

export type Rollup = {
  years: readonly string[];
  periodLabel: string;
  coverage: Coverage;
  tables: RolledTable[];
};

type Evaluated = { unit: RollupUnit; fingerprint: string; evaluation: AppendixEvaluation };

export function figureKind(indicator: Indicator): FigureKind {
  if (indicator.computed) return 'rate';
  if (indicator.unit === 'percent') return 'typedPercent';
  return indicator.measure === 'flow' ? 'flow' : 'stock';
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

// A sum over units of a per-unit value; blank when any unit's value is blank.
function sumCell(
  units: readonly Evaluated[],
  valueOf: (unit: Evaluated) => number | null,
): RolledCell {
  return totalOf(
    units.map((entry) => ({
      unitKey: entry.unit.key,
      unitName: entry.unit.name,
      fingerprint: entry.fingerprint,
      value: valueOf(entry),
    })),
  );
}

function totalOf(parts: UnitPart[]): RolledCell {
  const missingUnits: string[] = [];
  let sum = 0;
  for (const part of parts) {
    if (part.value === null) missingUnits.push(part.unitName);
    else sum += part.value;
  }
  const isComplete = missingUnits.length === 0 && parts.length > 0;
  return {
    value: isComplete ? round(sum) : null,
    isComplete,
    missingUnits,
    partial: isComplete || parts.length === missingUnits.length ? null : round(sum),
    parts,
  };
}

function rateCell(numerator: RolledCell, denominator: RolledCell): RolledCell {
  const missingUnits = [...new Set([...numerator.missingUnits, ...denominator.missingUnits])];
  const isComplete = numerator.isComplete && denominator.isComplete;
  const value =
    isComplete && denominator.value ? round((numerator.value! / denominator.value) * 100) : null;
  return {
    value,
    isComplete,
    missingUnits,
    partial: null,
    numerator: numerator.value,
    denominator: denominator.value,
    // Built field by field: an object spread here costs more than the whole sum.
    parts: numerator.parts.map((part, index) => {
      const num = part.value;
      const den = denominator.parts[index]?.value ?? null;
      return {
        unitKey: part.unitKey,
        unitName: part.unitName,
        fingerprint: part.fingerprint,
        value: num === null || !den ? null : round((num / den) * 100),
        numerator: num,
        denominator: den,
      };
    }),
  };
}

// One unit's appendix, evaluated once (when its version is accepted, or cached by
// fingerprint): the consolidation itself only adds.
export type UnitFigures = {
  unitKey: string;
  fingerprint: string;
  evaluation: AppendixEvaluation;
};

export function unitFigures(template: Template, version: AcceptedAppendix): UnitFigures {
  return {
    unitKey: version.unitKey,
    fingerprint: version.fingerprint,
    evaluation: evaluateAppendix(template, version.answers),
  };
}

export function rollUp(
  template: Template,
  expected: readonly RollupUnit[],
  accepted: readonly AcceptedAppendix[],
  mappings: readonly RowMapping[] = [],
): Rollup {
  return consolidate(
    template,
    expected,
    accepted.map((version) => unitFigures(template, version)),
    mappings,
  );
}

export function consolidate(
  template: Template,
  expected: readonly RollupUnit[],
  figures: readonly UnitFigures[],
  mappings: readonly RowMapping[] = [],
): Rollup {
  const years = template.reviewYears;
  const lastYear = years[years.length - 1]!;
  const byKey = new Map(figures.map((unit) => [unit.unitKey, unit]));
  const included: Evaluated[] = [];
  const missing: RollupUnit[] = [];
  for (const unit of expected) {
    const found = byKey.get(unit.key);
    if (!found) missing.push(unit);
    else included.push({ unit, fingerprint: found.fingerprint, evaluation: found.evaluation });
  }

  // Each unit's typed values by indicator id, and its custom rows.
  const typedOf = included.map(
    (entry) =>
      new Map(
        entry.evaluation.tables.flatMap((table) =>
          table.rows.map((row) => [row.indicator.id, row] as const),
        ),
      ),
  );
  const indicators = new Map<string, Indicator>();
  for (const step of template.steps)
    for (const criterion of step.criteria)
      if (criterion.kind === 'indicatorTable')
        for (const indicator of criterion.indicators) indicators.set(indicator.id, indicator);

  const unitValue = (unitIndex: number, id: string, year: string): number | null =>
    typedOf[unitIndex]!.get(id)?.values[year] ?? null;
  // A unit's value of a typed count over the whole period.
  const unitPeriodValue = (unitIndex: number, id: string): number | null => {
    const indicator = indicators.get(id);
    if (!indicator) return null;
    if (figureKind(indicator) !== 'flow') return unitValue(unitIndex, id, lastYear);
    let sum = 0;
    for (const year of years) {
      const value = unitValue(unitIndex, id, year);
      if (value === null) return null;
      sum += value;
    }
    return sum;
  };
  const sumOfIds = (ids: readonly string[], valueOf: (id: string) => number | null) => {
    let sum = 0;
    for (const id of ids) {
      const value = valueOf(id);
      if (value === null) return null;
      sum += value;
    }
    return sum;
  };
  const indexOf = new Map(included.map((entry, index) => [entry, index]));
  const idx = (entry: Evaluated) => indexOf.get(entry)!;

  const tables: RolledTable[] = [];
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      if (criterion.kind !== 'indicatorTable') continue;
      const rows: RolledRow[] = criterion.indicators.map((indicator) => {
        const kind = figureKind(indicator);
        const yearCells: Record<string, RolledCell> = {};
        let period: RolledCell | null = null;
        if (kind === 'rate') {
          const { numerator, denominator } = indicator.computed!;
          for (const year of years) {
            yearCells[year] = rateCell(
              sumCell(included, (e) => sumOfIds(numerator, (id) => unitValue(idx(e), id, year))),
              sumCell(included, (e) => sumOfIds(denominator, (id) => unitValue(idx(e), id, year))),
            );
          }
          period = rateCell(
            sumCell(included, (e) => sumOfIds(numerator, (id) => unitPeriodValue(idx(e), id))),
            sumCell(included, (e) => sumOfIds(denominator, (id) => unitPeriodValue(idx(e), id))),
          );
        } else if (kind === 'typedPercent') {
          for (const year of years) {
            const cell = sumCell(included, (e) => unitValue(idx(e), indicator.id, year));
            const values = cell.parts
              .map((part) => part.value)
              .filter((v): v is number => v !== null);
            // Percentages typed by units are never summed nor averaged.
            yearCells[year] = {
              ...cell,
              value: null,
              partial: null,
              range:
                values.length > 0 ? { min: Math.min(...values), max: Math.max(...values) } : null,
            };
          }
        } else {
          for (const year of years)
            yearCells[year] = sumCell(included, (e) => unitValue(idx(e), indicator.id, year));
          period = sumCell(included, (e) => unitPeriodValue(idx(e), indicator.id));
        }
        const targets = included.flatMap((entry, index) => {
          const target = typedOf[index]!.get(indicator.id)?.target ?? null;
          return target === null ? [] : [{ unitName: entry.unit.name, value: target }];
        });
        const distinct = new Set(targets.map((t) => t.value));
        return {
          indicator,
          kind,
          years: yearCells,
          period,
          target: distinct.size === 1 ? targets[0]!.value : null,
          targets,
        };
      });

      const rowOf = new Map(rows.map((row) => [row.indicator.id, row]));
      const distributionIssues: DistributionIssue[] = [];
      for (const rule of criterion.rules) {
        if (rule.kind !== 'partsMakeWhole') continue;
        for (const year of years) {
          const whole = rowOf.get(rule.whole)?.years[year]?.value ?? null;
          const parts = rule.parts.map((id) => rowOf.get(id)?.years[year]?.value ?? null);
          if (whole === null || parts.some((v) => v === null)) continue;
          const sumOfParts = round(parts.reduce<number>((a, b) => a + b!, 0));
          if (sumOfParts !== whole)
            distributionIssues.push({
              year,
              parts: rule.parts,
              whole: rule.whole,
              sumOfParts,
              wholeValue: whole,
            });
        }
      }

      const tableMappings = mappings.filter((m) => m.criterionId === criterion.id);
      const mapped = new Set(
        tableMappings.flatMap((m) => m.members.map((member) => memberKey(criterion.id, member))),
      );
      tables.push({
        stepId: step.id,
        criterionId: criterion.id,
        title: criterion.label,
        rows,
        distributionIssues,
        customRows: customRowsOf(included, criterion.id, indicators, mapped),
        mappedRows: tableMappings.map((mapping) =>
          mappedRow(mapping, expected, included, years, indicators),
        ),
      });
    }
  }

  return {
    years,
    periodLabel: `${years[0]}–${lastYear}`,
    coverage: { included: included.map((e) => e.unit), missing, expected: expected.length },
    tables,
  };
}

// A unit's own rows in a table: those the template does not declare.
function ownRows(
  entry: Evaluated,
  criterionId: string,
  indicators: ReadonlyMap<string, Indicator>,
): AppendixEvaluation['tables'][number]['rows'] {
  const table = entry.evaluation.tables.find((t) => t.criterionId === criterionId);
  return (table?.rows ?? []).filter((row) => !indicators.has(row.indicator.id));
}

// A row a mapping may take: a count the unit typed (not a percentage, not a rate).
export function isMappable(indicator: Pick<Indicator, 'unit' | 'computed'>): boolean {
  return !indicator.computed && indicator.unit === 'count';
}

function mappedRow(
  mapping: RowMapping,
  expected: readonly RollupUnit[],
  included: readonly Evaluated[],
  years: readonly string[],
  indicators: ReadonlyMap<string, Indicator>,
): MappedRow {
  const order = new Map(expected.map((unit, index) => [unit.key, index]));
  const members = [...mapping.members]
    .sort(
      (a, b) =>
        (order.get(a.unitKey) ?? Infinity) - (order.get(b.unitKey) ?? Infinity) ||
        a.unitKey.localeCompare(b.unitKey),
    )
    .map((member) => {
      const entry = included.find((e) => e.unit.key === member.unitKey);
      const name = expected.find((u) => u.key === member.unitKey)?.name ?? member.unitKey;
      const row = entry
        ? ownRows(entry, mapping.criterionId, indicators).find(
            (r) =>
              isMappable(r.indicator) && labelKey(r.indicator.label) === labelKey(member.label),
          )
        : undefined;
      return { member, entry, name, row };
    });
  const cells: Record<string, RolledCell> = {};
  for (const year of years)
    cells[year] = totalOf(
      members.map(({ member, entry, name, row }) => ({
        unitKey: member.unitKey,
        unitName: name,
        fingerprint: entry?.fingerprint ?? '',
        value: row?.values[year] ?? null,
      })),
    );
  return {
    mappingId: mapping.id,
    label: mapping.label,
    members: members.map(({ member, name }) => ({
      unitKey: member.unitKey,
      unitName: name,
      label: member.label,
    })),
    years: cells,
  };
}

// Rows of a unit's evaluated table that the template does not declare are the unit's
// own ("Chỉ tiêu khác"): grouped by their label (case and spacing aside), per unit,
// except those a mapping takes.
function customRowsOf(
  included: readonly Evaluated[],
  criterionId: string,
  indicators: ReadonlyMap<string, Indicator>,
  mapped: ReadonlySet<string>,
): CustomRowGroup[] {
  const groups = new Map<string, CustomRowGroup>();
  for (const entry of included) {
    for (const row of ownRows(entry, criterionId, indicators)) {
      const label = tidyLabel(row.indicator.label);
      const key = labelKey(label);
      const mappable = isMappable(row.indicator);
      if (mappable && mapped.has(memberKey(criterionId, { unitKey: entry.unit.key, label })))
        continue;
      let group = groups.get(key);
      if (!group) {
        group = { label, entries: [] };
        groups.set(key, group);
      }
      group.entries.push({
        unitKey: entry.unit.key,
        unitName: entry.unit.name,
        unit: row.indicator.unit,
        isMappable: mappable,
        values: row.values,
      });
    }
  }
  return [...groups.values()];
}
