import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalReportJson } from '@/domain/outbox/canonical-json';
import { outboxEntrySchema } from '@/domain/outbox/outbox-entry';
import type { Answers } from '@/domain/report/answers';
import { reportFileSchema } from '@/domain/report/report-schema';
import { SoKetDatabase } from '@/storage/db';
import {
  acquireSyncLock,
  enqueueSubmission,
  listOutbox,
  markSent,
  releaseSyncLock,
  renumberAfterConflict,
  ReportChangedError,
  resetBackoff,
  updateEntry,
  type Sha256,
} from '@/storage/outbox-repository';
import {
  createReport,
  getReport,
  ReportMissingError,
  saveAnswers,
} from '@/storage/report-repository';
import { makeNewReport } from './factories';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let counter = 0;
const openDatabases: SoKetDatabase[] = [];
const names = new Set<string>();

function openDatabase(name = `outbox-test-${++counter}`): SoKetDatabase {
  const db = new SoKetDatabase(name);
  openDatabases.push(db);
  names.add(name);
  return db;
}

afterEach(async () => {
  for (const db of openDatabases.splice(0)) db.close();
  for (const name of names) await Dexie.delete(name);
  names.clear();
});

const nodeSha256: Sha256 = async (text) => createHash('sha256').update(text, 'utf8').digest('hex');

async function withReport(id = 'report-1', answers: Answers = { place: 'Hồng Dân' }) {
  const db = openDatabase();
  await createReport(db, makeNewReport({ id, answers }));
  return db;
}

let idCounter = 0;
function enqueue(db: SoKetDatabase, reportId = 'report-1', now = T0, sha256 = nodeSha256) {
  return enqueueSubmission(db, reportId, { id: `entry-${++idCounter}`, now, sha256 });
}

async function submittedRevision(db: SoKetDatabase, reportId = 'report-1') {
  const loaded = await getReport(db, reportId);
  return loaded.status === 'ok' ? loaded.report.submittedRevision : null;
}

describe('enqueueSubmission', () => {
  it('stores a queued entry with the frozen answers, due now', async () => {
    const db = await withReport();
    const entry = await enqueue(db);
    expect(entry).toMatchObject({
      reportId: 'report-1',
      revision: 1,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: T0.getTime(),
      lastError: null,
      serverHead: null,
      receipt: null,
      createdAt: T0.toISOString(),
    });
    expect(entry.body.answers).toEqual({ place: 'Hồng Dân' });
    expect(entry.body.report.id).toBe('report-1');
    expect(entry.body.exportedAt).toBe(T0.toISOString());
    expect(outboxEntrySchema.safeParse(entry).success).toBe(true);
    expect(await listOutbox(db)).toEqual([entry]);
    expect(await submittedRevision(db)).toBe(1);
  });

  it('keeps the entry body as it was when the report is edited afterwards', async () => {
    const db = await withReport();
    const entry = await enqueue(db);
    await saveAnswers(db, 'report-1', new Map([['place', 'Phước Long']]), at(5).toISOString());
    const [stored] = await listOutbox(db, 'report-1');
    expect(stored?.body).toEqual(entry.body);
    expect(stored?.body.answers).toEqual({ place: 'Hồng Dân' });
    expect(stored?.sha256).toBe(entry.sha256);

    const next = await enqueue(db, 'report-1', at(10));
    expect(next.body.answers).toEqual({ place: 'Phước Long' });
  });

  it('numbers the submissions of each report 1, 2, 3 on their own', async () => {
    const db = await withReport('a');
    await createReport(db, makeNewReport({ id: 'b' }));
    const revisions: [string, number][] = [];
    for (const [reportId, seconds] of [
      ['a', 1],
      ['a', 2],
      ['b', 3],
      ['a', 4],
      ['b', 5],
    ] as const) {
      const entry = await enqueue(db, reportId, at(seconds));
      revisions.push([reportId, entry.revision]);
    }
    expect(revisions).toEqual([
      ['a', 1],
      ['a', 2],
      ['b', 1],
      ['a', 3],
      ['b', 2],
    ]);
    expect((await listOutbox(db, 'a')).map((e) => e.revision)).toEqual([1, 2, 3]);
    expect(await submittedRevision(db, 'a')).toBe(3);
    expect(await submittedRevision(db, 'b')).toBe(2);
  });

  it('hashes the canonical JSON of the body (SHA-256, hex)', async () => {
    const db = await withReport('report-1', {
      place: 'Hồng Dân',
      notes: 'Ghi chú',
      recipients: ['Lưu VP'],
    });
    const entry = await enqueue(db);
    const expected = createHash('sha256')
      .update(canonicalReportJson(entry.body), 'utf8')
      .digest('hex');
    expect(entry.sha256).toBe(expected);
  });

  it('hashes with Web Crypto by default, to the same value', async () => {
    const db = await withReport();
    const entry = await enqueueSubmission(db, 'report-1', { id: 'web', now: T0 });
    const expected = createHash('sha256')
      .update(canonicalReportJson(entry.body), 'utf8')
      .digest('hex');
    expect(entry.sha256).toBe(expected);
  });

  it('hashes the same bytes as the server, which hashes the parsed body', async () => {
    const db = await withReport();
    const entry = await enqueue(db);
    const parsed = reportFileSchema.parse(JSON.parse(JSON.stringify(entry.body)));
    const serverHash = createHash('sha256')
      .update(canonicalReportJson(parsed), 'utf8')
      .digest('hex');
    expect(serverHash).toBe(entry.sha256);
  });

  it('freezes again when an edit lands while the body is hashed', async () => {
    const db = await withReport();
    let calls = 0;
    const racingSha256: Sha256 = async (text) => {
      calls += 1;
      if (calls === 1) {
        await saveAnswers(db, 'report-1', new Map([['place', 'Giá Rai']]), at(1).toISOString());
      }
      return nodeSha256(text);
    };
    const entry = await enqueue(db, 'report-1', at(2), racingSha256);
    expect(calls).toBe(2);
    expect(entry.body.answers).toEqual({ place: 'Giá Rai' });
    expect(entry.body.report.revision).toBe(1);
    expect(entry.sha256).toBe(await nodeSha256(canonicalReportJson(entry.body)));
    expect(entry.revision).toBe(1);
  });

  it('gives up with ReportChangedError after 5 tries when edits keep coming', async () => {
    const db = await withReport();
    let calls = 0;
    const busySha256: Sha256 = async (text) => {
      calls += 1;
      await saveAnswers(
        db,
        'report-1',
        new Map([['place', `Lần ${calls}`]]),
        at(calls).toISOString(),
      );
      return nodeSha256(text);
    };
    await expect(enqueue(db, 'report-1', T0, busySha256)).rejects.toBeInstanceOf(
      ReportChangedError,
    );
    expect(calls).toBe(5);
    expect(await listOutbox(db)).toEqual([]);
    expect(await submittedRevision(db)).toBe(0);
  });

  it('refuses a report that does not exist', async () => {
    const db = openDatabase();
    await expect(enqueue(db, 'nothing')).rejects.toBeInstanceOf(ReportMissingError);
    expect(await listOutbox(db)).toEqual([]);
  });
});

