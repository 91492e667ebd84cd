// Small pieces shared by the field components (fields.tsx and the group and image list
// fields, which fields.tsx registers).
import type { ChangeEvent } from 'react';
import { textLength, toNfc } from '@/domain/report/text';
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
  const normalized = toNfc(raw);
  if (normalized === raw) {
    onChange(raw);
    return;
  }
  const caret = toNfc(raw.slice(0, element.selectionStart ?? raw.length)).length;
  onChange(normalized);
  requestAnimationFrame(() => {
    if (document.activeElement === element) element.setSelectionRange(caret, caret);
  });
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
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
