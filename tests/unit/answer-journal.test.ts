import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AnswerJournal,
  clearJournal,
  journaledReportIds,
  journalKey,
  readJournal,
  type JournalStorage,
} from '@/storage/answer-journal';
import { AutosaveQueue } from '@/storage/autosave-queue';
import type { AnswerValue } from '@/domain/report/answer-kinds';
import { SoKetDatabase } from '@/storage/db';
import { applyJournal, createReport, getAnswers, saveAnswers } from '@/storage/report-repository';
import { makeNewReport, NOW } from './factories';

// localStorage as the browser has it: strings only, and it may be full.
class MemoryStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  isFull = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.isFull) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const T1 = '2024-03-01T08:00:01.000Z';
const T2 = '2024-03-01T08:00:02.000Z';
const clock = (iso: string) => () => new Date(iso);

describe('the answer journal', () => {
  it('writes each change to storage before returning, and reads it back in a new journal', () => {
    const storage = new MemoryStorage();
    const journal = new AnswerJournal(storage, 'r1', clock(T1));
    journal.record('direction-results', 'Đã tổ chức');
    journal.record('recipients', ['Lưu VP', 'Tỉnh Đoàn']);
    const read = readJournal(storage, 'r1');
    expect(Object.fromEntries(read)).toEqual({
      'direction-results': { at: T1, value: 'Đã tổ chức' },
      recipients: { at: T1, value: ['Lưu VP', 'Tỉnh Đoàn'] },
    });
    expect(new AnswerJournal(storage, 'r1').entries()).toEqual(read);
    expect(journaledReportIds(storage)).toEqual(['r1']);
  });

  it('drops an entry once its value is committed, keeps a newer one, and empties to nothing', () => {
    const storage = new MemoryStorage();
    const journal = new AnswerJournal(storage, 'r1', clock(T1));
    journal.record('a', 'one');
    journal.record('b', 'two');
    journal.record('a', 'one more');
    journal.committed(
      new Map<string, AnswerValue>([
        ['a', 'one'],
        ['b', 'two'],
      ]),
    );
    expect(Object.fromEntries(readJournal(storage, 'r1'))).toEqual({
      a: { at: T1, value: 'one more' },
    });
    journal.committed(new Map([['a', 'one more']]));
    expect(storage.getItem(journalKey('r1'))).toBeNull();
    expect(journaledReportIds(storage)).toEqual([]);
  });

  it('reads a torn or foreign entry as empty, and survives a full or missing storage', () => {
    const storage = new MemoryStorage();
    for (const text of [
      '{"v":1,"fields":{"a":{"at":"x","val',
      '[]',
      '{"v":2,"fields":{}}',
      'null',
    ]) {
      storage.items.set(journalKey('r1'), text);
      expect(readJournal(storage, 'r1').size).toBe(0);
    }
    storage.items.set(
      journalKey('r1'),
      '{"v":1,"fields":{"a":{"value":"no time"},"b":{"at":"t","value":1}}}',
    );
    expect([...readJournal(storage, 'r1').keys()]).toEqual(['b']);
    clearJournal(storage, 'r1');
    expect(storage.items.size).toBe(0);

    storage.isFull = true;
    const journal = new AnswerJournal(storage, 'r2');
    expect(() => journal.record('a', 'x')).not.toThrow();
    expect(journal.entries().get('a')?.value).toBe('x');
    expect(() => new AnswerJournal(null, 'r3').record('a', 'x')).not.toThrow();
  });

  it('is written by the autosave queue before the write is queued, and cleared after it', async () => {
    const storage = new MemoryStorage();
    const journal = new AnswerJournal(storage, 'r1', clock(T1));
    const written: string[] = [];
    const queue = new AutosaveQueue<AnswerValue>({
      journal,
      write: async (changes) => {
        written.push(String(changes.get('a')));
        expect(readJournal(storage, 'r1').get('a')?.value).toBe(changes.get('a'));
      },
    });
    queue.set('a', 'typed');
    expect(readJournal(storage, 'r1').get('a')?.value).toBe('typed');
    await queue.flush();
    expect(written).toEqual(['typed']);
    expect(storage.items.size).toBe(0);
    queue.dispose();
  });

  it('keeps the entry while the write fails', async () => {
    const storage = new MemoryStorage();
    const queue = new AutosaveQueue<AnswerValue>({
      journal: new AnswerJournal(storage, 'r1', clock(T1)),
      write: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    });
    queue.set('a', 'kept');
    await queue.flush();
    queue.dispose();
    expect(readJournal(storage, 'r1').get('a')?.value).toBe('kept');
  });
});

describe('applying a journal to IndexedDB', () => {
  const databases: SoKetDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  async function reportWithAnswer(value: string, at: string) {
    const db = new SoKetDatabase(`journal-${databases.length}-${Math.random()}`);
    databases.push(db);
    await createReport(db, makeNewReport({ id: 'r1' }));
    await saveAnswers(db, 'r1', new Map([['direction-results', value]]), at);
    return db;
  }

  it('writes entries as new as the stored answer or newer, never older ones', async () => {
    const db = await reportWithAnswer('stored', T2);
    const written = await applyJournal(
      db,
      'r1',
      new Map([
        ['direction-results', { at: T1, value: 'older than stored' }],
        ['direction-limitations', { at: T1, value: 'not stored at all' }],
      ]),
      NOW,
    );
    expect(written).toBe(1);
    const { answers } = await getAnswers(db, 'r1');
    expect(answers['direction-results']).toBe('stored');
    expect(answers['direction-limitations']).toBe('not stored at all');

    await applyJournal(
      db,
      'r1',
      new Map([['direction-results', { at: T2, value: 'same time' }]]),
      T2,
    );
    expect((await getAnswers(db, 'r1')).answers['direction-results']).toBe('same time');
  });

  it('writes nothing for a report that is gone', async () => {
    const db = await reportWithAnswer('stored', T1);
    expect(await applyJournal(db, 'missing', new Map([['a', { at: T2, value: 'x' }]]), T2)).toBe(0);
    expect(await db.answers.where('reportId').equals('missing').count()).toBe(0);
  });
});
