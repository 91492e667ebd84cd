// Tổng hợp: the seven tables for the province from accepted versions only, each total a
// button that shows the units and their values; a comparison per indicator (units ×
// years, the province total, the target, a small SVG chart); and Xuất Excel.
import { useId, useMemo, useState } from 'react';
import {
  consolidate,
  unitFigures,
  type RolledCell,
  type RolledRow,
  type Rollup,
} from '@/domain/rollup/rollup';
import type { RowMapping } from '@/domain/rollup/row-mapping';
import type { AcceptedVersion, ExpectedUnit, ReceivedVersion } from '@/domain/rollup/received';
import type { TrackerRow } from '@/domain/rollup/tracker';
import { coverageLine, figure, viProvince } from '@/i18n/vi-province';
import { downloadFile } from '@/lib/download';
import { ScrollTable } from '@/ui/scroll-table';
import { CustomRowsPanel } from './custom-rows-panel';
import { officeTemplate } from './use-office';

const t = viProvince.rollup;
const m = t.mapping;

// A tapped total: the row's name and unit (a template row or a mapped one), the column.
type Trace = { label: string; unit: 'count' | 'percent'; column: string; cell: RolledCell };

function cellLabel(row: RolledRow, cell: RolledCell | null): string {
  if (!cell) return '';
  if (row.kind === 'typedPercent')
    return cell.range
      ? t.range(figure(cell.range.min, 'percent'), figure(cell.range.max, 'percent'))
      : '';
  if (cell.value !== null) return figure(cell.value, row.indicator.unit);
  return cell.missingUnits.length > 0 ? t.incomplete : '';
}

// Per version, evaluated once while it stays accepted.
const figuresCache = new Map<string, ReturnType<typeof unitFigures>>();

export function useRollup(
  units: readonly ExpectedUnit[],
  versions: readonly ReceivedVersion[],
  accepted: readonly AcceptedVersion[],
  mappings: readonly RowMapping[],
): Rollup {
  return useMemo(() => {
    const byId = new Map(versions.map((v) => [v.id, v]));
    const figures = accepted.flatMap((a) => {
      const version = byId.get(a.versionId);
      if (!version) return [];
      let cached = figuresCache.get(version.id);
      if (!cached) {
        cached = unitFigures(officeTemplate, {
          unitKey: version.unitKey,
          fingerprint: version.fingerprint,
          answers: version.file.answers,
        });
        figuresCache.set(version.id, cached);
      }
      return [{ ...cached, unitKey: a.unitKey }];
    });
    return consolidate(officeTemplate, units, figures, mappings);
  }, [units, versions, accepted, mappings]);
}

