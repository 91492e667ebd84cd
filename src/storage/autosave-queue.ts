// Save discipline for typed answers: every change reaches storage within `maxWaitMs`
// (debounced by `debounceMs` while typing), `flush()` writes at once (blur, hidden
// page, pagehide, leaving a step). A failed write keeps the pending values, reports
// the error and retries with growing delays; a newer value for the same field
// replaces the pending one, never the other way round.
import { classifySaveError, type SaveError } from './save-errors';

// Why a write failed (./save-errors.ts: the list needs it without this queue).
export {
  classifySaveError,
  storageTrouble,
  type SaveError,
  type StorageTrouble,
} from './save-errors';

export type SaveStatus =
  | { state: 'idle'; savedAt: Date | null }
  | { state: 'pending'; savedAt: Date | null }
  | { state: 'saving'; savedAt: Date | null }
  | { state: 'saved'; savedAt: Date }
  | { state: 'error'; savedAt: Date | null; error: SaveError; retryInMs: number };

// A synchronous write-ahead log (answer-journal.ts): `record` runs in `set`, before the
// write is queued; `committed` once the storage has committed a batch.
export type AutosaveJournal<V> = {
  record: (key: string, value: V) => void;
  committed: (values: ReadonlyMap<string, V>) => void;
};

export type AutosaveOptions<V> = {
  write: (changes: ReadonlyMap<string, V>) => Promise<void>;
  journal?: AutosaveJournal<V> | null;
  onStatus?: (status: SaveStatus) => void;
  now?: () => Date;
  debounceMs?: number;
  maxWaitMs?: number;
  retryDelaysMs?: readonly number[];
};

// The typed answers' timing (use-autosave.ts): IndexedDB within half a second of any
// keystroke (idb-commit-p95), the journal covering the gap. Tests that hold the timers
// read them from here.
export const ANSWER_SAVE_TIMING = { debounceMs: 150, maxWaitMs: 300 } as const;

// After a failed write the queue tries again by itself after these delays (the last one
// repeats), or at once on "Thử lại ngay".
export const SAVE_RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000] as const;

export class AutosaveQueue<V> {
  private pending = new Map<string, V>();
  private latest = new Map<string, V>();
  private inFlight: Promise<boolean> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private maxWaitTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private status: SaveStatus = { state: 'idle', savedAt: null };
  private disposed = false;
  private readonly opts: Required<AutosaveOptions<V>>;

  constructor(options: AutosaveOptions<V>) {
    this.opts = {
      onStatus: () => {},
      journal: null,
      now: () => new Date(),
      debounceMs: 250,
      maxWaitMs: 750,
      retryDelaysMs: SAVE_RETRY_DELAYS_MS,
      ...options,
    };
  }

  get hasPending(): boolean {
    return this.pending.size > 0 || this.inFlight !== null;
  }

  // Values typed but not stored yet (newest first wins), for an export when storage fails.
  pendingValues(): Map<string, V> {
    return new Map(this.pending);
  }

  // The newest value set for every key in this queue's life, stored or not: a form that
  // reopens before storage has answered still shows what was typed.
  latestValues(): Map<string, V> {
    return new Map(this.latest);
  }

  get currentStatus(): SaveStatus {
    return this.status;
  }

  set(key: string, value: V): void {
    if (this.disposed) return;
    this.opts.journal?.record(key, value);
    this.pending.set(key, value);
    this.latest.set(key, value);
    if (this.status.state !== 'error')
      this.setStatus({ state: 'pending', savedAt: this.status.savedAt });
    if (this.retryTimer) return; // the retry will carry this value too
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.flush(), this.opts.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => void this.flush(), this.opts.maxWaitMs);
  }

  // Writes everything pending now; resolves when it is stored or the write failed.
  async flush(): Promise<void> {
    this.clearTimers();
    if (this.inFlight) {
      await this.inFlight;
      if (this.pending.size > 0) return this.flush();
      return;
    }
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.setStatus({ state: 'saving', savedAt: this.status.savedAt });
    this.inFlight = this.runWrite(batch);
    let isWritten: boolean;
    try {
      isWritten = await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // After a failure only the retry timer writes again (none once disposed).
    if (isWritten && this.pending.size > 0 && !this.retryTimer) await this.flush();
  }

  private async runWrite(batch: Map<string, V>): Promise<boolean> {
    try {
      await this.opts.write(batch);
      this.opts.journal?.committed(batch);
      this.failures = 0;
      if (this.pending.size === 0) this.setStatus({ state: 'saved', savedAt: this.opts.now() });
      return true;
    } catch (error) {
      // Put the failed values back unless a newer value for the field arrived meanwhile.
      for (const [key, value] of batch) if (!this.pending.has(key)) this.pending.set(key, value);
      const delays = this.opts.retryDelaysMs;
      const retryInMs = delays[Math.min(this.failures, delays.length - 1)] ?? 1000;
      this.failures += 1;
      this.setStatus({
        state: 'error',
        savedAt: this.status.savedAt,
        error: classifySaveError(error),
        retryInMs,
      });
      if (this.retryTimer) clearTimeout(this.retryTimer);
      if (!this.disposed) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, retryInMs);
      }
      return false;
    }
  }

  // Retry now (the "Thử lại" button).
  retryNow(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearTimers() {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private setStatus(status: SaveStatus) {
    this.status = status;
    this.opts.onStatus(status);
  }
}