describe('updateEntry and markSent', () => {
  it('keeps the receipt and never makes a sent entry due again', async () => {
    const db = await withReport();
    const entry = await enqueue(db);
    await updateEntry(
      db,
      entry.id,
      { state: 'retrying', attempts: 2, lastError: { status: 503, message: '' } },
      at(1),
    );
    const receipt = {
      reportId: 'report-1',
      revision: 1,
      sha256: entry.sha256,
      receivedAt: at(2).toISOString(),
    };
    await markSent(db, entry.id, receipt, at(2));
    const [stored] = await listOutbox(db);
    expect(stored).toMatchObject({
      state: 'sent',
      receipt,
      lastError: null,
      nextAttemptAt: Number.MAX_SAFE_INTEGER,
      updatedAt: at(2).toISOString(),
    });
  });

  it('leaves out a stored entry of the wrong shape instead of failing the list', async () => {
    const db = await withReport();
    const entry = await enqueue(db);
    await db.outbox.put({ id: 'broken', reportId: 'report-1', state: 'queued' });
    expect((await listOutbox(db)).map((e) => e.id)).toEqual([entry.id]);
  });
});

describe('renumberAfterConflict', () => {
  async function fourSubmissions() {
    const db = await withReport();
    const entries = [];
    for (let i = 1; i <= 4; i += 1) entries.push(await enqueue(db, 'report-1', at(i)));
    const [first, second, third, fourth] = entries as [
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
      (typeof entries)[0],
    ];
    await markSent(
      db,
      first.id,
      { reportId: 'report-1', revision: 1, sha256: first.sha256, receivedAt: at(5).toISOString() },
      at(5),
    );
    await updateEntry(
      db,
      second.id,
      {
        state: 'conflict',
        serverHead: 4,
        lastError: { status: 409, message: 'Xung đột' },
        nextAttemptAt: Number.MAX_SAFE_INTEGER,
      },
      at(6),
    );
    await updateEntry(
      db,
      fourth.id,
      { state: 'retrying', attempts: 3, nextAttemptAt: at(600).getTime() },
      at(6),
    );
    return { db, first, second, third, fourth };
  }

  it('moves the conflicting entry and the later unsent ones after the server head', async () => {
    const { db, first, second, third, fourth } = await fourSubmissions();
    await renumberAfterConflict(db, second.id, at(10));
    const byId = new Map((await listOutbox(db)).map((e) => [e.id, e]));
    expect(byId.get(first.id)).toMatchObject({ revision: 1, state: 'sent' });
    for (const [entry, revision] of [
      [second, 5],
      [third, 6],
      [fourth, 7],
    ] as const) {
      expect(byId.get(entry.id)).toMatchObject({
        revision,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: at(10).getTime(),
        lastError: null,
        serverHead: null,
      });
      // The frozen body and its hash do not change with the number.
      expect(byId.get(entry.id)?.body).toEqual(entry.body);
      expect(byId.get(entry.id)?.sha256).toBe(entry.sha256);
    }
    expect(await submittedRevision(db)).toBe(7);
    expect((await enqueue(db, 'report-1', at(11))).revision).toBe(8);
  });

  it('does nothing for an entry that is not in conflict', async () => {
    const { db, third } = await fourSubmissions();
    const before = await listOutbox(db);
    await renumberAfterConflict(db, third.id, at(10));
    expect(await listOutbox(db)).toEqual(before);
    await renumberAfterConflict(db, 'missing', at(10));
    expect(await listOutbox(db)).toEqual(before);
  });

  it('leaves the entries of other reports alone', async () => {
    const { db, second } = await fourSubmissions();
    await createReport(db, makeNewReport({ id: 'other' }));
    const other = await enqueue(db, 'other', at(7));
    await renumberAfterConflict(db, second.id, at(10));
    expect((await listOutbox(db, 'other'))[0]).toEqual(other);
  });
});

