// Beside the II.3 narrative: each indicator that has a target, its value in the
// target's year and whether the target is met (or, before that year has a figure, the
// progress toward it), to help write the comparison.
import type { AppendixEvaluation } from '@/domain/appendix/evaluate';
import { formatVietnameseNumber } from '@/domain/appendix/numbers';
import { progressText } from '@/i18n/vi-appendix';
import { vi } from '@/i18n/vi-report';

export function AppendixSummary({ evaluation }: { evaluation: AppendixEvaluation }) {
  const lines = evaluation.tables.flatMap((table) =>
    table.rows.flatMap(({ indicator, values, target, targetYear, status, progress }) => {
      if (target === null || targetYear === null) return [];
      if (status === null) {
        if (!progress) return [];
        const text = `${indicator.label}: ${progressText(progress)} ${formatVietnameseNumber(target, indicator.unit)}`;
        return [{ id: indicator.id, text, status: 'progress' }];
      }
      const year = targetYear;
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
