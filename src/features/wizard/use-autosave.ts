import { createContext, useContext, useEffect, useState } from 'react';
import type { AnswerValue } from '@/domain/report/answer-kinds';
import { AutosaveQueue, type SaveStatus } from '@/storage/autosave-queue';
import { getDatabase } from '@/storage/db';
import { registerFlush } from '@/storage/flush-registry';
import { saveAnswers } from '@/storage/report-repository';

export type AnswerQueue = AutosaveQueue<AnswerValue>;

// One queue per open report. It flushes when the page is hidden or being unloaded
// (pagehide also fires on mobile when the app is swiped away) and when the report closes.
// `lastSavedAt` is when the report was last stored, so a reopened report says so.
export function useAutosave(
  reportId: string,
  lastSavedAt: Date | null = null,
): { queue: AnswerQueue; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle', savedAt: lastSavedAt });
  const [queue] = useState(
    () =>
      new AutosaveQueue<AnswerValue>({
        write: (changes) => saveAnswers(getDatabase(), reportId, changes, new Date().toISOString()),
        onStatus: setStatus,
      }),
  );

  useEffect(() => {
    const flush = () => void queue.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    const unregister = registerFlush(() => queue.flush());
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
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
