// The sync engine: sends the outbox, one entry at a time, never inside a database
// transaction. Everything it touches is injected (outbox, transport, clock, online
// check, lock, randomness, timers), so it runs the same in the browser and in tests.
//
// Ordering: entries go oldest first; a later revision of a report waits while an
// earlier one is still on its way (queued, sending, retrying or stopped for the access
// code), because the server accepts only head + 1. A quarantined or conflicting entry
// does not block: what follows is sent and the server says whether it fits.
// The body first, then the photos the server asks for: an entry's body lists its photos
// by SHA-256; the server stores a revision only once it holds every one of them, and
// answers 422 missingFiles naming those it lacks (and takes files only for a revision
// that listed them: a unit cannot fill the server with files of reports that never come).
// Those are uploaded (PUT …/files/{sha256}), each acknowledgement written to the entry
// (uploadedFiles), and the body sent again. A cut connection resumes the same way: the
// next try's 422 names only the photos still missing, so none is sent twice, nor one an
// earlier submission of the same report uploaded (the server keeps files by report).
// Idempotency: the server keys revisions by (report, revision) and hash, and files by
// (report, SHA-256), so sending anything twice (a lost response, two tabs) stores it once.
// Retry classes: see domain/outbox/retry-policy.ts; a failed photo upload is classed
// like a failed body (a 409 for a photo, which the server never sends, quarantines).
// Under loss: an answered request proves the connection, so every other entry waiting on
// its backoff is due again at once with its backoff started over (not one the server
// asked to wait with a 429); in the foreground the backoff starts at 2 s and no wait exceeds a minute.
import type { OutboxEntry, Receipt } from '@/domain/outbox/outbox-entry';
import { receiptSchema } from '@/domain/outbox/outbox-entry';
import {
  BACKGROUND,
  decide,
  FOREGROUND,
  serverMessage,
  type Decision,
  type SendOutcome,
} from '@/domain/outbox/retry-policy';
import { viModels } from '@/i18n/vi-models';

// How often a tab looks again while another tab is sending: a tab closed mid-upload
// leaves its entry 'sending' under a lease that runs out, and the tabs still open must
// take the entry over then, without waiting for a reload or a new submission.
export const SENDING_ELSEWHERE_RECHECK_MS = 15_000;

export type EntryChange = Partial<
  Pick<
    OutboxEntry,
    | 'state'
    | 'attempts'
    | 'nextAttemptAt'
    | 'lastError'
    | 'serverHead'
    | 'receipt'
    | 'uploadedFiles'
  >
>;

export type SyncTransport = {
  send: (entry: OutboxEntry) => Promise<SendOutcome>;
  uploadFile: (reportId: string, sha256: string, bytes: Blob) => Promise<SendOutcome>;
};

