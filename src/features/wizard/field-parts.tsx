// Small pieces shared by the field components (fields.tsx and the group and image list
// fields, which fields.tsx registers).
import { useState, type ChangeEvent, type TextareaHTMLAttributes } from 'react';
import { acceptedLength, normalizeText, textLength } from '@/domain/report/text';
import { viLimits } from '@/i18n/vi-limits';
import { vi } from '@/i18n/vi-report';

// Keeps text in NFC as it is typed, without moving the caret. During IME composition the
// text is left alone; compositionend fires a change that normalises it.
export function nfcChange(
  event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>,
  onChange: (v: string) => void,
) {
  const element = event.target;
  const raw = element.value;
  if ((event.nativeEvent as InputEvent).isComposing) {
    onChange(raw);
    return;
  }
  const normalized = normalizeText(raw);
  if (normalized === raw) {
    onChange(raw);
    return;
  }
  const caret = normalizeText(raw.slice(0, element.selectionStart ?? raw.length)).length;
  onChange(normalized);
  requestAnimationFrame(() => {
    if (document.activeElement === element) element.setSelectionRange(caret, caret);
  });
}

type TextChange = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

// The one length rule at input (text.ts: acceptedLength): a change that would make the
// text longer than twice the field's maximum is refused before it is stored, and says
// so; the text stays as it was. Up to that, over-long text is kept with its error.
export function useLimitedChange(maxLength: number) {
  const [refused, setRefused] = useState<number | null>(null);
  const accepted = acceptedLength(maxLength);
  const change = (event: TextChange, onChange: (v: string) => void) =>
    nfcChange(event, (text) => {
      const length = text.length > accepted ? textLength(text) : 0;
      if (length > accepted) {
        setRefused(length);
        return;
      }
      setRefused(null);
      onChange(text);
    });
  const message = refused === null ? null : viLimits.refused(refused, accepted);
  return { change, message };
}

export function RefusedNote({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p className="field-error" role="alert" id={`${id}-refused`}>
      {message}
    </p>
  ) : null;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function Counter({ id, value, max }: { id: string; value: string; max: number }) {
  const length = textLength(value);
  return (
    <p className={`field-counter ${length > max ? 'over' : ''}`} id={`${id}-count`}>
      {vi.wizard.characters(length, max)}
    </p>
  );
}

// A one-line text (a Nơi nhận line, a photo caption) that wraps onto more lines instead
// of scrolling out of sight in a narrow box: a textarea that grows with its text
// (`field-sizing: content`), where Enter adds no line break and a pasted break becomes a
// space, as in a one-line input.
export function LineInput({
  onChange,
  ...props
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'rows'> & {
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
}) {
  return (
    <textarea
      {...props}
      rows={1}
      className={['line-input', props.className].filter(Boolean).join(' ')}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
        props.onKeyDown?.(event);
      }}
      onChange={(event) => {
        const element = event.target;
        if (/[\r\n]/.test(element.value)) {
          const caret = element.selectionStart;
          element.value = element.value.replace(/[\r\n]+/g, ' ');
          element.setSelectionRange(caret, caret);
        }
        onChange(event);
      }}
    />
  );
}
