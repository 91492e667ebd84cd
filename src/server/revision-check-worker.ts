// The worker thread behind revision-check-pool.ts: checks one body at a time.
import { parentPort } from 'node:worker_threads';
import { checkRevision, type RevisionCheck } from './revision-check';

export type RevisionCheckJob = { id: number; bytes: Uint8Array; reportId: string };
export type RevisionCheckAnswer = { id: number; result: RevisionCheck };

parentPort!.on('message', ({ id, bytes, reportId }: RevisionCheckJob) => {
  let result: RevisionCheck;
  try {
    result = checkRevision(bytes, reportId);
  } catch {
    result = { ok: false, error: 'internal' };
  }
  parentPort!.postMessage({ id, result } satisfies RevisionCheckAnswer);
});
