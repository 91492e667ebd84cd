import { useCallback, useEffect, useRef, useState } from 'react';
import { getDatabase } from '@/storage/db';
import { deletePhotosIfUnreferenced } from '@/storage/photo-repository';
import { useReportId } from './report-id-context';
import { useAnswerQueue } from './use-autosave';

// How long "Hoàn tác" is offered after an entry or a photo is removed.
export const UNDO_WINDOW_MS = 10_000;

export type Removal = {
  message: string;
  // Puts the removed thing back where it was.
  undo: () => void;
  // Photos the removed thing referred to: deleted once the removal is final.
  photoIds: readonly string[];
};

type Pending = Removal & { timer: ReturnType<typeof setTimeout> };

// A removal is applied to the answer at once and can be undone for UNDO_WINDOW_MS. It
// becomes final when the window ends, another removal starts, the bar is closed or the
// field unmounts; then the answer without the removed thing is saved first, and only
// after that are its photos deleted (and only those nothing refers to any more, so a
// failed save deletes nothing).
export function useUndoableRemoval() {
  const reportId = useReportId();
  const queue = useAnswerQueue();
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);

  const finalize = useCallback(
    (removal: Pending) => {
      clearTimeout(removal.timer);
      if (removal.photoIds.length === 0) return;
      const ids = [...removal.photoIds];
      void queue
        .flush()
        .then(() => deletePhotosIfUnreferenced(getDatabase(), reportId, ids))
        // Left for the sweep when the report next opens.
        .catch(() => undefined);
    },
    [queue, reportId],
  );

  const settle = useCallback(() => {
    const current = pendingRef.current;
    if (!current) return;
    pendingRef.current = null;
    setPending(null);
    finalize(current);
  }, [finalize]);

  const remove = useCallback(
    (removal: Removal) => {
      settle();
      const next: Pending = {
        ...removal,
        timer: setTimeout(() => {
          if (pendingRef.current === next) settle();
        }, UNDO_WINDOW_MS),
      };
      pendingRef.current = next;
      setPending(next);
    },
    [settle],
  );

  const undo = useCallback(() => {
    const current = pendingRef.current;
    if (!current) return;
    clearTimeout(current.timer);
    pendingRef.current = null;
    setPending(null);
    current.undo();
  }, []);

  useEffect(
    () => () => {
      const current = pendingRef.current;
      if (!current) return;
      pendingRef.current = null;
      finalize(current);
    },
    [finalize],
  );

  return { pending: pending as Removal | null, remove, undo, dismiss: settle };
}
