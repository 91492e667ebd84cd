// Beside the II.3 narrative: each indicator that has a target, its latest value and
// whether the target is met, to help write the comparison.
import type { AppendixEvaluation } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import { vi } from '@/i18n/vi-report';

export function AppendixSummary({ evaluation }: { evaluation: AppendixEvaluation }) {
  const lines = evaluation.tables.flatMap((table) =>
    table.rows.flatMap(({ indicator, values, target, status }) => {
      if (target === null || status === null) return [];
      const year = [...evaluation.years]
        .reverse()
        .find((y) => values[y] !== null && values[y] !== undefined);
      if (!year) return [];
      return [
        {
          id: indicator.id,
          text: vi.appendix.summaryLine(
            indicator.label,
            formatVietnameseNumber(values[year]!, indicator.unit),
            year,
            formatVietnameseNumber(target, indicator.unit),
            vi.appendix.statuses[status],
          ),
          status,
        },
      ];
    }),
  );
  return (
    <aside className="appendix-summary" aria-labelledby="appendix-summary-heading">
      <h3 id="appendix-summary-heading">{vi.appendix.summaryHeading}</h3>
      {lines.length === 0 ? (
        <p>{vi.appendix.summaryEmpty}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line.id} className={`status-${line.status}`}>
              {line.text}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
