// The statistics appendix on the review page: one table per group, years as columns,
// the target and its status, and a small chart of the group's first indicator with a
// target (or its first indicator) by year against the target line.
import type { AppendixEvaluation, IndicatorRow } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import { statusText, yearHeader } from '@/i18n/vi-appendix';
import { vi } from '@/i18n/vi-report';
import { ScrollTable } from '@/ui/scroll-table';
import { valueLabelBaseline } from './chart-label';

const cell = (value: number | null | undefined, unit: 'count' | 'percent') =>
  value === null || value === undefined ? vi.appendix.noData : formatVietnameseNumber(value, unit);

function Chart({ row, years }: { row: IndicatorRow; years: readonly string[] }) {
  const values = years.map((year) => row.values[year] ?? null);
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const max = Math.max(...known, row.target ?? 0, 1);
  const width = 300;
  const height = 120;
  const pad = 24;
  const barWidth = (width - pad * 2) / years.length;
  const y = (value: number) => height - pad - (value / max) * (height - pad * 2);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={vi.appendix.chartLabel(row.indicator.label)}
      >
        {values.map((value, index) =>
          value === null ? null : (
            <g key={years[index]}>
              <rect
                x={pad + index * barWidth + barWidth * 0.2}
                y={y(value)}
                width={barWidth * 0.6}
                height={height - pad - y(value)}
                className="chart-bar"
              />
              <text
                x={pad + index * barWidth + barWidth / 2}
                y={valueLabelBaseline(y(value), row.target === null ? null : y(row.target))}
                textAnchor="middle"
                className="chart-value"
              >
                {formatVietnameseNumber(value, row.indicator.unit)}
              </text>
            </g>
          ),
        )}
        {years.map((year, index) => (
          <text
            key={year}
            x={pad + index * barWidth + barWidth / 2}
            y={height - 8}
            textAnchor="middle"
            className="chart-axis"
          >
            {year}
          </text>
        ))}
        {row.target !== null ? (
          <line
            x1={pad}
            x2={width - pad}
            y1={y(row.target)}
            y2={y(row.target)}
            className="chart-target"
          />
        ) : null}
      </svg>
      <figcaption>
        {row.indicator.label}
        {row.target !== null
          ? ` · ${vi.appendix.targetLine}: ${formatVietnameseNumber(row.target, row.indicator.unit)}`
          : ''}
      </figcaption>
    </figure>
  );
}

export function AppendixView({ evaluation }: { evaluation: AppendixEvaluation }) {
  const { tables, years, partialYear } = evaluation;
  return (
    <>
      {tables.map((table, index) => {
        const headline =
          table.rows.find((row) => row.target !== null) ??
          table.rows.find((row) => !row.indicator.computed);
        return (
          <section
            key={table.criterionId}
            className="appendix-table"
            aria-labelledby={`appendix-${table.criterionId}`}
          >
            <h4 id={`appendix-${table.criterionId}`}>
              {index + 1}. {table.title}
            </h4>
            {table.source ? <p className="appendix-source">{table.source}</p> : null}
            <ScrollTable
              label={vi.appendix.tableRegion(table.title)}
              columns={[
                vi.appendix.indicator,
                ...years.map((year) => yearHeader(year, partialYear)),
                vi.appendix.target,
                vi.appendix.status,
              ]}
            >
              {table.rows.map((row) => (
                <tr key={row.indicator.id}>
                  <th scope="row" className="sticky-col">
                    {row.indicator.label}
                    {row.indicator.unit === 'percent' ? ` ${vi.appendix.percentUnit}` : ''}
                  </th>
                  {years.map((year) => (
                    <td key={year} className="num">
                      {cell(row.values[year], row.indicator.unit)}
                    </td>
                  ))}
                  <td className="num">
                    {row.target === null ? '' : cell(row.target, row.indicator.unit)}
                  </td>
                  <td className={`status status-${row.status ?? 'none'}`}>
                    {statusText(row, years.at(-1))}
                  </td>
                </tr>
              ))}
            </ScrollTable>
            {headline ? <Chart row={headline} years={years} /> : null}
          </section>
        );
      })}
    </>
  );
}