function TraceView({ trace, onClose }: { trace: Trace; onClose: () => void }) {
  const { cell } = trace;
  const id = useId();
  return (
    <div className="trace panel" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t.traceHeading(trace.label, trace.column)}</h3>
      {cell.missingUnits.length > 0 ? <p>{t.missingUnits(cell.missingUnits.join(', '))}</p> : null}
      <ul>
        {cell.parts.map((part) => (
          <li key={part.unitKey}>
            {part.unitName}: {part.value === null ? t.blank : figure(part.value, trace.unit)}
            {part.numerator !== undefined
              ? ` (${part.numerator ?? t.blank} / ${part.denominator ?? t.blank})`
              : ''}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}

function Chart({ row, years }: { row: RolledRow; years: readonly string[] }) {
  const values = years.map((year) => row.years[year]?.value ?? null);
  const known = values.filter((v): v is number => v !== null);
  const target = row.target;
  const max = Math.max(1, ...known, target ?? 0);
  const width = 300;
  const height = 120;
  const step = width / years.length;
  return (
    <svg
      className="rollup-chart"
      viewBox={`0 0 ${width} ${height + 20}`}
      role="img"
      aria-label={t.chart(row.indicator.label)}
    >
      {values.map((value, index) => {
        const h = value === null ? 0 : (value / max) * height;
        return (
          <g key={years[index]}>
            <rect x={index * step + 8} y={height - h} width={step - 16} height={h} />
            <text x={index * step + step / 2} y={height + 15} textAnchor="middle">
              {years[index]}
            </text>
          </g>
        );
      })}
      {target !== null ? (
        <line
          className="target-line"
          x1={0}
          x2={width}
          y1={height - (target / max) * height}
          y2={height - (target / max) * height}
        />
      ) : null}
    </svg>
  );
}

function Comparison({ rollup }: { rollup: Rollup }) {
  const id = useId();
  const rows = rollup.tables.flatMap((table) => table.rows);
  const [indicatorId, setIndicatorId] = useState(rows[0]?.indicator.id ?? '');
  const row = rows.find((r) => r.indicator.id === indicatorId);
  if (!row) return null;
  const years = rollup.years;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t.compare}</h3>
      <label className="field-label" htmlFor={`${id}-pick`}>
        {t.compareLabel}
      </label>
      <select
        id={`${id}-pick`}
        value={indicatorId}
        onChange={(e) => setIndicatorId(e.target.value)}
      >
        {rollup.tables.map((table) => (
          <optgroup key={table.criterionId} label={table.title}>
            {table.rows.map((r) => (
              <option key={r.indicator.id} value={r.indicator.id}>
                {r.indicator.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ScrollTable label={t.compare} columns={[viProvince.sheets.unit, ...years, t.target]}>
        {rollup.coverage.included.map((unit) => (
          <tr key={unit.key}>
            <th scope="row" className="sticky-col">
              {unit.name}
            </th>
            {years.map((year) => {
              const part = row.years[year]?.parts.find((p) => p.unitKey === unit.key);
              return (
                <td key={year}>
                  {part?.value === null || part === undefined
                    ? ''
                    : figure(part.value, row.indicator.unit)}
                </td>
              );
            })}
            <td>{row.targets.find((x) => x.unitName === unit.name)?.value ?? ''}</td>
          </tr>
        ))}
        <tr className="total-row">
          <th scope="row" className="sticky-col">
            {t.province}
          </th>
          {years.map((year) => (
            <td key={year}>{cellLabel(row, row.years[year] ?? null)}</td>
          ))}
          <td>{row.target === null ? '' : figure(row.target, row.indicator.unit)}</td>
        </tr>
      </ScrollTable>
      <Chart row={row} years={years} />
    </section>
  );
}

export function RollupPanel({
  rollup,
  tracker,
  mappings,
}: {
  rollup: Rollup;
  tracker: readonly TrackerRow[];
  mappings: readonly RowMapping[];
}) {
  const id = useId();
  const [trace, setTrace] = useState<Trace | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const years = rollup.years;
  const periodColumn = t.period(rollup.periodLabel);
  const coverage = coverageLine(rollup.coverage);

  const exportXlsx = async () => {
    setStatus(t.exporting);
    try {
      const [{ rollupWorkbook }, { writeWorkbook }] = await Promise.all([
        import('@/export/xlsx/rollup-workbook'),
        import('@/export/xlsx/workbook'),
      ]);
      const blob = await writeWorkbook(rollupWorkbook(rollup, tracker));
      const name = viProvince.sheets.fileName;
      downloadFile(name, blob, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      setStatus(t.exported(name));
    } catch {
      setStatus(t.exportFailed);
    }
  };

  return (
    <section className="province-rollup" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <p className="coverage">
        <strong>{coverage}</strong>
      </p>
      {rollup.coverage.included.length === 0 ? <p>{t.noneAccepted}</p> : null}
      <div className="button-row">
        <button type="button" onClick={() => void exportXlsx()}>
          {t.exportXlsx}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
      </div>
      {trace ? <TraceView trace={trace} onClose={() => setTrace(null)} /> : null}
      {rollup.tables.map((table, index) => (
        <section key={table.criterionId} className="panel rollup-table">
          <h3>{`Phụ lục ${index + 1}. ${table.title}`}</h3>
          <p className="coverage">{coverage}</p>
          <ScrollTable
            label={table.title}
            columns={[t.indicator, ...years, periodColumn, t.target]}
          >
            {table.rows.map((row) => (
              <tr key={row.indicator.id}>
                <th scope="row" className="sticky-col">
                  {row.indicator.label}
                </th>
                {[
                  ...years.map((year) => [year, row.years[year] ?? null] as const),
                  [periodColumn, row.period] as const,
                ].map(([column, cell]) => (
                  <td
                    key={column}
                    className={
                      cell &&
                      !cell.isComplete &&
                      row.kind !== 'typedPercent' &&
                      cell.parts.length > 0
                        ? 'is-incomplete'
                        : undefined
                    }
                  >
                    {cell && cell.parts.length > 0 ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          setTrace({
                            label: row.indicator.label,
                            unit: row.indicator.unit,
                            column,
                            cell,
                          })
                        }
                      >
                        {cellLabel(row, cell)}
                      </button>
                    ) : null}
                  </td>
                ))}
                <td>{row.target === null ? '' : figure(row.target, row.indicator.unit)}</td>
              </tr>
            ))}
            {table.mappedRows.map((row) => (
              <tr key={row.mappingId} className="mapped-row">
                <th scope="row" className="sticky-col">
                  {row.label} <span className="row-note">({m.rowNote(row.members.length)})</span>
                </th>
                {years.map((year) => {
                  const cell = row.years[year]!;
                  return (
                    <td key={year} className={cell.isComplete ? undefined : 'is-incomplete'}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          setTrace({ label: row.label, unit: 'count', column: year, cell })
                        }
                      >
                        {cell.value !== null ? figure(cell.value, 'count') : t.incomplete}
                      </button>
                    </td>
                  );
                })}
                <td />
                <td />
              </tr>
            ))}
          </ScrollTable>
          {table.distributionIssues.map((issue) => (
            <p key={`${issue.whole}-${issue.year}`} className="notice warning">
              {t.distribution(
                issue.year,
                figure(issue.sumOfParts, 'count'),
                figure(issue.wholeValue, 'count'),
              )}
            </p>
          ))}
          <CustomRowsPanel table={table} years={years} mappings={mappings} />
        </section>
      ))}
      {rollup.coverage.included.length > 0 ? <Comparison rollup={rollup} /> : null}
    </section>
  );
}
