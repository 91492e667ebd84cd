// A year-by-indicator table of the statistics appendix. A table with a sticky first
// column that scrolls sideways inside its own box, so the page never does (360 px);
// every input is labelled "indicator – year". Rates and target status are recomputed
// from the current (unsaved) values on every keystroke. The unit's own rows ("Chỉ tiêu
// khác") are defined in a list under the table and typed in the table after its rows.
import { createContext, useContext, useMemo, useState, type ClipboardEvent } from 'react';
import {
  evaluateAppendix,
  type AppendixIssue,
  type CellValue,
  type IndicatorTableValue,
} from '@/domain/appendix/evaluate';
import { statusText, viAppendix, yearHeader } from '@/i18n/vi-appendix';
import { CustomRowsEditor, removeCustomRow } from './custom-rows-editor';
import { formatVietnameseNumber, parseVietnameseNumber } from '@/domain/appendix/numbers';
import type { Answers } from '@/domain/report/answers';
import { appendixCellKey, appendixIssueTarget } from '@/domain/report/progress';
import { normalizeText } from '@/domain/report/text';
import type { Indicator, Template } from '@/domain/template/template-schema';
import { appendixIssueMessage, vi } from '@/i18n/vi-report';
import { fieldInputId, type FieldProps } from './fields';
import { ScrollTable } from '@/ui/scroll-table';

export const ReportContext = createContext<{ template: Template; answers: Answers } | null>(null);

export function cellInputId(indicatorId: string, year: string | null): string {
  return fieldInputId(appendixCellKey(indicatorId, year));
}

// Numbers shown the Vietnamese way (1.234; 12,5); text that is not a number as typed.
function display(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? formatVietnameseNumber(value, 'count') : value;
}

// What a cell stores for a typed text: a number when it reads as one, else the text.
function toCell(text: string): CellValue | undefined {
  const parsed = parseVietnameseNumber(text);
  if (parsed === null) return undefined;
  return parsed === undefined ? text : parsed;
}

function withCell(
  value: IndicatorTableValue,
  indicatorId: string,
  year: string | null,
  cell: CellValue | undefined,
) {
  if (year === null) {
    const targets = { ...value.targets };
    if (cell === undefined) delete targets[indicatorId];
    else targets[indicatorId] = cell;
    return { ...value, targets };
  }
  const row = { ...value.cells[indicatorId] };
  if (cell === undefined) delete row[year];
  else row[year] = cell;
  return { ...value, cells: { ...value.cells, [indicatorId]: row } };
}

