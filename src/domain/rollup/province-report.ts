// The province's own report (PROVINCE.md): the units' template at province level, its
// appendix the consolidation of the accepted versions frozen as a snapshot that names
// the units and the version fingerprints it used. When accepted figures change later,
// the snapshot the report holds and the one the office would take now differ; the
// difference is shown cell by cell (old → new) and an update replaces the snapshot and
// the appendix answers. Pure.
import { z } from 'zod';
import {
  chartChoiceSchema,
  chartSeriesOf,
  chartSeriesSchema,
} from '@/domain/chart/province-charts';
import {
  indicatorTableValueSchema,
  type CellValue,
  type CustomRow,
  type IndicatorTableValue,
} from '@/domain/appendix/evaluate';
import { initialAnswers, type Answers } from '@/domain/report/answers';
import { isoTimeSchema, sha256Schema } from '@/domain/report/report-schema';
import { safeKeySchema } from '@/domain/report/safe-key';
import type { Template } from '@/domain/template/template-schema';
import type { Rollup } from './rollup';
import { mappedRowChanges } from './mapped-row-diff';
import { diffVersions, type CellChange } from './version-diff';

const snapshotUnitSchema = z.object({
  key: z.string().min(1).max(120),
  name: z.string().min(1).max(200),
  versionId: sha256Schema,
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
});
export type SnapshotUnit = z.infer<typeof snapshotUnitSchema>;

export const appendixSnapshotSchema = z.object({
  // The province report it belongs to.
  reportId: z.string().min(1).max(100),
  takenAt: isoTimeSchema,
  expected: z.number().int().nonnegative(),
  included: z.array(snapshotUnitSchema).max(1000),
  missing: z.array(z.object({ key: z.string().max(120), name: z.string().max(200) })).max(1000),
  // The appendix answers, by table (criterion id), as the report holds them.
  tables: z.record(safeKeySchema, indicatorTableValueSchema),
  // Each unit's values per indicator and year, for the comparison charts (absent from
  // snapshots taken before the charts: an update adds them).
  series: chartSeriesSchema.optional(),
  // The indicators the office charts, in order (kept across updates).
  charts: chartChoiceSchema.optional(),
});
export type AppendixSnapshot = z.infer<typeof appendixSnapshotSchema>;

// The version each included unit's figures came from.
export type VersionRef = { versionId: string; fingerprint: string };

// The consolidation as the province report's appendix answers: every complete total of
// a typed count (a total "chưa đủ" stays blank, blank is not zero), the target when the
// units gave the same one, the office's mapped rows as the province's own rows. Rates
// are recomputed from those counts by the appendix itself (Σ numerator / Σ denominator);
// percentages typed by units are not summed, so they stay blank. `source` is printed
// under every table ("Tổng hợp 7/7 đơn vị").
export function rollupTables(rollup: Rollup, source: string): Record<string, IndicatorTableValue> {
  const tables: Record<string, IndicatorTableValue> = {};
  for (const table of rollup.tables) {
    const cells: Record<string, Record<string, CellValue>> = {};
    const targets: Record<string, CellValue> = {};
    for (const row of table.rows) {
      if (row.target !== null) targets[row.indicator.id] = row.target;
      if (row.kind === 'rate' || row.kind === 'typedPercent') continue;
      const values: Record<string, CellValue> = {};
      for (const year of rollup.years) {
        const value = row.years[year]?.value ?? null;
        if (value !== null) values[year] = value;
      }
      cells[row.indicator.id] = values;
    }
    const custom: CustomRow[] = table.mappedRows.map((mapped, index) => ({
      id: `gop-${index + 1}`,
      label: mapped.label,
      kind: 'count',
    }));
    table.mappedRows.forEach((mapped, index) => {
      const values: Record<string, CellValue> = {};
      for (const year of rollup.years) {
        const value = mapped.years[year]?.value ?? null;
        if (value !== null) values[year] = value;
      }
      cells[`gop-${index + 1}`] = values;
    });
    tables[table.criterionId] = {
      cells,
      targets,
      notes: {},
      ...(custom.length > 0 ? { custom } : {}),
      source,
      isMarkedComplete: true,
    };
  }
  return tables;
}

