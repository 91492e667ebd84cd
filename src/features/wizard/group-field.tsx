// A repeatable group (the good models, the materials list): its entries as cards that
// fold open and shut, each made of the template's fields, rendered by the same field
// components as a step's. The whole list is one answer: every change hands the new list
// to the form. Removing an entry can be undone for a while; its photos are deleted once
// the removal is final and saved (use-undoable-removal.ts).
import { useState, type ReactNode } from 'react';
import {
  checkGroupField,
  groupFieldValue,
  issueLimit,
  photoIdsInValue,
  type GroupItem,
  type IssueCode,
} from '@/domain/report/answer-kinds';
import { textLength } from '@/domain/report/text';
import type {
  GroupField as GroupFieldSpec,
  GroupFieldKind,
} from '@/domain/template/template-schema';
import { issueMessage, vi } from '@/i18n/vi-report';
import { newId } from '@/lib/ids';
import { describedBy } from './field-parts';
import type { FieldProps } from './fields';
import { UndoBar } from './undo-bar';
import { useListEditor } from './use-list-editor';
import { useUndoableRemoval } from './use-undoable-removal';

export type GroupFieldComponents = {
  [K in GroupFieldKind]: (props: FieldProps<K>) => ReactNode;
};

type AnySubFieldProps = Omit<FieldProps<GroupFieldKind>, 'value' | 'onChange'> & {
  value: unknown;
  onChange: (value: unknown) => void;
};

// The id of a field of an entry: field-<groupId>-<entryIndex>-<fieldId>.
export function entryFieldId(groupInputId: string, index: number, fieldId: string): string {
  return `${groupInputId}-${index}-${fieldId}`;
}

function subFieldError(field: GroupFieldSpec, code: IssueCode, item: GroupItem): string {
  const value = groupFieldValue(field, item);
  const length = typeof value === 'string' ? textLength(value) : 0;
  return issueMessage(code, { length, max: issueLimit(field, code) });
}

// Rules other than "required" show at once; "required" once the field was left.
function shownIssue(field: GroupFieldSpec, item: GroupItem, isTouched: boolean): IssueCode | null {
  const code = checkGroupField(field, item);
  return code !== null && (code !== 'required' || isTouched) ? code : null;
}

function hasRuleBroken(fields: readonly GroupFieldSpec[], item: GroupItem): boolean {
  return fields.some((field) => {
    const code = checkGroupField(field, item);
    return code !== null && code !== 'required';
  });
}

