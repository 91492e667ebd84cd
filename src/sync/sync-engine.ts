// The sync engine: sends the outbox, one entry at a time, never inside a database
// transaction. Everything it touches is injected (outbox, transport, clock, online
// check, lock, randomness, timers), so it runs the same in the browser and in tests.
//
// Ordering: entries go oldest first; a later revision of a report waits while an
// earlier one is still on its way (queued, sending, retrying or stopped for the access
// code), because the server accepts only head + 1. A quarantined or conflicting entry
// does not block: what follows is sent and the server says whether it fits.
// Idempotency: the server keys revisions by (report, revision) and hash, so sending an
// entry twice (a lost response, two tabs) stores it once.
// Retry classes: see domain/outbox/retry-policy.ts.
import type { OutboxEntry, Receipt } from '@/domain/outbox/outbox-entry';
import { receiptSchema } from '@/domain/outbox/outbox-entry';
import { decide, serverMessage, type SendOutcome } from '@/domain/outbox/retry-policy';

export type EntryChange = Partial<
  Pick<OutboxEntry, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'serverHead' | 'receipt'>
>;

export type SyncDeps = {
  outbox: {
    list: () => Promise<OutboxEntry[]>;
    update: (id: string, change: EntryChange) => Promise<void>;
    markSent: (id: string, receipt: Receipt) => Promise<void>;
  };
  // null when sync is not configured (no endpoint or no access code).
  transport: () => Promise<{ send: (entry: OutboxEntry) => Promise<SendOutcome> } | null>;
  now: () => number;
  isOnline: () => boolean;
  lock: { acquire: () => Promise<boolean>; release: () => Promise<void> };
  random: () => number;
  setTimer: (run: () => void, delayMs: number) => () => void;
  onChange?: () => void;
};

export type RunResult = {
  sent: number;
  stopped: 'done' | 'offline' | 'locked' | 'authRequired' | 'notConfigured';
};

const WAITING: ReadonlySet<OutboxEntry['state']> = new Set([
  'queued',
  'sending',
  'retrying',
  'authRequired',
]);
const NEVER = Number.MAX_SAFE_INTEGER;

export function nextDueEntry(entries: readonly OutboxEntry[], nowMs: number): OutboxEntry | null {
  for (const entry of entries) {
    if (entry.state !== 'queued' && entry.state !== 'retrying') continue;
    if (entry.nextAttemptAt > nowMs) continue;
    const isBlocked = entries.some(
      (other) =>
        other.reportId === entry.reportId &&
        other.revision < entry.revision &&
        WAITING.has(other.state),
    );
    if (!isBlocked) return entry;
  }
  return null;
}

export class SyncEngine {
  private running: Promise<RunResult> | null = null;
  private again = false;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly deps: SyncDeps) {}

  // Runs now, or once more after the current run.
  kick(): Promise<RunResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private async runLoop(): Promise<RunResult> {
    let result: RunResult;
    do {
      this.again = false;
      result = await this.runOnce();
    } while (this.again);
    await this.schedule();
    return result;
  }

  // Sends every due entry it may, one at a time.
  async runOnce(): Promise<RunResult> {
    const { deps } = this;
    if (!deps.isOnline()) return { sent: 0, stopped: 'offline' };
    const transport = await deps.transport();
    if (!transport) return { sent: 0, stopped: 'notConfigured' };
    if (!(await deps.lock.acquire())) return { sent: 0, stopped: 'locked' };
    let sent = 0;
    try {
      // Holding the lock, nobody else is sending: a 'sending' entry is from a tab that died.
      for (const entry of await deps.outbox.list()) {
        if (entry.state === 'sending') await deps.outbox.update(entry.id, { state: 'queued' });
      }
      for (;;) {
        if (!deps.isOnline()) return { sent, stopped: 'offline' };
        const entry = nextDueEntry(await deps.outbox.list(), deps.now());
        if (!entry) return { sent, stopped: 'done' };
        await deps.outbox.update(entry.id, { state: 'sending' });
        deps.onChange?.();
        const outcome = await transport.send(entry);
        const decision = decide(outcome, entry.attempts, deps.random());
        const status = outcome.kind === 'response' ? outcome.status : null;
        const message = outcome.kind === 'response' ? serverMessage(outcome.body) : null;
        switch (decision.action) {
          case 'sent': {
            const receipt = receiptSchema.safeParse(
              outcome.kind === 'response' ? outcome.body : null,
            );
            await deps.outbox.markSent(
              entry.id,
              receipt.success
                ? receipt.data
                : {
                    reportId: entry.reportId,
                    revision: entry.revision,
                    sha256: entry.sha256,
                    receivedAt: new Date(deps.now()).toISOString(),
                  },
            );
            sent += 1;
            break;
          }
          case 'retry':
            await deps.outbox.update(entry.id, {
              state: 'retrying',
              attempts: entry.attempts + 1,
              nextAttemptAt: deps.now() + decision.delayMs,
              lastError: { status, message: message ?? '' },
            });
            break;
          case 'authRequired':
            await deps.outbox.update(entry.id, {
              state: 'authRequired',
              lastError: { status, message: message ?? '' },
              nextAttemptAt: NEVER,
            });
            deps.onChange?.();
            return { sent, stopped: 'authRequired' };
          case 'conflict':
            await deps.outbox.update(entry.id, {
              state: 'conflict',
              serverHead: decision.head,
              lastError: { status, message: message ?? '' },
              nextAttemptAt: NEVER,
            });
            break;
          case 'quarantine':
            await deps.outbox.update(entry.id, {
              state: 'quarantined',
              lastError: { status, message: message ?? '' },
              nextAttemptAt: NEVER,
            });
            break;
        }
        deps.onChange?.();
      }
    } finally {
      await deps.lock.release();
    }
  }

  // The timer wakes the engine when the earliest retry is due.
  private async schedule(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const entries = await this.deps.outbox.list();
    const due = entries
      .filter((entry) => entry.state === 'queued' || entry.state === 'retrying')
      .map((entry) => entry.nextAttemptAt);
    if (due.length === 0) return;
    const delay = Math.max(1000, Math.min(...due) - this.deps.now());
    this.cancelTimer = this.deps.setTimer(() => void this.kick(), Math.min(delay, 5 * 60_000));
  }
}
