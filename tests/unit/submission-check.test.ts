// What "Nộp báo cáo" checks before queueing: errors block, missing items ask, and content
// the same as the last submission (or a double tap) makes no new revision.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { initialAnswers } from '@/domain/report/answers';
import { submissionCheck } from '@/domain/report/progress';
import { SoKetDatabase } from '@/storage/db';
import {
  enqueueSubmission,
  listOutbox,
  UnchangedSubmissionError,
} from '@/storage/outbox-repository';
import { createReport, saveAnswers } from '@/storage/report-repository';
import { defaultTemplate } from '@/templates/template-registry';
import { makeNewReport } from './factories';

const T0 = new Date('2024-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const databases: SoKetDatabase[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function reportDb() {
  const db = new SoKetDatabase(`submission-check-${databases.length}-${Math.random()}`);
  databases.push(db);
  await createReport(db, makeNewReport({ id: 'r1' }));
  return db;
}

describe('submissionCheck', () => {
  const template = defaultTemplate;
  const unit = { id: 'hong-dan', name: 'Huyện Đoàn Hồng Dân' };

  it('finds only missing items in an untouched report', () => {
    const check = submissionCheck(template, initialAnswers(template, unit));
    expect(check.errors).toEqual([]);
    expect(check.missing.length).toBeGreaterThan(0);
  });

  it('counts an appendix table whose numbers contradict each other as an error', () => {
    const answers = {
      ...initialAnswers(template, unit),
      'union-ratings-table': {
        cells: { 'ur-rated': { '2009': 20 }, 'ur-strong': { '2009': 22 } },
        targets: {},
        notes: {},
        isMarkedComplete: false,
      },
    };
    const check = submissionCheck(template, answers as never);
    expect(check.errors.map((issue) => issue.code)).toContain('appendixError');
  });
});

describe('enqueueSubmission with unlessUnchanged', () => {
  it('makes no new revision for content the same as the last submission', async () => {
    const db = await reportDb();
    await enqueueSubmission(db, 'r1', { id: 'e1', now: at(0), unlessUnchanged: true });
    // Saved again with the same value: the save counter moves, the content does not.
    await saveAnswers(db, 'r1', new Map([['recipients', ['Lưu VP']]]), at(5).toISOString());
    const second = enqueueSubmission(db, 'r1', { id: 'e2', now: at(10), unlessUnchanged: true });
    await expect(second).rejects.toEqual(new UnchangedSubmissionError(1));
    expect((await listOutbox(db, 'r1')).map((e) => e.revision)).toEqual([1]);

    await saveAnswers(db, 'r1', new Map([['direction-results', 'Mới']]), at(20).toISOString());
    const third = await enqueueSubmission(db, 'r1', {
      id: 'e3',
      now: at(30),
      unlessUnchanged: true,
      incomplete: true,
    });
    expect(third.revision).toBe(2);
    expect(third.body.incomplete).toBe(true);
    // Marking it complete is a change of content too.
    const fourth = await enqueueSubmission(db, 'r1', {
      id: 'e4',
      now: at(40),
      unlessUnchanged: true,
    });
    expect(fourth.revision).toBe(3);
    expect(fourth.body.incomplete).toBeUndefined();
  });

  it('makes one revision of a double tap', async () => {
    const db = await reportDb();
    const results = await Promise.allSettled([
      enqueueSubmission(db, 'r1', { id: 'a', now: at(0), unlessUnchanged: true }),
      enqueueSubmission(db, 'r1', { id: 'b', now: at(0), unlessUnchanged: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await listOutbox(db, 'r1')).map((e) => e.revision)).toEqual([1]);
  });

  it('still makes a revision each time without it (the sync engine tests rely on that)', async () => {
    const db = await reportDb();
    await enqueueSubmission(db, 'r1', { id: 'a', now: at(0) });
    await enqueueSubmission(db, 'r1', { id: 'b', now: at(1) });
    expect((await listOutbox(db, 'r1')).map((e) => e.revision)).toEqual([1, 2]);
  });
});