export function GroupField({
  criterion,
  inputId,
  value,
  onChange,
  onBlur,
  error,
  components,
}: FieldProps<'group'> & { components: GroupFieldComponents }) {
  const { fields, itemLabel } = criterion;
  const titleField = fields.find((field) => field.id === criterion.titleField);
  // An entry that breaks a rule opens with the step, as does a lone entry.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        value
          .filter((item) => value.length === 1 || hasRuleBroken(fields, item))
          .map((item) => item.id),
      ),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const removal = useUndoableRemoval();
  const { valueRef, commit, focusAfterRender, move } = useListEditor(
    value,
    onChange,
    (item) => item.id,
  );
  const setExpandedOne = (id: string, isOpen: boolean) =>
    setExpanded((old) => {
      if (old.has(id) === isOpen) return old;
      const next = new Set(old);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  const touch = (key: string) => setTouched((old) => (old.has(key) ? old : new Set(old).add(key)));

  const titleOf = (item: GroupItem) =>
    titleField ? String(groupFieldValue(titleField, item)).trim() : '';
  const entryName = (item: GroupItem, index: number) =>
    vi.group.entryName(itemLabel, index + 1, titleOf(item));
  const toggleId = (index: number) => `${inputId}-${index}-toggle`;

  const setField = (itemId: string, fieldId: string, fieldValue: unknown) =>
    commit(
      valueRef.current.map((item) =>
        item.id === itemId ? { ...item, values: { ...item.values, [fieldId]: fieldValue } } : item,
      ) as GroupItem[],
    );

  const add = () => {
    const item: GroupItem = { id: newId(), values: {} };
    const index = valueRef.current.length;
    commit([...valueRef.current, item]);
    setExpandedOne(item.id, true);
    const first = fields[0];
    focusAfterRender(
      first ? entryFieldId(inputId, index, first.id) : toggleId(index),
      (rendered) => rendered[index]?.id === item.id,
    );
  };

  const moveButtonId = (to: number, isBackward: boolean) =>
    `${inputId}-${to}-${isBackward ? 'up' : 'down'}`;

  const remove = (index: number) => {
    const item = valueRef.current[index];
    if (!item) return;
    const wasOpen = expanded.has(item.id);
    commit(valueRef.current.filter((other) => other.id !== item.id));
    removal.remove({
      message: vi.group.removed(itemLabel, titleOf(item), index + 1),
      photoIds: [...photoIdsInValue(item)],
      undo: () => {
        const list = [...valueRef.current];
        const at = Math.min(index, list.length);
        list.splice(at, 0, item);
        commit(list);
        setExpandedOne(item.id, wasOpen);
        focusAfterRender(toggleId(at), (rendered) => rendered[at]?.id === item.id);
      },
    });
    focusAfterRender(`${inputId}-add`, (rendered) => !rendered.some((o) => o.id === item.id));
  };

  const isShown = (item: GroupItem, field: GroupFieldSpec) =>
    shownIssue(field, item, touched.has(`${item.id}/${field.id}`)) !== null;
  const anyShown = value.some((item) => fields.some((field) => isShown(item, field)));
  // "An entry has an error" says nothing until the entry shows which.
  const groupError =
    (error === vi.issues.entryInvalid || error === vi.issues.entryIncomplete) && !anyShown
      ? undefined
      : error;
  const isFull = value.length >= criterion.maxItems;

  return (
    <div className={`field group-field ${groupError ? 'field-has-error' : ''}`}>
      <fieldset
        id={inputId}
        tabIndex={-1}
        aria-describedby={describedBy(
          criterion.help && `${inputId}-help`,
          groupError && `${inputId}-error`,
        )}
      >
        <legend className="field-label">
          {criterion.label}
          {criterion.required ? (
            <span className="required-mark"> ({vi.wizard.required})</span>
          ) : null}
        </legend>
        {criterion.help ? (
          <p className="field-help" id={`${inputId}-help`}>
            {criterion.help}
          </p>
        ) : null}
        {value.length === 0 ? <p className="group-empty">{vi.group.empty(itemLabel)}</p> : null}
        <ol className="group-items">
          {value.map((item, index) => {
            const isOpen = expanded.has(item.id);
            const title = titleOf(item);
            const name = entryName(item, index);
            const hasShownError = fields.some((field) => isShown(item, field));
            const bodyId = `${inputId}-${index}-body`;
            return (
              <li key={item.id} className={`group-item ${hasShownError ? 'has-error' : ''}`}>
                <div className="group-item-head">
                  <h3 className="group-item-title">
                    <button
                      type="button"
                      id={toggleId(index)}
                      className="disclosure"
                      aria-expanded={isOpen}
                      aria-controls={bodyId}
                      onClick={() => setExpandedOne(item.id, !isOpen)}
                    >
                      <span className="disclosure-icon" aria-hidden="true">
                        {isOpen ? '▾' : '▸'}
                      </span>
                      <span className="group-item-number">{index + 1}.</span>{' '}
                      <span className="group-item-name">
                        {title || vi.group.untitled(itemLabel, index + 1)}
                      </span>
                      {hasShownError ? (
                        <span className="group-item-flag"> – {vi.group.hasErrors}</span>
                      ) : null}
                    </button>
                  </h3>
                  <div className="group-item-actions">
                    <button
                      type="button"
                      id={`${inputId}-${index}-up`}
                      className="icon-button"
                      aria-label={vi.group.moveUp(name)}
                      disabled={index === 0}
                      onClick={() => move(index, -1, moveButtonId)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`${inputId}-${index}-down`}
                      className="icon-button"
                      aria-label={vi.group.moveDown(name)}
                      disabled={index === value.length - 1}
                      onClick={() => move(index, 1, moveButtonId)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={vi.group.removeLabel(name)}
                      onClick={() => remove(index)}
                    >
                      {vi.group.remove}
                    </button>
                  </div>
                </div>
                <div id={bodyId} className="group-item-body" hidden={!isOpen}>
                  {fields.map((field) => {
                    const Component = components[field.kind] as (
                      props: AnySubFieldProps,
                    ) => ReactNode;
                    const key = `${item.id}/${field.id}`;
                    const code = shownIssue(field, item, touched.has(key));
                    return (
                      <Component
                        key={field.id}
                        criterion={field}
                        inputId={entryFieldId(inputId, index, field.id)}
                        value={groupFieldValue(field, item)}
                        onChange={(fieldValue) => setField(item.id, field.id, fieldValue)}
                        onBlur={() => {
                          touch(key);
                          onBlur();
                        }}
                        error={code === null ? undefined : subFieldError(field, code, item)}
                      />
                    );
                  })}
                </div>
              </li>
            );
          })}
        </ol>
        <UndoBar removal={removal.pending} onUndo={removal.undo} onDismiss={removal.dismiss} />
        <div className="group-add">
          <button
            id={`${inputId}-add`}
            type="button"
            className="secondary"
            disabled={isFull}
            aria-describedby={isFull ? `${inputId}-full` : undefined}
            onClick={add}
          >
            {criterion.addLabel}
          </button>
          {isFull ? (
            <p className="field-help" id={`${inputId}-full`}>
              {vi.group.full(criterion.maxItems)}
            </p>
          ) : null}
        </div>
      </fieldset>
      {groupError ? (
        <p className="field-error" id={`${inputId}-error`}>
          {groupError}
        </p>
      ) : null}
    </div>
  );
}
