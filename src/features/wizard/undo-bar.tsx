import type { Ref } from 'react';
import { vi } from '@/i18n/vi-report';
import type { Removal } from './use-undoable-removal';

// "Đã xóa … Hoàn tác": a live region that is always there, so that screen readers
// announce the message when it appears.
export function UndoBar({
  removal,
  onUndo,
  onDismiss,
  undoRef,
}: {
  removal: Removal | null;
  onUndo: () => void;
  onDismiss: () => void;
  undoRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div role="status" aria-live="polite" className="undo-area">
      {removal ? (
        <p className="notice undo-bar">
          <span>{removal.message}</span>{' '}
          <button ref={undoRef} type="button" className="link-button" onClick={onUndo}>
            {vi.group.undo}
          </button>
          <button type="button" className="link-button" aria-label={vi.dismiss} onClick={onDismiss}>
            ✕
          </button>
        </p>
      ) : null}
    </div>
  );
}