function CellInput(props: {
  indicator: Indicator;
  year: string | null;
  value: CellValue | undefined;
  hasError: boolean;
  isHighlighted: boolean;
  onChange: (cell: CellValue | undefined) => void;
  onBlur: () => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const { indicator, year } = props;
  return (
    <input
      id={cellInputId(indicator.id, year)}
      type="text"
      inputMode={indicator.unit === 'percent' ? 'decimal' : 'numeric'}
      autoComplete="off"
      className={`cell-input ${props.isHighlighted ? 'highlight' : ''}`}
      aria-label={
        year === null
          ? vi.appendix.targetLabel(indicator.label)
          : vi.appendix.cellLabel(indicator.label, year)
      }
      aria-invalid={props.hasError || props.isHighlighted ? true : undefined}
      value={draft ?? display(props.value)}
      onFocus={() => setDraft(display(props.value))}
      onChange={(event) => {
        setDraft(event.target.value);
        props.onChange(toCell(event.target.value));
      }}
      onBlur={() => {
        setDraft(null);
        props.onBlur();
      }}
      onPaste={(event) => {
        props.onPaste(event);
        // A block was pasted into the table: show the new value, not the old draft.
        if (event.defaultPrevented) setDraft(null);
      }}
    />
  );
}

export function IndicatorTableField({
  criterion,
  value,
  onChange,
  onBlur,
}: FieldProps<'indicatorTable'>) {
  const context = useContext(ReportContext);
  if (!context) throw new Error('IndicatorTableField outside ReportContext');
  const { template } = context;
  const years = template.reviewYears;
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const evaluation = useMemo(
    () => evaluateAppendix(template, { ...context.answers, [criterion.id]: value }),
    [template, context.answers, criterion.id, value],
  );
  const table = evaluation.tables.find((t) => t.criterionId === criterion.id);
  const rows = table?.rows ?? [];
  const issues = evaluation.issues.filter((issue) => issue.criterionId === criterion.id);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const errorCells = new Set(
    errors.map((issue) => `${issue.indicatorId}:${issue.year ?? 'target'}`),
  );
  const labelOf = (id: string) => evaluation.indicators.get(id)?.label ?? id;
  const unitOf = (id: string) => evaluation.indicators.get(id)?.unit ?? 'count';
  const customKinds = new Map((value.custom ?? []).map((row) => [row.id, row.kind]));
  // The rows typed year by year (the template's and the unit's), in table order.
  const typedIndicators = rows
    .map((row) => row.indicator)
    .filter((indicator) => !indicator.computed && customKinds.get(indicator.id) !== 'rate');
  const isTyped = (id: string) => typedIndicators.some((indicator) => indicator.id === id);

  const update = (next: IndicatorTableValue) => {
    setHighlighted(new Set());
    setRefusal(null);
    onChange(next);
  };

  const paste =
    (indicatorId: string, year: string | null) => (event: ClipboardEvent<HTMLInputElement>) => {
      const text = event.clipboardData.getData('text/plain');
      if (!/[\t\n]/.test(text.trim()) || year === null) return; // a single value: the input takes it
      event.preventDefault();
      const rows = text
        .replace(/\r/g, '')
        .replace(/\n+$/, '')
        .split('\n')
        .map((row) => row.split('\t'));
      const rowStart = typedIndicators.findIndex((indicator) => indicator.id === indicatorId);
      const colStart = years.indexOf(year);
      let next = value;
      let count = 0;
      let outside = 0;
      const bad: string[] = [];
      const badKeys = new Set<string>();
      rows.forEach((cells, r) =>
        cells.forEach((cellText, c) => {
          const indicator = typedIndicators[rowStart + r];
          const targetYear = years[colStart + c];
          if (!indicator || !targetYear) {
            if (cellText.trim() !== '') outside += 1;
            return;
          }
          const parsed = parseVietnameseNumber(cellText);
          if (parsed === undefined) {
            bad.push(
              `${vi.appendix.cellLabel(indicator.label, targetYear)} (“${cellText.trim()}”)`,
            );
            badKeys.add(`${indicator.id}:${targetYear}`);
            return;
          }
          next = withCell(next, indicator.id, targetYear, parsed === null ? undefined : parsed);
          count += 1;
        }),
      );
      onChange(next);
      setHighlighted(badKeys);
      setMessage(
        [
          vi.appendix.pasted(count),
          bad.length ? vi.appendix.pasteBad(bad.join('; ')) : '',
          outside ? vi.appendix.pasteOutside(outside) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    };

  // A computed rate's issue focuses the first input it is computed from.
  const focusCell = (issue: AppendixIssue) =>
    document.getElementById(fieldInputId(appendixIssueTarget(evaluation, issue).fieldKey))?.focus();

  return (
    <div className="field indicator-table" id={fieldInputId(criterion.id)}>
      <p className="field-help">{vi.appendix.pasteHint}</p>
      <ScrollTable
        label={vi.appendix.tableRegion(criterion.label)}
        columns={[
          vi.appendix.indicator,
          ...years.map((year) => yearHeader(year, evaluation.partialYear)),
          vi.appendix.target,
          vi.appendix.status,
        ]}
      >
        {rows.map((row) => {
          const { indicator, values, status } = row;
          const isComputed = !isTyped(indicator.id);
          return (
            <tr
              key={indicator.id}
              className={
                [isComputed ? 'computed-row' : '', row.isCustom ? 'custom-row' : '']
                  .join(' ')
                  .trim() || undefined
              }
            >
              <th scope="row" className="sticky-col">
                {indicator.label || vi.appendix.unnamedRow}
                {indicator.unit === 'percent' ? ` ${vi.appendix.percentUnit}` : ''}
                {isComputed ? (
                  <span className="computed-note"> · {vi.appendix.computedNote}</span>
                ) : null}
                {row.isCustom ? (
                  <span className="computed-note"> · {viAppendix.customMarker}</span>
                ) : null}
              </th>
              {years.map((year) => (
                <td key={year} className="num">
                  {isComputed ? (
                    <output aria-label={vi.appendix.cellLabel(indicator.label, year)}>
                      {values[year] === null || values[year] === undefined
                        ? vi.appendix.noData
                        : formatVietnameseNumber(values[year], 'percent')}
                    </output>
                  ) : (
                    <CellInput
                      indicator={indicator}
                      year={year}
                      value={value.cells[indicator.id]?.[year]}
                      hasError={errorCells.has(`${indicator.id}:${year}`)}
                      isHighlighted={highlighted.has(`${indicator.id}:${year}`)}
                      onChange={(cell) => update(withCell(value, indicator.id, year, cell))}
                      onBlur={onBlur}
                      onPaste={paste(indicator.id, year)}
                    />
                  )}
                </td>
              ))}
              <td className="num">
                {indicator.target ? (
                  <>
                    <CellInput
                      indicator={indicator}
                      year={null}
                      value={value.targets[indicator.id]}
                      hasError={errorCells.has(`${indicator.id}:target`)}
                      isHighlighted={false}
                      onChange={(cell) => update(withCell(value, indicator.id, null, cell))}
                      onBlur={onBlur}
                      onPaste={() => {}}
                    />
                    <select
                      className="target-year"
                      aria-label={viAppendix.targetYear(indicator.label)}
                      value={row.targetYear ?? years.at(-1)}
                      onChange={(event) => {
                        const targetYears = { ...value.targetYears };
                        if (event.target.value === years.at(-1)) delete targetYears[indicator.id];
                        else targetYears[indicator.id] = event.target.value;
                        update({ ...value, targetYears });
                      }}
                      onBlur={onBlur}
                    >
                      {years.map((year) => (
                        <option key={year} value={year}>
                          {viAppendix.targetYearOption(year)}
                        </option>
                      ))}
                    </select>
                  </>
                ) : null}
              </td>
              <td className={`status status-${status ?? (row.progress ? 'progress' : 'none')}`}>
                {statusText(row, years.at(-1))}
              </td>
            </tr>
          );
        })}
      </ScrollTable>
      <CustomRowsEditor
        criterion={criterion}
        value={value}
        errors={errors}
        onChange={update}
        onRemove={(id) => update(removeCustomRow(value, id))}
        onBlur={onBlur}
      />
      <div role="status" aria-live="polite" className="paste-status">
        {message ? <p className="notice">{message}</p> : null}
      </div>

      {errors.length > 0 ? (
        <section
          className="appendix-issues errors"
          aria-label={vi.appendix.errorsHeading(errors.length)}
        >
          <h3>{vi.appendix.errorsHeading(errors.length)}</h3>
          <ul>
            {errors.map((issue) => (
              <li key={issue.key}>
                <button type="button" className="link-button" onClick={() => focusCell(issue)}>
                  {appendixIssueMessage(issue, labelOf, unitOf)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {warnings.length > 0 ? (
        <section
          className="appendix-issues warnings"
          aria-label={vi.appendix.warningsHeading(warnings.length)}
        >
          <h3>{vi.appendix.warningsHeading(warnings.length)}</h3>
          <ul>
            {warnings.map((issue) => (
              <li key={issue.key}>
                <button type="button" className="link-button" onClick={() => focusCell(issue)}>
                  {appendixIssueMessage(issue, labelOf, unitOf)}
                </button>
                <label className="note">
                  <span>{vi.appendix.noteLabel}</span>
                  <input
                    type="text"
                    value={value.notes[issue.key] ?? ''}
                    onChange={(event) => {
                      const notes = { ...value.notes };
                      if (event.target.value === '') delete notes[issue.key];
                      else notes[issue.key] = normalizeText(event.target.value);
                      onChange({ ...value, notes });
                    }}
                    onBlur={onBlur}
                  />
                </label>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="mark-complete">
        {value.isMarkedComplete ? (
          <p className="notice success">
            {vi.appendix.markedComplete}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ ...value, isMarkedComplete: false })}
            >
              {vi.appendix.unmark}
            </button>
          </p>
        ) : (
          <button
            type="button"
            onClick={() => {
              if (errors.length > 0) {
                setRefusal(vi.appendix.cannotComplete(errors.length));
                return;
              }
              setRefusal(null);
              onChange({ ...value, isMarkedComplete: true });
            }}
          >
            {vi.appendix.markComplete}
          </button>
        )}
        {refusal ? (
          <p role="alert" className="field-error">
            {refusal}
          </p>
        ) : null}
      </div>
    </div>
  );
}
