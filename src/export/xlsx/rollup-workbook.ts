// The consolidation as a workbook: "Tổng hợp" (the seven tables as on paper, merged
// headers, numbers as numbers), "Theo đơn vị" (one row per unit, indicator and year,
// with the version's fingerprint), "Tiếp nhận" (the tracker). Pure: sheets in, the
// writer (workbook.ts) makes the file.
import type { RolledCell, RolledRow, Rollup } from '@/domain/rollup/rollup';
import type { TrackerRow } from '@/domain/rollup/tracker';
import { coverageLine, figure, formatLocalDate, statusText, viProvince } from '@/i18n/vi-province';
import type { WorkbookCell, WorkbookSheet } from './workbook';

const t = viProvince;
// Excel shows these with the reader's separators: 1.234 and 12,5% on a Vietnamese system.
const COUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0%';

const text = (value: string, extra: Partial<WorkbookCell> = {}): WorkbookCell => ({
  value,
  ...extra,
});
const blank = (): WorkbookCell => ({ value: null });

function numberCell(value: number, unit: 'count' | 'percent'): WorkbookCell {
  return unit === 'percent'
    ? { value: value / 100, format: PERCENT_FORMAT, align: 'right' }
    : { value, format: COUNT_FORMAT, align: 'right' };
}

function totalCell(row: RolledRow, cell: RolledCell | null): WorkbookCell {
  if (!cell) return blank();
  if (row.kind === 'typedPercent') {
    return cell.range
      ? text(
          `${t.rollup.range(figure(cell.range.min, 'percent'), figure(cell.range.max, 'percent'))} (${t.rollup.perUnit})`,
          { align: 'right' },
        )
      : blank();
  }
  if (cell.value !== null) return numberCell(cell.value, row.indicator.unit);
  if (cell.missingUnits.length > 0)
    return text(`${t.rollup.incomplete} (${cell.missingUnits.join(', ')})`, { wrap: true });
  return blank();
}

// A mapped row's total (row-mapping.ts): a sum of counts, or "chưa đủ" naming the units.
function mappedCell(cell: RolledCell): WorkbookCell {
  if (cell.value !== null) return numberCell(cell.value, 'count');
  return text(`${t.rollup.incomplete} (${cell.missingUnits.join(', ')})`, { wrap: true });
}

function rollupSheet(rollup: Rollup): WorkbookSheet {
  const years = rollup.years;
  const width = years.length + 3;
  // Rows are a full grid: a merged cell's covered cells stay as blanks.
  const pad = (cells: WorkbookCell[]) => [
    ...cells,
    ...Array.from({ length: width - cells.length }, blank),
  ];
  // The tables' own cells are ruled, as on paper.
  const ruled = (cells: WorkbookCell[]) => cells.map((cell) => ({ ...cell, border: true }));
  const rows: WorkbookCell[][] = [
    pad([text(t.sheets.title, { bold: true, span: width, align: 'center' })]),
    pad([text(coverageLine(rollup.coverage), { span: width, align: 'center' })]),
  ];
  rollup.tables.forEach((table, index) => {
    rows.push(pad([]));
    rows.push(pad([text(`Phụ lục ${index + 1}. ${table.title}`, { bold: true, span: width })]));
    rows.push(pad([text(coverageLine(rollup.coverage), { span: width })]));
    // Header cells covered by a merge stay plain blanks (the writer ignores them).
    const head = (value: string, extra: Partial<WorkbookCell> = {}) =>
      text(value, { bold: true, align: 'center', wrap: true, border: true, ...extra });
    rows.push([
      head(t.rollup.indicator, { rowSpan: 2 }),
      head(t.rollup.years, { span: years.length }),
      ...years.slice(1).map(blank),
      head(t.rollup.period(rollup.periodLabel), { rowSpan: 2 }),
      head(t.rollup.target, { rowSpan: 2 }),
    ]);
    rows.push([blank(), ...years.map((year) => head(year)), blank(), blank()]);
    for (const row of table.rows) {
      rows.push(
        ruled([
          text(row.indicator.label, { wrap: true }),
          ...years.map((year) => totalCell(row, row.years[year] ?? null)),
          totalCell(row, row.period),
          row.target === null ? blank() : numberCell(row.target, row.indicator.unit),
        ]),
      );
    }
    for (const row of table.mappedRows)
      rows.push(
        ruled([
          text(`${row.label} (${t.rollup.mapping.rowNote(row.members.length)})`, { wrap: true }),
          ...years.map((year) => mappedCell(row.years[year]!)),
          blank(),
          blank(),
        ]),
      );
    for (const issue of table.distributionIssues)
      rows.push(
        pad([
          text(
            t.rollup.distribution(
              issue.year,
              figure(issue.sumOfParts, 'count'),
              figure(issue.wholeValue, 'count'),
            ),
            { span: width, wrap: true },
          ),
        ]),
      );
    if (table.customRows.length > 0) {
      rows.push(pad([text(t.rollup.custom, { bold: true, span: width })]));
      for (const group of table.customRows)
        for (const entry of group.entries)
          rows.push([
            text(`${group.label} — ${entry.unitName}`, { wrap: true }),
            ...years.map((year) => {
              const value = entry.values[year];
              return value === null || value === undefined
                ? blank()
                : numberCell(value, entry.unit);
            }),
            blank(),
            blank(),
          ]);
    }
  });
  return { name: t.sheets.rollup, columnWidths: [46, ...years.map(() => 11), 16, 12], rows };
}

