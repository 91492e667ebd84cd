import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AutosaveQueue,
  classifySaveError,
  storageTrouble,
  type StorageTrouble,
  type AutosaveOptions,
  type SaveError,
  type SaveStatus,
} from '@/storage/autosave-queue';
import { ReportMissingError } from '@/storage/report-repository';

const START = new Date('2024-03-01T08:00:00.000Z').getTime();

type Write = { at: number; changes: Record<string, string> };

// A fake store behind the queue: records every successful write with its time, and
// fails the next writes with the errors in `failures`.
function setup(options: Partial<AutosaveOptions<string>> = {}) {
  const stored = new Map<string, string>();
  const writes: Write[] = [];
  const attempts: Write[] = [];
  const failures: unknown[] = [];
  const statuses: SaveStatus[] = [];
  const write = vi.fn(async (changes: ReadonlyMap<string, string>) => {
    const entry = { at: Date.now() - START, changes: Object.fromEntries(changes) };
    attempts.push(entry);
    await Promise.resolve();
    if (failures.length > 0) throw failures.shift();
    for (const [key, value] of changes) stored.set(key, value);
    writes.push(entry);
  });
  const queue = new AutosaveQueue<string>({
    write,
    onStatus: (status) => statuses.push(status),
    ...options,
  });
  return { queue, write, stored, writes, attempts, failures, statuses };
}