describe('resetBackoff', () => {
  it('makes every waiting entry due now and queues again the ones that wanted the code', async () => {
    const db = await withReport();
    await createReport(db, makeNewReport({ id: 'b' }));
    const states = [
      'queued',
      'retrying',
      'authRequired',
      'sent',
      'conflict',
      'quarantined',
    ] as const;
    const ids: string[] = [];
    for (const [i, state] of states.entries()) {
      const entry = await enqueue(db, i % 2 ? 'b' : 'report-1', at(i));
      await updateEntry(
        db,
        entry.id,
        { state, attempts: 4, nextAttemptAt: at(900).getTime() },
        at(i),
      );
      ids.push(entry.id);
    }
    await resetBackoff(db, at(60));
    const byId = new Map((await listOutbox(db)).map((e) => [e.id, e]));
    const view = ids.map((id) => {
      const e = byId.get(id)!;
      return [e.state, e.attempts, e.nextAttemptAt];
    });
    expect(view).toEqual([
      ['queued', 0, at(60).getTime()],
      ['queued', 0, at(60).getTime()],
      ['queued', 0, at(60).getTime()],
      ['sent', 4, at(900).getTime()],
      ['conflict', 4, at(900).getTime()],
      ['quarantined', 4, at(900).getTime()],
    ]);
  });
});

describe('the sync lock', () => {
  const TTL = 60_000;
  const t = T0.getTime();

  it('refuses a second owner until the lease expires', async () => {
    const db = openDatabase();
    expect(await acquireSyncLock(db, 'tab-a', t, TTL)).toBe(true);
    expect(await acquireSyncLock(db, 'tab-b', t + 1_000, TTL)).toBe(false);
    expect(await acquireSyncLock(db, 'tab-b', t + TTL - 1, TTL)).toBe(false);
    expect(await acquireSyncLock(db, 'tab-b', t + TTL, TTL)).toBe(true);
    expect(await acquireSyncLock(db, 'tab-a', t + TTL + 1, TTL)).toBe(false);
  });

  it('lets the owner take it again, which extends the lease', async () => {
    const db = openDatabase();
    expect(await acquireSyncLock(db, 'tab-a', t, TTL)).toBe(true);
    expect(await acquireSyncLock(db, 'tab-a', t + 50_000, TTL)).toBe(true);
    expect(await acquireSyncLock(db, 'tab-b', t + 70_000, TTL)).toBe(false);
    expect(await acquireSyncLock(db, 'tab-b', t + 110_000, TTL)).toBe(true);
  });

  it('is released by its owner only', async () => {
    const db = openDatabase();
    expect(await acquireSyncLock(db, 'tab-a', t, TTL)).toBe(true);
    await releaseSyncLock(db, 'tab-b');
    expect(await acquireSyncLock(db, 'tab-b', t + 1, TTL)).toBe(false);
    await releaseSyncLock(db, 'tab-a');
    expect(await acquireSyncLock(db, 'tab-b', t + 2, TTL)).toBe(true);
  });

  it('gives one lease to one of two owners asking at once', async () => {
    const db = openDatabase();
    const results = await Promise.all([
      acquireSyncLock(db, 'tab-a', t, TTL),
      acquireSyncLock(db, 'tab-b', t, TTL),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
