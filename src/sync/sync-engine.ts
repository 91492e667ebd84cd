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
import {
  decide,
  MAX_DELAY_MS,
  serverMessage,
  type SendOutcome,
} from '@/domain/outbox/retry-policy';

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
  // renew extends a held lease (a run of slow sends must not outlive it).
  lock: {
    acquire: () => Promise<boolean>;
    renew?: () => Promise<boolean>;
    release: () => Promise<void>;
  };
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

// Queued or retrying, and no earlier revision of its report still on its way.
function isSendable(entry: OutboxEntry, entries: readonly OutboxEntry[]): boolean {
  if (entry.state !== 'queued' && entry.state !== 'retrying') return false;
  return !entries.some(
    (other) =>
      other.reportId === entry.reportId &&
      other.revision < entry.revision &&
      WAITING.has(other.state),
  );
}

export function nextDueEntry(entries: readonly OutboxEntry[], nowMs: number): OutboxEntry | null {
  return (
    entries.find((entry) => entry.nextAttemptAt <= nowMs && isSendable(entry, entries)) ?? null
  );
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
    await this.schedule(result);
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
        // Renew the lease before each send, so a long run keeps it.
        if (deps.lock.renew && !(await deps.lock.renew())) return { sent, stopped: 'locked' };
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

  // The timer wakes the engine when the earliest entry it may send is due (a revision
  // held behind an earlier one waits for that one). After a 401/403 the queue stays
  // stopped until the user acts (Settings, "Gửi ngay"); with no endpoint or access code
  // it looks again in 5 minutes, not every second.
  private async schedule(result: RunResult): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (result.stopped === 'authRequired') return;
    const entries = await this.deps.outbox.list();
    const due = entries
      .filter((entry) => isSendable(entry, entries))
      .map((entry) => entry.nextAttemptAt);
    if (due.length === 0) return;
    const floor = result.stopped === 'notConfigured' ? MAX_DELAY_MS : 1000;
    const delay = Math.max(floor, Math.min(...due) - this.deps.now());
    this.cancelTimer = this.deps.setTimer(() => void this.kick(), Math.min(delay, MAX_DELAY_MS));
  }
}
