import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { issueLimit, type AnswerValue, type IssueCode } from '@/domain/report/answer-kinds';
import {
  normalizeAnswer,
  stepFormSchema,
  stepFormValues,
  type Answers,
} from '@/domain/report/answers';
import { textLength } from '@/domain/report/text';
import { withPassage } from '@/domain/rollup/units-write';
import type { Criterion, Step } from '@/domain/template/template-schema';
import { issueMessage } from '@/i18n/vi-report';
import { CriterionField, fieldInputId } from './fields';
import { useAnswerQueue } from './use-autosave';

function errorText(
  criterion: Criterion,
  code: string | undefined,
  value: AnswerValue,
): string | undefined {
  if (!code) return undefined;
  const length =
    typeof value === 'string' ? textLength(value) : Array.isArray(value) ? value.length : 0;
  return issueMessage(code as IssueCode, { length, max: issueLimit(criterion, code as IssueCode) });
}

// One step of the wizard. Values come from storage once, when the step opens; every
// change goes to the autosave queue field by field, and the queue is flushed on blur
// and when the step closes.
// Something shown beside a long text field (the province's "Các đơn vị viết"); `insert`
// adds a passage as a paragraph at the end of the field, saved like typing.
export type FieldAside = (criterion: Criterion, insert: (passage: string) => void) => ReactNode;

export function StepForm({
  step,
  answers,
  focusFieldId,
  fieldAside,
}: {
  step: Step;
  answers: Answers;
  focusFieldId: string | null;
  fieldAside?: FieldAside | undefined;
}) {
  const queue = useAnswerQueue();
  const schema = useMemo(() => stepFormSchema(step), [step]);
  const form = useForm<Record<string, unknown>>({
    defaultValues: stepFormValues(step, answers),
    resolver: zodResolver(schema),
    mode: 'onChange',
  });
  const { control } = form;
  const triggered = useRef(false);

  useEffect(() => {
    // Rules other than "required" show at once when a step opens (e.g. a text too long).
    if (!triggered.current) {
      triggered.current = true;
      void form.trigger();
    }
    return () => void queue.flush();
  }, [form, queue]);

  useEffect(() => {
    if (!focusFieldId) return;
    // A field's own input, or the first input of a field without one (an appendix table).
    const target = document.getElementById(fieldInputId(focusFieldId));
    // A folded checklist (on a phone) opens to show the field it leads to.
    const fold = target?.closest('details');
    if (fold && !fold.open) fold.open = true;
    const focusable = target?.matches('input, select, textarea, button, [tabindex]')
      ? target
      : target?.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button');
    focusable?.focus();
  }, [focusFieldId]);

  return (
    <form className="step-form" noValidate onSubmit={(event) => event.preventDefault()}>
      {step.criteria.map((criterion) => (
        <Controller
          key={criterion.id}
          control={control}
          name={criterion.id}
          render={({ field, fieldState }) => {
            const code = fieldState.error?.message;
            const isShown = code !== undefined && (code !== 'required' || fieldState.isTouched);
            const change = (value: unknown) => {
              field.onChange(value);
              queue.set(criterion.id, normalizeAnswer(criterion, value as AnswerValue));
            };
            const input = (
              <CriterionField
                criterion={criterion}
                inputId={fieldInputId(criterion.id)}
                value={field.value as never}
                onChange={change}
                onBlur={() => {
                  field.onBlur();
                  void queue.flush();
                }}
                error={isShown ? errorText(criterion, code, field.value as AnswerValue) : undefined}
              />
            );
            const aside =
              fieldAside && criterion.kind === 'longText'
                ? fieldAside(criterion, (passage) => {
                    change(withPassage(String(field.value ?? ''), passage));
                    void queue.flush();
                  })
                : null;
            return aside ? (
              <div className="field-with-aside">
                {input}
                {aside}
              </div>
            ) : (
              input
            );
          }}
        />
      ))}
    </form>
  );
}
