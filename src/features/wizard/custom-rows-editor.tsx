// "Chỉ tiêu khác": the rows a unit adds to an appendix table. Each is a card (name,
// kind, the two rows of a rate, the direction of a target) that can be moved or
// deleted; its figures are typed in the table above, after the table's own rows.
import type { AppendixIssue, CustomRow, IndicatorTableValue } from '@/domain/appendix/evaluate';
import { CUSTOM_LABEL_MAX, CUSTOM_ROWS_MAX } from '@/domain/appendix/evaluate';
import { customLabelKey } from '@/domain/report/progress';
import { normalizeText } from '@/domain/report/text';
import type { CriterionOf } from '@/domain/template/template-schema';
import { appendixIssueMessage, vi } from '@/i18n/vi-report';
import { viAppendix } from '@/i18n/vi-appendix';
import { newId } from '@/lib/ids';
import { fieldInputId } from './fields';

export const customLabelInputId = (rowId: string) => fieldInputId(customLabelKey(rowId));

const withoutKey = <T,>(record: Readonly<Record<string, T>> | undefined, key: string) => {
  const next = { ...record };
  delete next[key];
  return next;
};

// The table without the row: its figures, target, notes and the rates that used it.
export function removeCustomRow(value: IndicatorTableValue, id: string): IndicatorTableValue {
  const notes = Object.fromEntries(
    Object.entries(value.notes).filter(([key]) => key.split(':')[1] !== id),
  );
  return {
    ...value,
    cells: withoutKey(value.cells, id),
    targets: withoutKey(value.targets, id),
    targetYears: withoutKey(value.targetYears, id),
    notes,
    custom: (value.custom ?? [])
      .filter((row) => row.id !== id)
      .map((row) => ({
        ...row,
        numerator: row.numerator === id ? undefined : row.numerator,
        denominator: row.denominator === id ? undefined : row.denominator,
      })),
  };
}

export function CustomRowsEditor(props: {
  criterion: CriterionOf<'indicatorTable'>;
  value: IndicatorTableValue;
  errors: readonly AppendixIssue[];
  onChange: (value: IndicatorTableValue) => void;
  onRemove: (id: string) => void;
  onBlur: () => void;
}) {
  const { criterion, value, onChange, onBlur } = props;
  const rows = value.custom ?? [];
  // The count rows a rate can use: the template's typed counts and the unit's counts.
  const countRows = [
    ...criterion.indicators
      .filter((indicator) => !indicator.computed && indicator.unit === 'count')
      .map((indicator) => ({ id: indicator.id, label: indicator.label })),
    ...rows
      .filter((row) => row.kind === 'count')
      .map((row, index) => ({
        id: row.id,
        label: row.label.trim() || viAppendix.customRow(index + 1),
      })),
  ];
  const setRows = (custom: CustomRow[]) => onChange({ ...value, custom });
  const patch = (index: number, changes: Partial<CustomRow>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
  };
  const add = () => {
    const id = `custom-${newId()}`;
    setRows([...rows, { id, label: '', kind: 'count' }]);
    requestAnimationFrame(() => document.getElementById(customLabelInputId(id))?.focus());
  };
  const labelOf = (id: string) => countRows.find((row) => row.id === id)?.label ?? id;

  return (
    <section className="custom-rows" aria-labelledby={`custom-rows-${criterion.id}`}>
      <h3 id={`custom-rows-${criterion.id}`}>{viAppendix.customHeading}</h3>
      <p className="field-help">{viAppendix.customHelp}</p>
      {rows.length === 0 ? <p>{viAppendix.customEmpty}</p> : null}
      <ol className="custom-row-list">
        {rows.map((row, index) => {
          const name = row.label.trim() || viAppendix.customRow(index + 1);
          const rowErrors = props.errors.filter(
            (issue) => issue.indicatorId === row.id && issue.year === null,
          );
          const errorId = `${customLabelInputId(row.id)}-error`;
          return (
            <li key={row.id} className="custom-row-card">
              <label className="field-label" htmlFor={customLabelInputId(row.id)}>
                {viAppendix.customLabel} ({vi.wizard.required})
              </label>
              <input
                id={customLabelInputId(row.id)}
                type="text"
                maxLength={CUSTOM_LABEL_MAX}
                value={row.label}
                aria-invalid={rowErrors.length > 0 ? true : undefined}
                aria-describedby={rowErrors.length > 0 ? errorId : undefined}
                onChange={(event) => patch(index, { label: normalizeText(event.target.value) })}
                onBlur={onBlur}
              />
              <div className="custom-row-options">
                <label>
                  <span>{viAppendix.customKind}</span>
                  <select
                    value={row.kind}
                    onChange={(event) =>
                      patch(index, { kind: event.target.value as CustomRow['kind'] })
                    }
                    onBlur={onBlur}
                  >
                    {(['count', 'percent', 'rate'] as const).map((kind) => (
                      <option key={kind} value={kind}>
                        {viAppendix.kinds[kind]}
                      </option>
                    ))}
                  </select>
                </label>
                {row.kind === 'rate'
                  ? (['numerator', 'denominator'] as const).map((side) => (
                      <label key={side}>
                        <span>{viAppendix[side]}</span>
                        <select
                          value={row[side] ?? ''}
                          onChange={(event) =>
                            patch(index, { [side]: event.target.value || undefined })
                          }
                          onBlur={onBlur}
                        >
                          <option value="">{viAppendix.chooseRow}</option>
                          {countRows
                            .filter((count) => count.id !== row.id)
                            .map((count) => (
                              <option key={count.id} value={count.id}>
                                {labelOf(count.id)}
                              </option>
                            ))}
                        </select>
                      </label>
                    ))
                  : null}
                <label>
                  <span>{viAppendix.targetKind}</span>
                  <select
                    value={row.target ?? ''}
                    onChange={(event) =>
                      patch(index, {
                        target: (event.target.value || undefined) as CustomRow['target'],
                      })
                    }
                    onBlur={onBlur}
                  >
                    <option value="">{viAppendix.targets.none}</option>
                    <option value="atLeast">{viAppendix.targets.atLeast}</option>
                    <option value="atMost">{viAppendix.targets.atMost}</option>
                  </select>
                </label>
              </div>
              {rowErrors.length > 0 ? (
                <p className="field-error" id={errorId}>
                  {rowErrors
                    .map((issue) =>
                      appendixIssueMessage(
                        issue,
                        () => name,
                        () => 'count',
                      ),
                    )
                    .join(' ')}
                </p>
              ) : null}
              <div className="custom-row-actions">
                <button
                  type="button"
                  aria-label={viAppendix.moveUp(name)}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {viAppendix.up}
                </button>
                <button
                  type="button"
                  aria-label={viAppendix.moveDown(name)}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {viAppendix.down}
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={viAppendix.remove(name)}
                  onClick={() => props.onRemove(row.id)}
                >
                  {viAppendix.delete}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {rows.length >= CUSTOM_ROWS_MAX ? (
        <p className="field-help">{viAppendix.tooMany(CUSTOM_ROWS_MAX)}</p>
      ) : (
        <button type="button" onClick={add}>
          {viAppendix.addCustom}
        </button>
      )}
    </section>
  );
}
