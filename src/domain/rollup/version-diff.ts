// What changed between the accepted version of a unit's report and a newer one: text
// paragraphs (old and new), appendix cells (old and new value), and other fields by name.
import { readIndicatorTable, type CellValue } from '@/domain/appendix/evaluate';
import type { Template } from '@/domain/template/template-schema';
import { canonicalJson } from '@/domain/outbox/canonical-json';

export type TextChange = {
  criterionId: string;
  label: string;
  removed: string[];
  added: string[];
};

export type CellChange = {
  criterionId: string;
  table: string;
  indicatorId: string;
  indicator: string;
  // null: the target column.
  year: string | null;
  before: CellValue | null;
  after: CellValue | null;
};

export type VersionDiff = {
  texts: TextChange[];
  cells: CellChange[];
  // Labels of other fields that differ (lists, choices, dates, groups).
  others: string[];
};

const paragraphs = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function diffVersions(
  template: Template,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): VersionDiff {
  const diff: VersionDiff = { texts: [], cells: [], others: [] };
  for (const step of template.steps) {
    for (const criterion of step.criteria) {
      const a = before[criterion.id];
      const b = after[criterion.id];
      if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
      if (criterion.kind === 'text' || criterion.kind === 'longText') {
        const old = paragraphs(typeof a === 'string' ? a : '');
        const next = paragraphs(typeof b === 'string' ? b : '');
        diff.texts.push({
          criterionId: criterion.id,
          label: criterion.label,
          removed: old.filter((p) => !next.includes(p)),
          added: next.filter((p) => !old.includes(p)),
        });
      } else if (criterion.kind === 'indicatorTable') {
        const old = readIndicatorTable(a);
        const next = readIndicatorTable(b);
        const columns: (string | null)[] = [...template.reviewYears, null];
        for (const indicator of criterion.indicators) {
          for (const year of columns) {
            const x =
              (year === null ? old.targets[indicator.id] : old.cells[indicator.id]?.[year]) ?? null;
            const y =
              (year === null ? next.targets[indicator.id] : next.cells[indicator.id]?.[year]) ??
              null;
            if (x === y) continue;
            diff.cells.push({
              criterionId: criterion.id,
              table: criterion.label,
              indicatorId: indicator.id,
              indicator: indicator.label,
              year,
              before: x,
              after: y,
            });
          }
        }
      } else {
        diff.others.push(criterion.label);
      }
    }
  }
  return diff;
}