function byUnitSheet(rollup: Rollup): WorkbookSheet {
  const rows: WorkbookCell[][] = [
    [
      t.sheets.unit,
      t.sheets.table,
      t.rollup.indicator,
      t.sheets.year,
      t.sheets.value,
      t.sheets.fingerprint,
    ].map((label) => text(label, { bold: true })),
  ];
  for (const unit of rollup.coverage.included) {
    rollup.tables.forEach((table, index) => {
      for (const row of table.rows) {
        if (row.kind === 'rate') continue;
        for (const year of rollup.years) {
          const part = row.years[year]?.parts.find((p) => p.unitKey === unit.key);
          if (!part) continue;
          rows.push([
            text(unit.name),
            text(`${index + 1}. ${table.title}`),
            text(row.indicator.label),
            { value: Number(year), align: 'center' },
            part.value === null ? blank() : numberCell(part.value, row.indicator.unit),
            text(part.fingerprint),
          ]);
        }
      }
      for (const row of table.mappedRows) {
        const member = row.members.find((x) => x.unitKey === unit.key);
        if (!member) continue;
        for (const year of rollup.years) {
          const part = row.years[year]!.parts.find((p) => p.unitKey === unit.key)!;
          rows.push([
            text(unit.name),
            text(`${index + 1}. ${table.title}`),
            text(t.rollup.mapping.sheetMember(row.label, member.label)),
            { value: Number(year), align: 'center' },
            part.value === null ? blank() : numberCell(part.value, 'count'),
            text(part.fingerprint),
          ]);
        }
      }
      for (const group of table.customRows)
        for (const entry of group.entries.filter((e) => e.unitKey === unit.key))
          for (const year of rollup.years) {
            const value = entry.values[year] ?? null;
            rows.push([
              text(unit.name),
              text(`${index + 1}. ${table.title}`),
              text(group.label),
              { value: Number(year), align: 'center' },
              value === null ? blank() : numberCell(value, entry.unit),
              text(''),
            ]);
          }
    });
  }
  return { name: t.sheets.byUnit, columnWidths: [28, 30, 46, 8, 12, 12], rows };
}

function intakeSheet(tracker: readonly TrackerRow[]): WorkbookSheet {
  const c = t.tracker.columns;
  const rows: WorkbookCell[][] = [
    [c.unit, c.status, c.when, c.required, c.appendix, c.accepted].map((label) =>
      text(label, { bold: true }),
    ),
  ];
  for (const row of tracker) {
    rows.push([
      text(row.unit.name),
      text(statusText(row)),
      text(
        row.firstReceivedOn
          ? `${formatLocalDate(row.firstReceivedOn)}, ${row.kinds.map((k) => t.kinds[k]).join(', ')}`
          : t.tracker.none,
      ),
      text(
        row.required ? t.tracker.required(row.required.done, row.required.total) : t.tracker.none,
      ),
      text(
        row.appendix
          ? t.tracker.appendix(row.appendix.errors, row.appendix.warnings)
          : t.tracker.none,
      ),
      text(row.accepted ? row.accepted.fingerprint : t.tracker.none),
    ]);
  }
  return { name: t.sheets.intake, columnWidths: [30, 26, 34, 14, 20, 18], rows };
}

export function rollupWorkbook(rollup: Rollup, tracker: readonly TrackerRow[]): WorkbookSheet[] {
  return [rollupSheet(rollup), byUnitSheet(rollup), intakeSheet(tracker)];
}
