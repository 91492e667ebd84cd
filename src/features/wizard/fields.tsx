// One field component per criterion kind, typed over every kind: a new kind does not
// compile until it has a component here.
import { useRef, useState, type ReactNode } from 'react';
import type { KindValue } from '@/domain/report/answer-kinds';
import { toVietnameseUpper } from '@/domain/report/text';
import { groupedQuantity } from '@/domain/appendix/numbers';
import type { CriterionKind, CriterionOf } from '@/domain/template/template-schema';
import { vi } from '@/i18n/vi-report';
import { viPhone } from '@/i18n/vi-phone';
import { Counter, describedBy, LineInput, RefusedNote, useLimitedChange } from './field-parts';
import { GroupField, type GroupFieldComponents } from './group-field';
import { ImageListField } from './image-list-field';
import { IndicatorTableField } from './indicator-table-field';

export type FieldProps<K extends CriterionKind> = {
  criterion: CriterionOf<K>;
  inputId: string;
  value: KindValue[K];
  onChange: (value: KindValue[K]) => void;
  onBlur: () => void;
  error: string | undefined;
};

// The phone layout of styles.css (max-width: 599px).
function isPhoneWidth(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 599px)').matches;
}

export function fieldInputId(criterionId: string): string {
  return `field-${criterionId}`;
}

function Label({ htmlFor, text, required }: { htmlFor: string; text: string; required: boolean }) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {text}
      {required ? <span className="required-mark"> ({vi.wizard.required})</span> : null}
    </label>
  );
}

function FieldShell(props: {
  id: string;
  help: string | undefined;
  error: string | undefined;
  counter?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field ${props.error ? 'field-has-error' : ''} ${props.className ?? ''}`}>
      {props.children}
      {props.help ? (
        <p className="field-help" id={`${props.id}-help`}>
          {props.help}
        </p>
      ) : null}
      {props.counter}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function TextField({ criterion, inputId, value, onChange, onBlur, error }: FieldProps<'text'>) {
  const limited = useLimitedChange(criterion.maxLength);
  return (
    <FieldShell id={inputId} help={criterion.help} error={error}>
      <Label htmlFor={inputId} text={criterion.label} required={criterion.required} />
      <input
        id={inputId}
        type="text"
        className={criterion.uppercase ? 'uppercase' : undefined}
        inputMode={criterion.numeric ? 'numeric' : undefined}
        value={value}
        placeholder={criterion.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          error && `${inputId}-error`,
          limited.message && `${inputId}-refused`,
        )}
        onChange={(event) => limited.change(event, onChange)}
        onBlur={() => {
          if (criterion.uppercase) {
            const upper = toVietnameseUpper(value);
            if (upper !== value) onChange(upper);
          }
          // A quantity shows grouped once typed: 1500 → 1.500 (it reads back the same).
          if (criterion.numeric) {
            const grouped = groupedQuantity(value.trim());
            if (grouped !== value.trim()) onChange(grouped);
          }
          onBlur();
        }}
      />
      <RefusedNote id={inputId} message={limited.message} />
    </FieldShell>
  );
}

function LongTextField({
  criterion,
  inputId,
  value,
  onChange,
  onBlur,
  error,
}: FieldProps<'longText'>) {
  const limited = useLimitedChange(criterion.maxLength);
  return (
    <FieldShell
      id={inputId}
      help={criterion.help}
      error={error}
      counter={<Counter id={inputId} value={value} max={criterion.maxLength} />}
    >
      <Label htmlFor={inputId} text={criterion.label} required={criterion.required} />
      <textarea
        id={inputId}
        value={value}
        rows={6}
        placeholder={criterion.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          `${inputId}-count`,
          error && `${inputId}-error`,
          limited.message && `${inputId}-refused`,
        )}
        onChange={(event) => limited.change(event, onChange)}
        onBlur={onBlur}
      />
      <RefusedNote id={inputId} message={limited.message} />
    </FieldShell>
  );
}

function ChoiceField({ criterion, inputId, value, onChange, onBlur, error }: FieldProps<'choice'>) {
  return (
    <FieldShell id={inputId} help={criterion.help} error={error}>
      <fieldset
        id={inputId}
        tabIndex={-1}
        aria-describedby={describedBy(error && `${inputId}-error`)}
      >
        <legend className="field-label">{criterion.label}</legend>
        {criterion.options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={inputId}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              onBlur={onBlur}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
    </FieldShell>
  );
}

function ChecklistField({
  criterion,
  inputId,
  value,
  onChange,
  onBlur,
  error,
}: FieldProps<'checklist'>) {
  const checked = new Set(value);
  // On a phone the list folds to one line over the writing box (and stays in view while
  // writing, styles.css); opened, it lists the points to tick.
  const [isOpen, setOpen] = useState(() => !isPhoneWidth());
  return (
    <FieldShell id={inputId} help={criterion.help} error={error} className="checklist">
      <details
        className="checklist-fold"
        open={isOpen}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>
          {viPhone.checklistSummary(
            criterion.prompts.filter((prompt) => checked.has(prompt.id)).length,
            criterion.prompts.length,
          )}
        </summary>
        <fieldset id={inputId} tabIndex={-1}>
          <legend className="field-label">{criterion.label}</legend>
          <ul>
            {criterion.prompts.map((prompt) => (
              <li key={prompt.id}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={checked.has(prompt.id)}
                    onChange={(event) => {
                      const next = criterion.prompts
                        .map((p) => p.id)
                        .filter((id) =>
                          id === prompt.id ? event.target.checked : checked.has(id),
                        );
                      onChange(next);
                    }}
                    onBlur={onBlur}
                  />
                  <span>{prompt.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>
    </FieldShell>
  );
}

function DateField({ criterion, inputId, value, onChange, onBlur, error }: FieldProps<'date'>) {
  const parts = [
    ['day', vi.wizard.day, 2],
    ['month', vi.wizard.month, 2],
    ['year', vi.wizard.year, 4],
  ] as const;
  return (
    <FieldShell id={inputId} help={criterion.help} error={error}>
      <fieldset
        tabIndex={-1}
        id={`${inputId}-group`}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          error && `${inputId}-error`,
        )}
      >
        <legend className="field-label">
          {criterion.label}
          {criterion.required ? (
            <span className="required-mark"> ({vi.wizard.required})</span>
          ) : null}
        </legend>
        <div className="date-parts">
          {parts.map(([part, label, size], index) => (
            <label key={part} className="date-part">
              <span>{label}</span>
              <input
                id={index === 0 ? inputId : `${inputId}-${part}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={size}
                size={size + 1}
                value={value[part]}
                aria-invalid={error ? true : undefined}
                onChange={(event) =>
                  onChange({ ...value, [part]: event.target.value.replace(/[^\d]/g, '') })
                }
                onBlur={onBlur}
              />
            </label>
          ))}
        </div>
      </fieldset>
    </FieldShell>
  );
}

