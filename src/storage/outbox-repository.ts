// The outbox of submissions. Enqueueing freezes the report's current answers: the
// body and its hash are made first (hashing is async and cannot run inside an
// IndexedDB transaction), then one transaction checks that nothing changed meanwhile,
// takes the next revision number and stores the entry. Sending happens outside any
// transaction (src/sync). The body lists the photos its answers refer to, without their
// bytes: the engine uploads those the server asks for (by SHA-256, read from the photos table).
import { canonicalReportJson } from '@/domain/outbox/canonical-json';
import { outboxEntrySchema, type OutboxEntry, type Receipt } from '@/domain/outbox/outbox-entry';
import { buildReportFile } from '@/domain/report/report-schema';
import { sha256Hex } from '@/lib/sha256';
import { hasTable, type SoKetDatabase } from './db';
import { photosForAnswers } from './photo-file-repository';
import { getAnswers, getReport, reportMeta, ReportMissingError } from './report-repository';

export type Sha256 = (text: string) => Promise<string>;

export async function webSha256(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(text));
}

function restoreEntry(raw: unknown): OutboxEntry | null {
  const parsed = outboxEntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function listOutbox(db: SoKetDatabase, reportId?: string): Promise<OutboxEntry[]> {
  if (!hasTable(db, 'outbox')) return [];
  const rows = reportId
    ? await db.outbox.where('reportId').equals(reportId).toArray()
    : await db.outbox.toArray();
  return restoreOutbox(rows);
}

// Outbox rows as read from IndexedDB, checked (an entry that fails is left out), oldest first.
export function restoreOutbox(rows: readonly unknown[]): OutboxEntry[] {
  return rows
    .map(restoreEntry)
    .filter((entry): entry is OutboxEntry => entry !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.revision - b.revision);
}

// Puts a backup's submissions of one report back, inside the caller's transaction (which
// holds the outbox). An entry the device already has (the same id, or the same revision
// of the report) stays as the device has it: it knows best what was sent since. One
// caught in the middle of sending goes back to the queue. Returns the report's highest
// revision afterwards (0: none), for its `submittedRevision`.
export async function mergeSubmissions(
  db: SoKetDatabase,
  reportId: string,
  entries: readonly OutboxEntry[],
): Promise<number> {
  if (!hasTable(db, 'outbox')) return 0;
  const onDevice = (await db.outbox.where('reportId').equals(reportId).toArray())
    .map(restoreEntry)
    .filter((entry): entry is OutboxEntry => entry !== null);
  const ids = new Set(onDevice.map((entry) => entry.id));
  const revisions = new Set(onDevice.map((entry) => entry.revision));
  const added = entries.filter(
    (entry) => entry.reportId === reportId && !ids.has(entry.id) && !revisions.has(entry.revision),
  );
  await db.outbox.bulkAdd(
    added.map((entry) => (entry.state === 'sending' ? { ...entry, state: 'queued' } : entry)),
  );
  return Math.max(0, ...[...onDevice, ...added].map((entry) => entry.revision));
}

export class ReportChangedError extends Error {
  constructor() {
    super('the report changed while it was being frozen');
    this.name = 'ReportChangedError';
  }
}

// Content the same as the report's last submission: no new revision is made.
export class UnchangedSubmissionError extends Error {
  constructor(readonly revision: number) {
    super(`the content equals submission ${revision}`);
    this.name = 'UnchangedSubmissionError';
  }
}

// What a submission says, without when it was frozen or the report's save counter.
function submittedContent(body: OutboxEntry['body']): string {
  const { name, unit, templateId, templateVersion } = body.report;
  return canonicalReportJson({
    report: { name, unit, templateId, templateVersion },
    answers: body.answers,
    photos: body.photos,
    incomplete: body.incomplete === true,
  });
}

// `unlessUnchanged`: refuse (UnchangedSubmissionError) when the content is the same as
// the last submission's; checked in the transaction that takes the revision, so a double
// tap makes one. `incomplete`: marks the body for the province (asked first).
export async function enqueueSubmission(
  db: SoKetDatabase,
  reportId: string,
  options: {
    id: string;
    now: Date;
    sha256?: Sha256;
    unlessUnchanged?: boolean;
    incomplete?: boolean;
  },
): Promise<OutboxEntry> {
  const sha256 = options.sha256 ?? webSha256;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const loaded = await getReport(db, reportId);
    if (loaded.status !== 'ok') throw new ReportMissingError(reportId);
    const { answers } = await getAnswers(db, reportId);
    const nowIso = options.now.toISOString();
    const sent = await photosForAnswers(db, answers, { withData: false });
    const body = buildReportFile(reportMeta(loaded.report), sent.answers, nowIso, sent.photos);
    if (options.incomplete) body.incomplete = true;
    const hash = await sha256(canonicalReportJson(body));
    const entry = await db.transaction('rw', db.reports, db.outbox, async () => {
      const record = await db.reports.get(reportId);
      if (!record) throw new ReportMissingError(reportId);
      if (record.revision !== loaded.report.revision) return null; // edited meanwhile: freeze again
      if (options.unlessUnchanged) {
        const last = (await listOutbox(db, reportId))
          .filter((entry) => entry.state !== 'quarantined')
          .sort((a, b) => a.revision - b.revision)
          .at(-1);
        if (last && submittedContent(last.body) === submittedContent(body))
          throw new UnchangedSubmissionError(last.revision);
      }
      const revision =
        (typeof record.submittedRevision === 'number' ? record.submittedRevision : 0) + 1;
      const next: OutboxEntry = {
        id: options.id,
        reportId,
        revision,
        body,
        sha256: hash,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: options.now.getTime(),
        lastError: null,
        serverHead: null,
        receipt: null,
        uploadedFiles: [],
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      // The frozen answers are on their way off the device: no backup reminder for them.
      await db.reports.update(reportId, { submittedRevision: revision, changedSince: null });
      await db.outbox.add(next);
      return next;
    });
    if (entry) return entry;
  }
  throw new ReportChangedError();
}

export async function updateEntry(
  db: SoKetDatabase,
  id: string,
  change: Partial<
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
  >,
  now: Date,
): Promise<void> {
  await db.outbox.update(id, { ...change, updatedAt: now.toISOString() });
}

export async function markSent(
  db: SoKetDatabase,
  id: string,
  receipt: Receipt,
  now: Date,
): Promise<void> {
  await updateEntry(
    db,
    id,
    { state: 'sent', receipt, lastError: null, nextAttemptAt: Number.MAX_SAFE_INTEGER },
    now,
  );
}

// "Gửi thành lần nộp mới" after a 409: this entry and the later unsent ones of the same
// report move after the server's head, in order.
export async function renumberAfterConflict(
  db: SoKetDatabase,
  id: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.outbox, db.reports, async () => {
    const entry = restoreEntry(await db.outbox.get(id));
    if (!entry || entry.state !== 'conflict') return;
    const all = (await db.outbox.where('reportId').equals(entry.reportId).toArray())
      .map(restoreEntry)
      .filter(
        (e): e is OutboxEntry => e !== null && e.state !== 'sent' && e.revision >= entry.revision,
      )
      .sort((a, b) => a.revision - b.revision);
    let revision = Math.max(entry.serverHead ?? 0, 0) + 1;
    for (const item of all) {
      await db.outbox.update(item.id, {
        revision,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now.getTime(),
        lastError: null,
        serverHead: null,
        updatedAt: now.toISOString(),
      });
      revision += 1;
    }
    await db.reports.update(entry.reportId, { submittedRevision: revision - 1 });
  });
}