function quotaError() {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AutosaveQueue', () => {
  it('writes a change 250 ms after the last keystroke', async () => {
    const { queue, writes } = setup();
    queue.set('a', 'x');
    await vi.advanceTimersByTimeAsync(249);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([{ at: 250, changes: { a: 'x' } }]);
  });

  it('restarts the wait with every change', async () => {
    const { queue, writes } = setup();
    queue.set('a', 'x');
    await vi.advanceTimersByTimeAsync(200);
    queue.set('a', 'xy');
    await vi.advanceTimersByTimeAsync(200);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(writes).toEqual([{ at: 450, changes: { a: 'xy' } }]);
  });

  it('writes changes to several fields in one batch with their latest values', async () => {
    const { queue, writes } = setup();
    queue.set('a', '1');
    queue.set('b', '2');
    queue.set('a', '3');
    await vi.runAllTimersAsync();
    expect(writes).toEqual([{ at: 250, changes: { a: '3', b: '2' } }]);
  });

  it('stores every keystroke within 750 ms under continuous typing', async () => {
    const { queue, writes, stored } = setup();
    const typedAt: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      typedAt.push(Date.now() - START);
      queue.set('a', String(i));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.runAllTimersAsync();
    expect(stored.get('a')).toBe('59');
    expect(writes.length).toBeGreaterThan(3);
    typedAt.forEach((at, i) => {
      const firstCovering = writes.find((w) => Number(w.changes.a) >= i);
      expect(firstCovering, `keystroke ${i}`).toBeDefined();
      expect(firstCovering!.at - at, `keystroke ${i}`).toBeLessThanOrEqual(750);
    });
  });

  it('writes at once on flush and cancels the timed write', async () => {
    const { queue, writes } = setup();
    queue.set('a', 'x');
    await queue.flush();
    expect(writes).toEqual([{ at: 0, changes: { a: 'x' } }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(1);
  });

  it('does not write on flush when nothing is pending', async () => {
    const { queue, write } = setup();
    await queue.flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('writes a change made during a write right after it', async () => {
    const { queue, writes } = setup();
    queue.set('a', '1');
    const flushed = queue.flush();
    queue.set('a', '2');
    await flushed;
    expect(writes.map((w) => w.changes)).toEqual([{ a: '1' }, { a: '2' }]);
    expect(queue.hasPending).toBe(false);
  });

  it('reports pending, saving and saved with the time of the save', async () => {
    const { queue, statuses } = setup({ now: () => new Date(Date.now()) });
    queue.set('a', 'x');
    await vi.advanceTimersByTimeAsync(250);
    expect(statuses).toEqual([
      { state: 'pending', savedAt: null },
      { state: 'saving', savedAt: null },
      { state: 'saved', savedAt: new Date(START + 250) },
    ]);
    expect(queue.currentStatus).toEqual({ state: 'saved', savedAt: new Date(START + 250) });
  });

  it('tells whether anything is waiting to be stored', async () => {
    const { queue } = setup();
    expect(queue.hasPending).toBe(false);
    queue.set('a', 'x');
    expect(queue.hasPending).toBe(true);
    await queue.flush();
    expect(queue.hasPending).toBe(false);
  });

  it('keeps the values of a failed write, reports a quota error and ends saved after a retry', async () => {
    const { queue, failures, stored, statuses } = setup();
    failures.push(quotaError());
    queue.set('a', 'x');
    await queue.flush();
    expect(stored.size).toBe(0);
    expect(queue.hasPending).toBe(true);
    expect(queue.currentStatus).toEqual({
      state: 'error',
      savedAt: null,
      error: 'quota',
      retryInMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(stored.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(stored.get('a')).toBe('x');
    expect(queue.currentStatus.state).toBe('saved');
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving', 'error', 'saving', 'saved']);
  });

  it('reports a quota error wrapped the way Dexie wraps it', async () => {
    const { queue, failures } = setup();
    failures.push({ name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    queue.set('a', 'x');
    await queue.flush();
    expect(queue.currentStatus).toMatchObject({ state: 'error', error: 'quota' });
  });

  it('retries with growing delays and starts over after a success', async () => {
    const { queue, failures, attempts, statuses } = setup();
    failures.push(new Error('1'), new Error('2'), new Error('3'));
    queue.set('a', 'x');
    await vi.runAllTimersAsync();
    expect(attempts.map((a) => a.at)).toEqual([250, 1250, 3250, 8250]);
    const delays = statuses.flatMap((s) => (s.state === 'error' ? [s.retryInMs] : []));
    expect(delays).toEqual([1000, 2000, 5000]);
    expect(queue.currentStatus.state).toBe('saved');

    failures.push(new Error('4'));
    queue.set('a', 'y');
    await queue.flush();
    expect(queue.currentStatus).toMatchObject({ state: 'error', retryInMs: 1000 });
  });

  it('keeps retrying at the longest delay', async () => {
    const { queue, failures, statuses } = setup({ retryDelaysMs: [10, 20] });
    failures.push(new Error('1'), new Error('2'), new Error('3'), new Error('4'));
    queue.set('a', 'x');
    await vi.runAllTimersAsync();
    const delays = statuses.flatMap((s) => (s.state === 'error' ? [s.retryInMs] : []));
    expect(delays).toEqual([10, 20, 20, 20]);
    expect(queue.currentStatus.state).toBe('saved');
  });

  it('does not overwrite a value set during a failed write with the old one on retry', async () => {
    const { queue, failures, stored, writes, attempts } = setup();
    failures.push(quotaError());
    queue.set('a', 'old');
    const flushed = queue.flush();
    queue.set('a', 'new');
    await flushed;
    expect(attempts[0]?.changes).toEqual({ a: 'old' });
    await vi.runAllTimersAsync();
    expect(stored.get('a')).toBe('new');
    expect(writes.map((w) => w.changes.a)).toEqual(['new']);
    expect(queue.currentStatus.state).toBe('saved');
  });

  it('carries a change made while in error with the next retry', async () => {
    const { queue, failures, attempts, stored, statuses } = setup();
    failures.push(new Error('offline'));
    queue.set('a', 'x');
    await queue.flush();
    queue.set('b', 'y');
    expect(queue.currentStatus.state).toBe('error');
    expect(statuses.at(-1)?.state).toBe('error');
    await vi.advanceTimersByTimeAsync(999);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts[1]?.changes).toEqual({ a: 'x', b: 'y' });
    expect(Object.fromEntries(stored)).toEqual({ a: 'x', b: 'y' });
  });

  it('retries at once on retryNow', async () => {
    const { queue, failures, stored } = setup();
    failures.push(new Error('offline'));
    queue.set('a', 'x');
    await queue.flush();
    await queue.retryNow();
    expect(stored.get('a')).toBe('x');
    expect(queue.currentStatus.state).toBe('saved');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('neither writes nor retries after dispose', async () => {
    const { queue, write } = setup();
    queue.set('a', 'x');
    queue.dispose();
    queue.set('b', 'y');
    await vi.runAllTimersAsync();
    expect(write).not.toHaveBeenCalled();

    const second = setup();
    second.failures.push(new Error('offline'));
    second.queue.set('a', 'x');
    await second.queue.flush();
    second.queue.dispose();
    await vi.runAllTimersAsync();
    expect(second.write).toHaveBeenCalledTimes(1);
  });

  it('stops after a failed write that was started before dispose', async () => {
    const { queue, write, failures } = setup();
    failures.push(...Array.from({ length: 5 }, quotaError));
    queue.set('a', 'x');
    const flushed = queue.flush();
    queue.dispose();
    await flushed;
    await vi.runAllTimersAsync();
    expect(write).toHaveBeenCalledTimes(1);
    expect(queue.currentStatus).toMatchObject({ state: 'error', error: 'quota' });
  });

  it('does not retry after dispose when a flush during an error fails again', async () => {
    const { queue, write, failures } = setup();
    failures.push(...Array.from({ length: 5 }, quotaError));
    queue.set('a', 'x');
    await queue.flush();
    await queue.flush();
    queue.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(write).toHaveBeenCalledTimes(2);
  });
});

describe('storageTrouble', () => {
  it.each<[string, unknown, StorageTrouble | null]>([
    ['a QuotaExceededError', quotaError(), 'full'],
    [
      'a full disk under a large value',
      { name: 'DataError', message: 'Failed to write blobs (IOError)' },
      'full',
    ],
    [
      'an aborted transaction with no cause (Chromium on a full disk)',
      { name: 'AbortError', inner: { name: 'AbortError', message: 'The transaction was aborted' } },
      'write',
    ],
    [
      'the database closed by the browser and not opening again',
      {
        name: 'DatabaseClosedError',
        inner: {
          name: 'UnknownError',
          message: 'Internal error opening backing store for indexedDB.open.',
        },
      },
      'write',
    ],
    ['a database closed alone (another tab upgraded it)', { name: 'DatabaseClosedError' }, null],
    ['a refused value', { name: 'DataError', message: 'Failed to execute put' }, null],
    ['a missing report', new ReportMissingError('report-1'), null],
    [
      'an abort caused by the app',
      { name: 'AbortError', inner: new ReportMissingError('r') },
      null,
    ],
    ['a plain Error', new Error('boom'), null],
    ['null', null, null],
  ])('%s: %s', (_, error, expected) => {
    expect(storageTrouble(error)).toBe(expected);
  });
});

describe('classifySaveError', () => {
  it.each<[string, unknown, SaveError]>([
    ['a QuotaExceededError DOMException', quotaError(), 'quota'],
    ['a plain object named QuotaExceededError', { name: 'QuotaExceededError' }, 'quota'],
    [
      'a quota error wrapped by Dexie',
      { name: 'AbortError', inner: { name: 'QuotaExceededError' } },
      'quota',
    ],
    [
      'a quota error wrapped three times',
      {
        name: 'A',
        inner: { name: 'B', inner: { name: 'C', inner: { name: 'QuotaExceededError' } } },
      },
      'quota',
    ],
    [
      'a full disk under a large value (Chromium, measured on a full tmpfs)',
      { name: 'DataError', message: 'Failed to write blobs (IOError)' },
      'quota',
    ],
    [
      'a full disk under a small value, wrapped by Dexie',
      {
        name: 'AbortError',
        message: 'Transaction aborted',
        inner: {
          name: 'UnknownError',
          message:
            'Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
        },
      },
      'quota',
    ],
    ['another IO error', { name: 'UnknownError', message: 'Internal error.' }, 'other'],
    ['a missing report', new ReportMissingError('report-1'), 'missing'],
    ['an abort error alone', { name: 'AbortError' }, 'other'],
    ['a plain Error', new Error('boom'), 'other'],
    ['a string', 'QuotaExceededError', 'other'],
    ['null', null, 'other'],
    ['undefined', undefined, 'other'],
  ])('classifies %s as %s', (_, error, expected) => {
    expect(classifySaveError(error)).toBe(expected);
  });
});
