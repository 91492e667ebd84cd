// Runs checkRevision in a worker thread, so a unit's costly bodies (multi-MB JSON, the
// schema over thousands of keys) never hold the event loop: /api/health and everyone
// else's requests are answered meanwhile. One thread per process, started on the first
// revision and shared by every server app in it (the check is stateless); jobs queue in
// it in order. If the thread dies (out of its memory limit), the jobs it held answer
// `internal` and the next job starts a new one.
//
// The server runs its TypeScript through tsx (`npm start`), and so does the thread:
// its plain-JavaScript entry registers tsx's loader before importing the worker module,
// which also works where the server was loaded by another tool (vitest, Playwright).
import { Worker } from 'node:worker_threads';
import type { RevisionCheck } from './revision-check';
import type { RevisionCheckAnswer, RevisionCheckJob } from './revision-check-worker';

export type RevisionChecker = (bytes: Uint8Array, reportId: string) => Promise<RevisionCheck>;

// A body is at most MAX_JSON_BYTES (5 MB); its parse and schema need far less than this.
const THREAD_MEMORY_MB = 512;

const entry = new URL('./revision-check-thread.mjs', import.meta.url);

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (result: RevisionCheck) => void>();

function failAll(): void {
  worker = undefined;
  for (const resolve of waiting.values()) resolve({ ok: false, error: 'internal' });
  waiting.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(entry, {
    resourceLimits: { maxOldGenerationSizeMb: THREAD_MEMORY_MB },
  });
  started.on('message', ({ id, result }: RevisionCheckAnswer) => {
    waiting.get(id)?.(result);
    waiting.delete(id);
  });
  started.on('error', failAll);
  started.on('exit', () => {
    if (worker === started) failAll();
  });
  // An idle thread does not keep a process alive (tests, the CLI); a pending request's
  // socket does.
  started.unref();
  worker = started;
  return started;
}

// Starts the thread ahead of the first revision (its TypeScript takes a second or more to
// load on a busy machine): the server does this when it starts listening.
export function warmRevisionCheck(): void {
  thread();
}

export const checkRevisionInThread: RevisionChecker = (bytes, reportId) =>
  new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    // The bytes move to the thread without a copy.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const owned = whole ? bytes : bytes.slice();
    thread().postMessage({ id, bytes: owned, reportId } satisfies RevisionCheckJob, [
      owned.buffer as ArrayBuffer,
    ]);
  });