export function takeSnapshot(input: {
  reportId: string;
  rollup: Rollup;
  versionOf: (unitKey: string) => VersionRef | undefined;
  source: string;
  takenAt: string;
  charts?: readonly string[];
}): AppendixSnapshot {
  const { rollup } = input;
  return {
    reportId: input.reportId,
    takenAt: input.takenAt,
    expected: rollup.coverage.expected,
    included: rollup.coverage.included.flatMap((unit) => {
      const version = input.versionOf(unit.key);
      return version ? [{ key: unit.key, name: unit.name, ...version }] : [];
    }),
    missing: rollup.coverage.missing.map((unit) => ({ key: unit.key, name: unit.name })),
    tables: rollupTables(rollup, input.source),
    series: chartSeriesOf(rollup),
    ...(input.charts ? { charts: [...input.charts] } : {}),
  };
}

// A new province report's answers: the province template's defaults for the issuer, and
// the snapshot's appendix.
export function provinceReportAnswers(
  provinceTemplate: Template,
  snapshot: AppendixSnapshot,
): Answers {
  const issuer = provinceTemplate.units[0]!;
  return {
    ...initialAnswers(provinceTemplate, { id: issuer.id, name: issuer.name }),
    ...snapshot.tables,
  };
}

export type UnitChange = {
  name: string;
  kind: 'added' | 'removed' | 'newVersion';
  before: string | null;
  after: string | null;
};

export type SnapshotChanges = {
  units: UnitChange[];
  cells: CellChange[];
  // The snapshot's coverage line, when the one now differs.
  source: { before: string; after: string } | null;
};

export function hasChanges(changes: SnapshotChanges): boolean {
  return changes.units.length > 0 || changes.cells.length > 0 || changes.source !== null;
}

// The snapshot's coverage line ("Tổng hợp 7/7 đơn vị").
export function snapshotSource(snapshot: AppendixSnapshot): string {
  return Object.values(snapshot.tables).find((table) => table.source)?.source ?? '';
}

// Cell changes in the template's order of tables (a table's mapped rows after its own);
// the sort is stable.
function byTable(template: Template, cells: CellChange[]): CellChange[] {
  const order = new Map(
    template.steps
      .flatMap((step) => step.criteria)
      .map((criterion, index) => [criterion.id, index]),
  );
  return cells.sort((a, b) => order.get(a.criterionId)! - order.get(b.criterionId)!);
}

// What replacing `held` (the report's snapshot) with `now` changes: units added,
// dropped or with another accepted version; every typed cell and target, and every cell
// of the office's mapped rows, old → new.
export function snapshotChanges(
  template: Template,
  held: AppendixSnapshot,
  now: AppendixSnapshot,
): SnapshotChanges {
  const units: UnitChange[] = [];
  const before = new Map(held.included.map((unit) => [unit.key, unit]));
  const after = new Map(now.included.map((unit) => [unit.key, unit]));
  for (const unit of now.included) {
    const old = before.get(unit.key);
    if (!old) units.push({ name: unit.name, kind: 'added', before: null, after: unit.fingerprint });
    else if (old.versionId !== unit.versionId)
      units.push({
        name: unit.name,
        kind: 'newVersion',
        before: old.fingerprint,
        after: unit.fingerprint,
      });
  }
  for (const unit of held.included)
    if (!after.has(unit.key))
      units.push({ name: unit.name, kind: 'removed', before: unit.fingerprint, after: null });
  const sources = { before: snapshotSource(held), after: snapshotSource(now) };
  return {
    units,
    cells: byTable(template, [
      ...diffVersions(template, held.tables, now.tables).cells,
      ...mappedRowChanges(template, held.tables, now.tables),
    ]),
    source: sources.before === sources.after ? null : sources,
  };
}