export type SyncDeps = {
  outbox: {
    list: () => Promise<OutboxEntry[]>;
    update: (id: string, change: EntryChange) => Promise<void>;
    markSent: (id: string, receipt: Receipt) => Promise<void>;
  };
  // null when sync is not configured (no endpoint or no access code).
  transport: () => Promise<SyncTransport | null>;
  // A photo's bytes by its id, or null when it is no longer on the device.
  photos: { read: (photoId: string) => Promise<Blob | null> };
  now: () => number;
  isOnline: () => boolean;
  // renew extends a held lease (a run of slow sends must not outlive it).
  lock: {
    acquire: () => Promise<boolean>;
    renew?: () => Promise<boolean>;
    release: () => Promise<void>;
  };
  random: () => number;
  // The app is open in front of the user (the page is visible): the backoff starts at 2 s
  // and is capped at a minute (else 5 s and five minutes).
  isForeground?: () => boolean;
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

  private limits() {
    return this.deps.isForeground?.() ? FOREGROUND : BACKGROUND;
  }

  // A request got through: the other entries waiting on their backoff are due now and
  // start their backoff over (one the server asked to wait, 429, keeps its wait).
  private async connectionProven(exceptId: string): Promise<void> {
    const { deps } = this;
    const now = deps.now();
    for (const other of await deps.outbox.list()) {
      if (
        other.id !== exceptId &&
        other.state === 'retrying' &&
        other.nextAttemptAt > now &&
        other.lastError?.status !== 429
      ) {
        await deps.outbox.update(other.id, { attempts: 0, nextAttemptAt: now });
      }
    }
  }

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
        const entries = await deps.outbox.list();
        const entry = nextDueEntry(entries, deps.now());
        if (!entry) return { sent, stopped: 'done' };
        // Renew the lease before each send, so a long run keeps it.
        if (deps.lock.renew && !(await deps.lock.renew())) return { sent, stopped: 'locked' };
        await deps.outbox.update(entry.id, { state: 'sending' });
        deps.onChange?.();
        let outcome = await transport.send(entry);
        let decision = decide(outcome, entry.attempts, deps.random(), this.limits());
        let { attempts } = entry;
        if (decision.action === 'reupload') {
          // The answer every new photo gets first: upload those, then the body again.
          await this.connectionProven(entry.id);
          const files = await this.uploadFiles(entry, transport, decision.files);
          if (files === 'authRequired') return { sent, stopped: 'authRequired' };
          if (files === 'locked') {
            await deps.outbox.update(entry.id, { state: 'queued' });
            return { sent, stopped: 'locked' };
          }
          if (files === 'stopped') {
            deps.onChange?.();
            continue;
          }
          attempts = files.attempts;
          outcome = await transport.send(entry);
          decision = decide(outcome, attempts, deps.random(), this.limits());
        }
        if (decision.action === 'sent') {
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
          await this.connectionProven(entry.id);
        } else if ((await this.fail(entry, outcome, decision, attempts)) === 'stop') {
          return { sent, stopped: 'authRequired' };
        }
        deps.onChange?.();
      }
    } finally {
      await deps.lock.release();
    }
  }

  // Uploads the entry's photos the server says it lacks (`missing`, their SHA-256), in
  // order, each once, recording each acknowledgement. 'stopped': this entry waits
  // (retry, quarantine); the run goes on.
  private async uploadFiles(
    entry: OutboxEntry,
    transport: SyncTransport,
    missing: readonly string[],
  ): Promise<{ attempts: number } | 'stopped' | 'authRequired' | 'locked'> {
    const { deps } = this;
    const uploaded = entry.uploadedFiles.filter((sha256) => !missing.includes(sha256));
    let attempts = entry.attempts;
    const pending = entry.body.photos.filter(
      (photo, index, all) =>
        missing.includes(photo.sha256) &&
        all.findIndex((other) => other.sha256 === photo.sha256) === index,
    );
    for (const photo of pending) {
      if (deps.lock.renew && !(await deps.lock.renew())) return 'locked';
      const bytes = await deps.photos.read(photo.id);
      if (!bytes) {
        await deps.outbox.update(entry.id, {
          state: 'quarantined',
          lastError: { status: null, message: viModels.photoSync.photoGone },
          nextAttemptAt: NEVER,
        });
        return 'stopped';
      }
      const outcome = await transport.uploadFile(entry.reportId, photo.sha256, bytes);
      const decision = decide(outcome, attempts, deps.random(), this.limits());
      if (decision.action !== 'sent') {
        const result = await this.fail(
          entry,
          outcome,
          decision.action === 'conflict' ? { action: 'quarantine' } : decision,
          attempts,
        );
        return result === 'stop' ? 'authRequired' : 'stopped';
      }
      uploaded.push(photo.sha256);
      // Progress: the backoff starts over.
      attempts = 0;
      await deps.outbox.update(entry.id, { uploadedFiles: [...uploaded], attempts });
      await this.connectionProven(entry.id);
    }
    return { attempts };
  }

  // Records a failed send of the entry or one of its photos. 'stop': the queue stops
  // until the user gives an access code.
  private async fail(
    entry: OutboxEntry,
    outcome: SendOutcome,
    decision: Exclude<Decision, { action: 'sent' }>,
    attempts: number,
  ): Promise<'stop' | 'continue'> {
    const { deps } = this;
    const lastError = errorOf(outcome);
    switch (decision.action) {
      case 'retry':
      case 'reupload':
        await deps.outbox.update(entry.id, {
          state: 'retrying',
          attempts: attempts + 1,
          nextAttemptAt: deps.now() + decision.delayMs,
          lastError,
        });
        return 'continue';
      case 'authRequired':
        await deps.outbox.update(entry.id, {
          state: 'authRequired',
          lastError,
          nextAttemptAt: NEVER,
        });
        deps.onChange?.();
        return 'stop';
      case 'conflict':
        await deps.outbox.update(entry.id, {
          state: 'conflict',
          serverHead: decision.head,
          lastError,
          nextAttemptAt: NEVER,
        });
        return 'continue';
      case 'quarantine':
        await deps.outbox.update(entry.id, {
          state: 'quarantined',
          lastError,
          nextAttemptAt: NEVER,
        });
        return 'continue';
    }
  }

  // The timer wakes the engine when the earliest entry it may send is due (a revision
  // held behind an earlier one waits for that one), and every 15 s while another tab
  // holds an entry in 'sending' (its lease may run out). After a 401/403 the queue stays
  // stopped until the user acts (Settings, "Gửi ngay"); with no endpoint or access code
  // it looks again after the cap (1 min in the foreground, 5 min else), not every second.
  private async schedule(result: RunResult): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (result.stopped === 'authRequired') return;
    const entries = await this.deps.outbox.list();
    const due = entries
      .filter((entry) => isSendable(entry, entries))
      .map((entry) => entry.nextAttemptAt);
    if (entries.some((entry) => entry.state === 'sending'))
      due.push(this.deps.now() + SENDING_ELSEWHERE_RECHECK_MS);
    if (due.length === 0) return;
    const cap = this.limits().maxMs;
    const floor = result.stopped === 'notConfigured' ? cap : 1000;
    const delay = Math.max(floor, Math.min(...due) - this.deps.now());
    this.cancelTimer = this.deps.setTimer(() => void this.kick(), Math.min(delay, cap));
  }
}

function errorOf(outcome: SendOutcome): { status: number | null; message: string } {
  return outcome.kind === 'response'
    ? { status: outcome.status, message: serverMessage(outcome.body) ?? '' }
    : { status: null, message: '' };
}
