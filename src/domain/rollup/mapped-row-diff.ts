// The office's mapped rows in the province report's appendix (custom rows the snapshot
// makes from the units' own rows it mapped together, ids `gop-N` by position) changed
// between two snapshots, cell by cell. Rows are matched by their label, not their id: a
// mapping made or undone earlier in the list shifts the ids of those after it. Pure.
import { readIndicatorTable, type CellValue } from '@/domain/appendix/evaluate';
import type { Template } from '@/domain/template/template-schema';
import type { CellChange } from './version-diff';

function rowsByLabel(raw: unknown): Map<string, Record<string, CellValue>> {
  const table = readIndicatorTable(raw);
  return new Map((table.custom ?? []).map((row) => [row.label.trim(), table.cells[row.id] ?? {}]));
}

export function mappedRowChanges(
  template: Template,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): CellChange[] {
  const changes: CellChange[] = [];
  for (const step of template.steps)
    for (const criterion of step.criteria) {
      if (criterion.kind !== 'indicatorTable') continue;
      const old = rowsByLabel(before[criterion.id]);
      const next = rowsByLabel(after[criterion.id]);
      const labels = [...next.keys(), ...[...old.keys()].filter((label) => !next.has(label))];
      for (const label of labels)
        for (const year of template.reviewYears) {
          const x = old.get(label)?.[year] ?? null;
          const y = next.get(label)?.[year] ?? null;
          if (x === y) continue;
          changes.push({
            criterionId: criterion.id,
            table: criterion.label,
            indicatorId: `gop:${label}`,
            indicator: label,
            year,
            before: x,
            after: y,
          });
        }
    }
  return changes;
}
