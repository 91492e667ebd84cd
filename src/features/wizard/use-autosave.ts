import { createContext, useContext, useEffect, useState } from 'react';
import type { AnswerValue } from '@/domain/report/answer-kinds';
import { journalFor } from '@/storage/answer-journal';
import { ANSWER_SAVE_TIMING, AutosaveQueue, type SaveStatus } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { registerFlush } from '@/storage/flush-registry';
import { saveAnswers } from '@/storage/report-repository';
import { setSaveTrouble } from '@/storage/save-health';

export type AnswerQueue = AutosaveQueue<AnswerValue>;

// One queue per open report. Every change is journaled synchronously in localStorage
// first (answer-journal.ts), so a reload or a closed tab loses no keystroke. The queue
// flushes when the page is hidden or being unloaded (pagehide also fires on mobile when
// the app is swiped away) and when the report closes; leaving the page while a change
// is not in IndexedDB yet asks first. `lastSavedAt` is when the report was last stored,
// so a reopened report says so. A failing save is told to save-health.ts, so the list
// keeps warning about it.
export function useAutosave(
  reportId: string,
  lastSavedAt: Date | null = null,
  reportName = '',
): { queue: AnswerQueue; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle', savedAt: lastSavedAt });
  const [queue] = useState(
    () =>
      new AutosaveQueue<AnswerValue>({
        write: (changes) => saveAnswers(getDatabase(), reportId, changes, new Date().toISOString()),
        journal: journalFor(reportId),
        ...ANSWER_SAVE_TIMING,
        onStatus: (next) => {
          setStatus(next);
          if (next.state === 'error') setSaveTrouble(reportId, reportName, true);
          if (next.state === 'saved') setSaveTrouble(reportId, reportName, false);
        },
      }),
  );

  useEffect(() => {
    const flush = () => void queue.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.hasPending) return;
      flush();
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const unregister = registerFlush(() => queue.flush());
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Not disposed: React may run this effect again with the same queue (StrictMode).
      void queue.flush();
    };
  }, [queue]);

  return { queue, status };
}

export const AutosaveContext = createContext<AnswerQueue | null>(null);

export function useAnswerQueue(): AnswerQueue {
  const queue = useContext(AutosaveContext);
  if (!queue) throw new Error('useAnswerQueue outside AutosaveContext');
  return queue;
}