// "Gửi ngay": everything waiting is due now, with its backoff reset; entries that
// stopped for the access code are queued again.
export async function resetBackoff(db: SoKetDatabase, now: Date): Promise<void> {
  const entries = await listOutbox(db);
  await db.transaction('rw', db.outbox, async () => {
    for (const entry of entries) {
      if (
        entry.state === 'retrying' ||
        entry.state === 'authRequired' ||
        entry.state === 'queued'
      ) {
        await db.outbox.update(entry.id, {
          state: 'queued',
          attempts: 0,
          nextAttemptAt: now.getTime(),
          updatedAt: now.toISOString(),
        });
      }
    }
  });
}

const LOCK_KEY = 'sync-lock';

// A lease with a timeout, so one tab sends at a time and a closed tab's lease expires.
export async function acquireSyncLock(
  db: SoKetDatabase,
  owner: string,
  nowMs: number,
  ttlMs: number,
): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(LOCK_KEY);
    const lease = row?.value as { owner?: string; expiresAt?: number } | undefined;
    if (
      lease &&
      lease.owner !== owner &&
      typeof lease.expiresAt === 'number' &&
      lease.expiresAt > nowMs
    )
      return false;
    await db.settings.put({ key: LOCK_KEY, value: { owner, expiresAt: nowMs + ttlMs } });
    return true;
  });
}

export async function releaseSyncLock(db: SoKetDatabase, owner: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(LOCK_KEY);
    if ((row?.value as { owner?: string } | undefined)?.owner === owner)
      await db.settings.delete(LOCK_KEY);
  });
}