function ListField({ criterion, inputId, value, onChange, onBlur, error }: FieldProps<'list'>) {
  const limited = useLimitedChange(criterion.itemMaxLength);
  const addRef = useRef<HTMLButtonElement>(null);
  const items = value.length === 0 ? [''] : value;
  const focusItem = (index: number) =>
    requestAnimationFrame(() => document.getElementById(`${inputId}-${index}`)?.focus());
  return (
    <FieldShell id={inputId} help={criterion.help} error={error}>
      <fieldset
        tabIndex={-1}
        id={inputId}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          error && `${inputId}-error`,
        )}
      >
        <legend className="field-label">
          {criterion.label}
          {criterion.required ? (
            <span className="required-mark"> ({vi.wizard.required})</span>
          ) : null}
        </legend>
        <ol className="list-items">
          {items.map((item, index) => (
            <li key={index}>
              <LineInput
                id={`${inputId}-${index}`}
                aria-label={vi.wizard.itemLabel(criterion.label, index + 1)}
                value={item}
                onChange={(event) =>
                  limited.change(event, (text) =>
                    onChange(items.map((old, i) => (i === index ? text : old))),
                  )
                }
                onBlur={onBlur}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={vi.wizard.moveUp(index + 1)}
                disabled={index === 0}
                onClick={() => {
                  const next = [...items];
                  [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
                  onChange(next);
                  focusItem(index - 1);
                }}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={vi.wizard.removeItem(index + 1)}
                onClick={() => {
                  onChange(items.filter((_, i) => i !== index));
                  addRef.current?.focus();
                }}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button
          ref={addRef}
          type="button"
          className="secondary"
          disabled={items.length >= criterion.maxItems}
          onClick={() => {
            onChange([...items, '']);
            focusItem(items.length);
          }}
        >
          {vi.wizard.addItem}
        </button>
      </fieldset>
      <RefusedNote id={inputId} message={limited.message} />
    </FieldShell>
  );
}

export const fieldComponents: { [K in CriterionKind]: (props: FieldProps<K>) => ReactNode } = {
  text: TextField,
  longText: LongTextField,
  choice: ChoiceField,
  checklist: ChecklistField,
  date: DateField,
  list: ListField,
  indicatorTable: IndicatorTableField,
  group: (props) => <GroupField {...props} components={groupFieldComponents} />,
  imageList: ImageListField,
};

// The kinds a group's entries are made of, handed to the group field (which cannot
// import this module without a cycle).
const groupFieldComponents: GroupFieldComponents = {
  text: TextField,
  longText: LongTextField,
  choice: ChoiceField,
  date: DateField,
  imageList: ImageListField,
};

type AnyFieldProps = Omit<FieldProps<CriterionKind>, 'value' | 'onChange'> & {
  value: unknown;
  onChange: (value: never) => void;
};

// The criterion and value are matched by the form (the value was read for this kind).
export function CriterionField(props: AnyFieldProps) {
  const Component = fieldComponents[props.criterion.kind] as (p: AnyFieldProps) => ReactNode;
  return <Component {...props} />;
}
