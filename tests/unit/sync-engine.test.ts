import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxEntry, OutboxState, Receipt } from '@/domain/outbox/outbox-entry';
import type { SendOutcome } from '@/domain/outbox/retry-policy';
import { buildReportFile, type PhotoFile } from '@/domain/report/report-schema';
import { viModels } from '@/i18n/vi-models';
import {
  nextDueEntry,
  SENDING_ELSEWHERE_RECHECK_MS,
  SyncEngine,
  type EntryChange,
  type SyncDeps,
} from '@/sync/sync-engine';
import { makeOutboxEntry, makeReportMeta } from './factories';

const START = Date.parse('2024-03-01T08:00:00.000Z');
const NEVER = Number.MAX_SAFE_INTEGER;

// A scripted answer: an HTTP status (201 carries a receipt), with a body or Retry-After,
// or no answer at all.
type Answer = number | 'network' | { status: number; body?: unknown; retryAfter?: number };

function makeEntry(
  reportId: string,
  revision: number,
  overrides: Partial<OutboxEntry> = {},
): OutboxEntry {
  const createdAt = new Date(START - 60_000 + revision * 1000).toISOString();
  const body = buildReportFile(makeReportMeta({ id: reportId }), {}, createdAt);
  return makeOutboxEntry(
    { reportId, revision, body, createdAt },
    { nextAttemptAt: START, ...overrides },
  );
}

// Photo n of a submission: id pn, a SHA-256 that is n in hex, listed without its bytes.
const shaOf = (n: number) => n.toString(16).padStart(64, '0');
function photo(n: number): PhotoFile {
  return { id: `p${n}`, sha256: shaOf(n), type: 'image/jpeg', width: 4, height: 3, size: 10 };
}

// An entry whose body lists photos 1 … count (its answers are not looked at).
function withPhotos(entry: OutboxEntry, count: number): OutboxEntry {
  const photos = Array.from({ length: count }, (_, i) => photo(i + 1));
  return { ...entry, body: { ...entry.body, photos } };
}

// What a send is called in `sends`: the entry's id, or file:n for photo n.
const file = (n: number) => `file:${n}`;

type Send = { id: string; at: number };

// The engine over an in-memory outbox, a scripted transport, a lock and the fake timers
// of vitest (Date.now is the fake clock). Every send is recorded with its time since
// START; an entry with no script left answers 201.
function setup(entries: OutboxEntry[], scripts: Record<string, Answer[]> = {}) {
  // The bytes of photos p1 … p20 on the device; a test deletes one to lose it.
  const photoBytes = new Map<string, Blob>(
    Array.from({ length: 20 }, (_, i) => [`p${i + 1}`, new Blob([`jpeg ${i + 1}`])]),
  );
  const store = new Map(entries.map((entry) => [entry.id, structuredClone(entry)]));
  const sends: Send[] = [];
  const timers: number[] = [];
  const lock = {
    isFree: true,
    acquired: 0,
    released: 0,
    renewed: 0,
    isRenewable: true,
    onAcquire: null as (() => void) | null,
  };
  const state = {
    isOnline: true,
    isConfigured: true,
    isForeground: false,
    hold: null as Promise<void> | null,
  };

  const outcome = (answer: Answer, entry: OutboxEntry): SendOutcome => {
    if (answer === 'network') return { kind: 'networkError' };
    const { status, body, retryAfter } =
      typeof answer === 'number'
        ? { status: answer, body: undefined, retryAfter: undefined }
        : answer;
    const receipt: Receipt = {
      reportId: entry.reportId,
      revision: entry.revision,
      sha256: entry.sha256,
      receivedAt: new Date(Date.now()).toISOString(),
    };
    return {
      kind: 'response',
      status,
      body: body ?? (status >= 200 && status < 300 ? receipt : null),
      retryAfterSeconds: retryAfter ?? null,
    };
  };

  // The files the server holds, by report: with no script left, a body listing others
  // gets 422 missingFiles naming them, as the real server answers.
  const serverFiles = new Map<string, Set<string>>();
  const held = (reportId: string) => serverFiles.get(reportId) ?? new Set<string>();
  const transport = {
    send: vi.fn(async (entry: OutboxEntry): Promise<SendOutcome> => {
      sends.push({ id: entry.id, at: Date.now() - START });
      if (state.hold) await state.hold;
      const missing = [...new Set(entry.body.photos.map((listed) => listed.sha256))].filter(
        (sha256) => !held(entry.reportId).has(sha256),
      );
      const answer =
        scripts[entry.id]?.shift() ??
        (missing.length > 0
          ? { status: 422, body: { error: 'missingFiles', message: 'Thiếu ảnh', missing } }
          : 201);
      return outcome(answer, entry);
    }),
    uploadFile: vi.fn(async (reportId: string, sha256: string, bytes: Blob) => {
      const id = file(parseInt(sha256, 16));
      sends.push({ id, at: Date.now() - START });
      uploads.push({ reportId, sha256, text: await bytes.text() });
      const answer = scripts[id]?.shift() ?? 201;
      if (answer === 'network') return { kind: 'networkError' } satisfies SendOutcome;
      const { status, body } = typeof answer === 'number' ? { status: answer, body: null } : answer;
      if (status < 300) serverFiles.set(reportId, held(reportId).add(sha256));
      return {
        kind: 'response',
        status,
        body: body ?? (status < 300 ? { reportId, sha256, size: bytes.size } : null),
        retryAfterSeconds: null,
      } satisfies SendOutcome;
    }),
  };
  const uploads: { reportId: string; sha256: string; text: string }[] = [];

  const deps: SyncDeps = {
    outbox: {
      list: async () =>
        [...store.values()]
          .map((entry) => structuredClone(entry))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.revision - b.revision),
      update: async (id: string, change: EntryChange) => {
        const entry = store.get(id);
        if (entry) store.set(id, { ...entry, ...change });
      },
      markSent: async (id: string, receipt: Receipt) => {
        const entry = store.get(id);
        if (entry)
          store.set(id, {
            ...entry,
            state: 'sent',
            receipt,
            lastError: null,
            nextAttemptAt: NEVER,
          });
      },
    },
    transport: async () => (state.isConfigured ? transport : null),
    photos: { read: async (photoId) => photoBytes.get(photoId) ?? null },
    now: () => Date.now(),
    isOnline: () => state.isOnline,
    lock: {
      acquire: async () => {
        lock.acquired += 1;
        const isFree = lock.isFree;
        lock.onAcquire?.();
        return isFree;
      },
      renew: async () => {
        lock.renewed += 1;
        return lock.isRenewable;
      },
      release: async () => {
        lock.released += 1;
      },
    },
    random: () => 1,
    isForeground: () => state.isForeground,
    setTimer: (run, delayMs) => {
      timers.push(delayMs);
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
  };
  const engine = new SyncEngine(deps);
  const entry = (id: string) => {
    const found = store.get(id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };
  const add = (added: OutboxEntry) => store.set(added.id, structuredClone(added));
  // Kicks the engine and lets every timer it sets run for `ms` of fake time.
  const runFor = async (ms = 30 * 60_000) => {
    const result = await engine.kick();
    await vi.advanceTimersByTimeAsync(ms);
    return result;
  };
  return {
    engine,
    store,
    sends,
    uploads,
    serverFiles,
    photoBytes,
    timers,
    lock,
    state,
    transport,
    entry,
    add,
    runFor,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncEngine with one entry', () => {
  type Case = {
    name: string;
    answers: Answer[];
    state: OutboxState;
    sentAt: number[];
    attempts: number;
    lastError?: { status: number | null; message: string } | null;
    serverHead?: number | null;
  };
  const cases: Case[] = [
    { name: '201', answers: [201], state: 'sent', sentAt: [0], attempts: 0 },
    { name: '200 (a repeat)', answers: [200], state: 'sent', sentAt: [0], attempts: 0 },
    {
      name: '500, 500, 201',
      answers: [500, 500, 201],
      state: 'sent',
      sentAt: [0, 5_000, 15_000],
      attempts: 2,
    },
    {
      name: 'no answer, 201',
      answers: ['network', 201],
      state: 'sent',
      sentAt: [0, 5_000],
      attempts: 1,
    },
    {
      name: 'no answer four times, then 201',
      answers: ['network', 'network', 'network', 'network', 201],
      state: 'sent',
      sentAt: [0, 5_000, 15_000, 35_000, 75_000],
      attempts: 4,
    },
    {
      name: '429 with Retry-After 30',
      answers: [{ status: 429, retryAfter: 30 }, 201],
      state: 'sent',
      sentAt: [0, 30_000],
      attempts: 1,
    },
    {
      name: '503 with Retry-After 3600 (capped at 5 min)',
      answers: [{ status: 503, retryAfter: 3600 }, 201],
      state: 'sent',
      sentAt: [0, 300_000],
      attempts: 1,
    },
    { name: '408, 201', answers: [408, 201], state: 'sent', sentAt: [0, 5_000], attempts: 1 },
    {
      name: '401',
      answers: [{ status: 401, body: { error: 'unauthorized', message: 'Sai mã' } }],
      state: 'authRequired',
      sentAt: [0],
      attempts: 0,
      lastError: { status: 401, message: 'Sai mã' },
    },
    { name: '403', answers: [403], state: 'authRequired', sentAt: [0], attempts: 0 },
    {
      name: '409 with head 3',
      answers: [{ status: 409, body: { error: 'outOfOrder', message: 'Lệch', head: 3 } }],
      state: 'conflict',
      sentAt: [0],
      attempts: 0,
      serverHead: 3,
    },
    {
      name: '409 without head',
      answers: [409],
      state: 'conflict',
      sentAt: [0],
      attempts: 0,
      serverHead: null,
    },
    {
      name: '400',
      answers: [{ status: 400, body: { error: 'invalidReport', message: 'Báo cáo sai' } }],
      state: 'quarantined',
      sentAt: [0],
      attempts: 0,
      lastError: { status: 400, message: 'Báo cáo sai' },
    },
    { name: '413', answers: [413], state: 'quarantined', sentAt: [0], attempts: 0 },
  ];

  it.each(cases)('ends $state after $name', async (c) => {
    const { sends, entry, runFor } = setup([makeEntry('a', 1)], { 'a#1': [...c.answers] });
    await runFor();
    expect(sends.map((s) => s.at)).toEqual(c.sentAt);
    const final = entry('a#1');
    expect(final.state).toBe(c.state);
    expect(final.attempts).toBe(c.attempts);
    if (c.lastError !== undefined) expect(final.lastError).toEqual(c.lastError);
    if (c.serverHead !== undefined) expect(final.serverHead).toBe(c.serverHead);
    if (c.state === 'sent') {
      expect(final.receipt).toMatchObject({ reportId: 'a', revision: 1 });
      expect(final.lastError).toBeNull();
    } else {
      expect(final.receipt).toBeNull();
    }
  });

  it('keeps the delays growing: 5 s, 10 s, 20 s … between attempts', async () => {
    const { sends, entry, runFor } = setup([makeEntry('a', 1)], {
      'a#1': [500, 502, 503, 500, 201],
    });
    await runFor();
    const at = sends.map((s) => s.at);
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(entry('a#1').state).toBe('sent');
  });

  it('records the retry time and the server message of a retry', async () => {
    const { entry, engine } = setup([makeEntry('a', 1)], {
      'a#1': [{ status: 503, body: { message: 'Bảo trì' } }],
    });
    await engine.kick();
    expect(entry('a#1')).toMatchObject({
      state: 'retrying',
      attempts: 1,
      nextAttemptAt: START + 5_000,
      lastError: { status: 503, message: 'Bảo trì' },
    });
    engine.stop();
  });

  it('uses a receipt it makes itself when a 2xx body is not one', async () => {
    const { entry, runFor } = setup([makeEntry('a', 1)], { 'a#1': [{ status: 200, body: 'OK' }] });
    await runFor();
    expect(entry('a#1').receipt).toEqual({
      reportId: 'a',
      revision: 1,
      sha256: 'a'.repeat(64),
      receivedAt: new Date(START).toISOString(),
    });
  });
});

describe('SyncEngine with several reports', () => {
  it('stops the queue on 401: the entries of other reports are not sent', async () => {
    const { sends, entry, runFor, timers } = setup([makeEntry('a', 1), makeEntry('b', 1)], {
      'a#1': [401],
    });
    const result = await runFor();
    expect(result).toEqual({ sent: 0, stopped: 'authRequired' });
    expect(sends.map((s) => s.id)).toEqual(['a#1']);
    expect(entry('a#1').state).toBe('authRequired');
    expect(entry('b#1').state).toBe('queued');
    expect(timers).toEqual([]);
  });

  it('goes on after a 409: the entries of other reports are sent', async () => {
    const { sends, entry, runFor } = setup([makeEntry('a', 1), makeEntry('b', 1)], {
      'a#1': [{ status: 409, body: { head: 3 } }],
    });
    expect(await runFor()).toEqual({ sent: 1, stopped: 'done' });
    expect(sends.map((s) => s.id)).toEqual(['a#1', 'b#1']);
    expect(entry('a#1')).toMatchObject({ state: 'conflict', serverHead: 3 });
    expect(entry('b#1').state).toBe('sent');
  });

  it("goes on after a 400 and keeps the server's message", async () => {
    const { sends, entry, runFor } = setup(
      [makeEntry('a', 1), makeEntry('b', 1), makeEntry('c', 1)],
      { 'a#1': [{ status: 400, body: { error: 'invalidReport', message: 'Tệp hỏng' } }] },
    );
    expect(await runFor()).toEqual({ sent: 2, stopped: 'done' });
    expect(sends.map((s) => s.id)).toEqual(['a#1', 'b#1', 'c#1']);
    expect(entry('a#1')).toMatchObject({
      state: 'quarantined',
      lastError: { status: 400, message: 'Tệp hỏng' },
    });
  });

  it("sends another report's entry while one report's entry waits to retry", async () => {
    const { sends, entry, runFor } = setup([makeEntry('a', 1), makeEntry('b', 1)], {
      'a#1': [500, 201],
    });
    await runFor();
    // b#1's answer proves the connection: a#1 goes again at once.
    expect(sends).toEqual([
      { id: 'a#1', at: 0 },
      { id: 'b#1', at: 0 },
      { id: 'a#1', at: 0 },
    ]);
    expect([entry('a#1').state, entry('b#1').state]).toEqual(['sent', 'sent']);
  });
});

describe('SyncEngine under loss', () => {
  it('makes the others due again, their backoff started over, when any request gets through', async () => {
    const { sends, entry, engine, add, runFor } = setup([makeEntry('a', 1)], {
      'a#1': ['network', 'network', 'network', 'network', 'network', 201],
    });
    // Four failures: 5, 10, 20 and 40 s of backoff; the next try would be at 75 s.
    await runFor(40_000);
    expect(entry('a#1')).toMatchObject({ attempts: 4, nextAttemptAt: START + 75_000 });
    add(makeEntry('b', 1, { nextAttemptAt: START + 40_000 }));
    await engine.kick();
    expect(sends.slice(4)).toEqual([
      { id: 'b#1', at: 40_000 },
      { id: 'a#1', at: 40_000 },
    ]);
    // It failed again: its backoff starts over at 5 s, not 80 s.
    expect(entry('a#1')).toMatchObject({ attempts: 1, nextAttemptAt: START + 45_000 });
    await runFor(5_000);
    expect(entry('a#1').state).toBe('sent');
  });

  it('counts a 422 and a photo that get through as proof too, but keeps the wait a server asked for', async () => {
    const { sends, entry, engine, add, runFor } = setup([makeEntry('a', 1), makeEntry('c', 1)], {
      'a#1': ['network', 'network', 201],
      'c#1': [{ status: 429, retryAfter: 120 }],
      // The body's 422 and the photo's upload are answered; the body after them is lost.
      'b#1': [{ status: 422, body: { error: 'missingFiles', missing: [shaOf(1)] } }, 'network'],
    });
    await runFor(10_000);
    expect(entry('a#1')).toMatchObject({ attempts: 2, nextAttemptAt: START + 15_000 });
    add(withPhotos(makeEntry('b', 1, { nextAttemptAt: START + 10_000 }), 1));
    await engine.kick();
    expect(sends.slice(3, 6)).toEqual([
      { id: 'b#1', at: 10_000 },
      { id: file(1), at: 10_000 },
      { id: 'b#1', at: 10_000 },
    ]);
    expect(sends.filter((send) => send.id === 'a#1').at(-1)).toEqual({ id: 'a#1', at: 10_000 });
    expect(entry('a#1').state).toBe('sent');
    // c#1 still waits for the 120 s the server asked for.
    expect(entry('c#1')).toMatchObject({ state: 'retrying', nextAttemptAt: START + 120_000 });
  });

  it('waits at most a minute between tries in the foreground, Retry-After included', async () => {
    const failures: Answer[] = Array.from({ length: 7 }, () => 'network');
    const { sends, timers, state, runFor } = setup([makeEntry('a', 1), makeEntry('b', 1)], {
      'a#1': [...failures, 201],
      'b#1': [{ status: 503, retryAfter: 3600 }, ...failures, 201],
    });
    state.isForeground = true;
    await runFor();
    const gaps = (id: string) => {
      const times = sends.filter((send) => send.id === id).map((send) => send.at);
      return times.slice(1).map((at, i) => at - times[i]!);
    };
    expect(timers.every((delay) => delay <= 60_000)).toBe(true);
    expect(Math.max(...gaps('a#1'))).toBe(60_000);
    expect(gaps('a#1').every((gap) => gap <= 60_000)).toBe(true);
    expect(gaps('b#1').every((gap) => gap <= 60_000)).toBe(true);
  });
});

describe('SyncEngine ordering', () => {
  it('holds revision 2 while revision 1 retries, and sends it after 1 succeeds', async () => {
    const { sends, entry, engine, runFor } = setup([makeEntry('a', 1), makeEntry('a', 2)], {
      'a#1': ['network', 201],
    });
    await engine.kick();
    expect(sends).toEqual([{ id: 'a#1', at: 0 }]);
    expect(entry('a#2').state).toBe('queued');
    await runFor();
    expect(sends).toEqual([
      { id: 'a#1', at: 0 },
      { id: 'a#1', at: 5_000 },
      { id: 'a#2', at: 5_000 },
    ]);
    expect([entry('a#1').state, entry('a#2').state]).toEqual(['sent', 'sent']);
  });

  it('sends revisions 1, 2, 3 of a report in order', async () => {
    const { sends, runFor } = setup([makeEntry('a', 3), makeEntry('a', 1), makeEntry('a', 2)]);
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', 'a#2', 'a#3']);
  });

  it('does not let a quarantined revision 1 block revision 2', async () => {
    const { sends, entry, runFor } = setup([makeEntry('a', 1), makeEntry('a', 2)], {
      'a#1': [422],
    });
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', 'a#2']);
    expect([entry('a#1').state, entry('a#2').state]).toEqual(['quarantined', 'sent']);
  });

  it('does not let a conflicting revision 1 block revision 2', async () => {
    const { entry, runFor } = setup([
      makeEntry('a', 1, { state: 'conflict', serverHead: 1, nextAttemptAt: NEVER }),
      makeEntry('a', 2),
    ]);
    await runFor();
    expect(entry('a#2').state).toBe('sent');
  });

  it('holds revision 2 while revision 1 waits for the access code', async () => {
    const { sends, entry, runFor } = setup([
      makeEntry('a', 1, { state: 'authRequired', nextAttemptAt: NEVER }),
      makeEntry('a', 2),
      makeEntry('b', 1),
    ]);
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['b#1']);
    expect(entry('a#2').state).toBe('queued');
  });

  it('picks the oldest due entry that nothing earlier blocks', () => {
    const entries = [
      makeEntry('a', 1, { state: 'retrying', nextAttemptAt: START + 1000 }),
      makeEntry('a', 2),
      makeEntry('b', 1, { state: 'sent', nextAttemptAt: NEVER }),
      makeEntry('b', 2),
    ];
    expect(nextDueEntry(entries, START)?.id).toBe('b#2');
    expect(nextDueEntry(entries, START + 1000)?.id).toBe('a#1');
    expect(nextDueEntry(entries.slice(0, 2), START)).toBeNull();
  });
});

describe('SyncEngine preconditions', () => {
  it('sends nothing while offline, and sends once online and kicked', async () => {
    const { sends, state, engine, entry } = setup([makeEntry('a', 1)]);
    state.isOnline = false;
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'offline' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sends).toEqual([]);
    state.isOnline = true;
    expect(await engine.kick()).toEqual({ sent: 1, stopped: 'done' });
    expect(entry('a#1').state).toBe('sent');
  });

  it('stops between entries when the network goes away', async () => {
    const { sends, state, engine, transport } = setup([makeEntry('a', 1), makeEntry('b', 1)]);
    transport.send.mockImplementationOnce(async (sent) => {
      sends.push({ id: sent.id, at: 0 });
      state.isOnline = false;
      return { kind: 'networkError' };
    });
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'offline' });
    expect(sends.map((s) => s.id)).toEqual(['a#1']);
    engine.stop();
  });

  it('sends nothing when sync is not configured', async () => {
    const { sends, state, engine, lock, timers } = setup([makeEntry('a', 1)]);
    state.isConfigured = false;
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'notConfigured' });
    expect(sends).toEqual([]);
    expect(lock.acquired).toBe(0);
    // No endpoint or code yet: it looks again in 5 minutes, not every second.
    expect(timers).toEqual([300_000]);
    engine.stop();
  });

  it('sends nothing while the lock reports it held elsewhere (a stub), and leaves its sending entry alone', async () => {
    const { sends, lock, engine, entry } = setup([
      makeEntry('a', 1, { state: 'sending' }),
      makeEntry('b', 1),
    ]);
    lock.isFree = false;
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'locked' });
    expect(sends).toEqual([]);
    expect(entry('a#1').state).toBe('sending');
    expect(lock.released).toBe(0);
    engine.stop();
  });

  it('looks again every 15 s while another tab holds an entry in sending', async () => {
    const { lock, engine, timers } = setup([makeEntry('a', 1, { state: 'sending' })]);
    lock.isFree = false;
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'locked' });
    // Without this timer a tab closed mid-upload would leave the entry to the next reload.
    expect(timers).toEqual([SENDING_ELSEWHERE_RECHECK_MS]);
    engine.stop();
  });

  it('requeues and sends a stale sending entry once it holds the lock', async () => {
    const { sends, engine, entry, lock } = setup([makeEntry('a', 1, { state: 'sending' })]);
    expect(await engine.kick()).toEqual({ sent: 1, stopped: 'done' });
    expect(sends.map((s) => s.id)).toEqual(['a#1']);
    expect(entry('a#1').state).toBe('sent');
    expect(lock.released).toBe(1);
  });

  it('renews the lease before every send', async () => {
    const { lock, engine, sends } = setup([makeEntry('a', 1), makeEntry('b', 1)]);
    expect(await engine.kick()).toEqual({ sent: 2, stopped: 'done' });
    expect(sends).toHaveLength(2);
    expect(lock.renewed).toBe(2);
  });

  it('stops without sending when the lease cannot be renewed', async () => {
    const { lock, engine, sends, entry } = setup([makeEntry('a', 1)]);
    lock.isRenewable = false;
    expect(await engine.kick()).toEqual({ sent: 0, stopped: 'locked' });
    expect(sends).toHaveLength(0);
    expect(entry('a#1').state).toBe('queued');
    expect(lock.released).toBe(1);
  });

  it('releases the lock when a run ends, whatever the outcome', async () => {
    const { lock, engine } = setup([makeEntry('a', 1)], { 'a#1': [401] });
    await engine.kick();
    expect(lock.acquired).toBe(1);
    expect(lock.released).toBe(1);
  });
});

describe('SyncEngine triggers', () => {
  it('runs once more when kicked during a run, and sends what was added meanwhile', async () => {
    const { sends, engine, entry, lock, add, state } = setup([makeEntry('a', 1)]);
    let release: () => void = () => {};
    state.hold = new Promise((resolve) => (release = resolve));
    const first = engine.kick();
    await vi.advanceTimersByTimeAsync(0);
    expect(sends.map((s) => s.id)).toEqual(['a#1']);
    add(makeEntry('b', 1));
    const second = engine.kick();
    expect(second).toBe(first);
    state.hold = null;
    release();
    await first;
    expect(lock.acquired).toBe(2);
    expect(sends.map((s) => s.id)).toEqual(['a#1', 'b#1']);
    expect(entry('b#1').state).toBe('sent');
  });

  it('runs again after a run that a kick interrupted found the lock taken', async () => {
    const { sends, engine, lock, entry } = setup([makeEntry('a', 1)]);
    lock.isFree = false;
    // The other tab lets go just after refusing this run, and kicks (as 'online' would).
    lock.onAcquire = () => {
      lock.onAcquire = null;
      lock.isFree = true;
      void engine.kick();
    };
    expect(await engine.kick()).toEqual({ sent: 1, stopped: 'done' });
    expect(lock.acquired).toBe(2);
    expect(sends.map((s) => s.id)).toEqual(['a#1']);
    expect(entry('a#1').state).toBe('sent');
  });

  it('sets its timer for the earliest due entry', async () => {
    const { engine, timers } = setup([
      makeEntry('a', 1, { state: 'retrying', nextAttemptAt: START + 30_000 }),
      makeEntry('b', 1, { state: 'retrying', nextAttemptAt: START + 10_000 }),
      makeEntry('c', 1, { state: 'sent', nextAttemptAt: NEVER }),
    ]);
    await engine.kick();
    expect(timers).toEqual([10_000]);
    engine.stop();
  });

  it('wakes at the retry time and sends the entry then', async () => {
    const { engine, sends } = setup([
      makeEntry('a', 1, { state: 'retrying', attempts: 1, nextAttemptAt: START + 10_000 }),
    ]);
    await engine.kick();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(sends).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sends).toEqual([{ id: 'a#1', at: 10_000 }]);
  });

  it('does not wake for a revision held behind one that waits', async () => {
    const { engine, timers } = setup([
      makeEntry('a', 1, { state: 'retrying', nextAttemptAt: START + 60_000 }),
      makeEntry('a', 2),
    ]);
    await engine.kick();
    expect(timers).toEqual([60_000]);
    engine.stop();
  });

  it('wakes at most 5 minutes ahead and at least 1 s ahead', async () => {
    const far = setup([makeEntry('a', 1, { state: 'retrying', nextAttemptAt: START + 3_600_000 })]);
    await far.engine.kick();
    expect(far.timers).toEqual([300_000]);
    far.engine.stop();

    const locked = setup([makeEntry('a', 1)]);
    locked.lock.isFree = false;
    await locked.engine.kick();
    expect(locked.timers).toEqual([1_000]);
    locked.engine.stop();
  });

  it('sets no timer when nothing waits', async () => {
    const { engine, timers } = setup([makeEntry('a', 1)]);
    await engine.kick();
    expect(timers).toEqual([]);
  });

  it('cancels its timer on stop', async () => {
    const { engine, sends } = setup([
      makeEntry('a', 1, { state: 'retrying', nextAttemptAt: START + 10_000 }),
    ]);
    await engine.kick();
    engine.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sends).toEqual([]);
  });
});

describe('SyncEngine with photos', () => {
  const missingFiles = (...numbers: number[]) => ({
    status: 422,
    body: { error: 'missingFiles', message: 'Thiếu ảnh', missing: numbers.map(shaOf) },
  });

  it('sends the report, uploads with their bytes the photos the server lacks, then the report again', async () => {
    const { sends, uploads, entry, runFor } = setup([withPhotos(makeEntry('a', 1), 5)]);
    expect(await runFor()).toEqual({ sent: 1, stopped: 'done' });
    expect(sends.map((s) => s.id)).toEqual([
      'a#1',
      file(1),
      file(2),
      file(3),
      file(4),
      file(5),
      'a#1',
    ]);
    expect(uploads.map((u) => [u.reportId, u.text])).toEqual(
      [1, 2, 3, 4, 5].map((n) => ['a', `jpeg ${n}`]),
    );
    expect(entry('a#1')).toMatchObject({
      state: 'sent',
      attempts: 0,
      lastError: null,
      uploadedFiles: [1, 2, 3, 4, 5].map(shaOf),
    });
  });

  it('resumes after a failure mid-way with the photos the server still lacks', async () => {
    const { sends, entry, engine, runFor } = setup([withPhotos(makeEntry('a', 1), 5)], {
      [file(3)]: ['network'],
    });
    await engine.kick();
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1), file(2), file(3)]);
    expect(entry('a#1')).toMatchObject({
      state: 'retrying',
      attempts: 1,
      nextAttemptAt: START + 5_000,
      uploadedFiles: [shaOf(1), shaOf(2)],
    });
    await runFor();
    expect(sends).toEqual([
      { id: 'a#1', at: 0 },
      { id: file(1), at: 0 },
      { id: file(2), at: 0 },
      { id: file(3), at: 0 },
      { id: 'a#1', at: 5_000 },
      { id: file(3), at: 5_000 },
      { id: file(4), at: 5_000 },
      { id: file(5), at: 5_000 },
      { id: 'a#1', at: 5_000 },
    ]);
    expect(entry('a#1').state).toBe('sent');
  });

  it('uploads only what the server lacks, as after a closed tab', async () => {
    const { sends, serverFiles, runFor } = setup([withPhotos(makeEntry('a', 1), 5)]);
    serverFiles.set('a', new Set([shaOf(1), shaOf(2), shaOf(3)]));
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(4), file(5), 'a#1']);
  });

  it('starts the backoff over after a photo gets through', async () => {
    const { sends, runFor } = setup([withPhotos(makeEntry('a', 1), 3)], {
      [file(1)]: [500],
      [file(2)]: [500],
    });
    await runFor();
    expect(sends.map((s) => [s.id, s.at])).toEqual([
      ['a#1', 0],
      [file(1), 0],
      ['a#1', 5_000],
      [file(1), 5_000],
      [file(2), 5_000],
      // Photo 1 went through: the next failure waits the first delay again.
      ['a#1', 10_000],
      [file(2), 10_000],
      [file(3), 10_000],
      ['a#1', 10_000],
    ]);
  });

  it('stops the queue on a 401 for a photo, without sending the report again', async () => {
    const { sends, entry, runFor, timers } = setup(
      [withPhotos(makeEntry('a', 1), 3), makeEntry('b', 1)],
      { [file(2)]: [{ status: 401, body: { error: 'unauthorized', message: 'Sai mã' } }] },
    );
    expect(await runFor()).toEqual({ sent: 0, stopped: 'authRequired' });
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1), file(2)]);
    expect(entry('a#1')).toMatchObject({
      state: 'authRequired',
      lastError: { status: 401, message: 'Sai mã' },
      uploadedFiles: [shaOf(1)],
    });
    expect(entry('b#1').state).toBe('queued');
    expect(timers).toEqual([]);
  });

  it('quarantines an entry whose photo the server refuses, and goes on with the rest', async () => {
    const { sends, entry, runFor } = setup([withPhotos(makeEntry('a', 1), 2), makeEntry('b', 1)], {
      [file(1)]: [{ status: 413, body: { error: 'tooLarge', message: 'Quá lớn' } }],
    });
    expect(await runFor()).toEqual({ sent: 1, stopped: 'done' });
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1), 'b#1']);
    expect(entry('a#1')).toMatchObject({
      state: 'quarantined',
      lastError: { status: 413, message: 'Quá lớn' },
    });
  });

  it('sends the report first again when the server no longer expects a photo (428)', async () => {
    const { sends, entry, runFor } = setup([withPhotos(makeEntry('a', 1), 2)], {
      [file(2)]: [
        { status: 428, body: { error: 'fileNotExpected', message: 'Gửi báo cáo trước' } },
      ],
    });
    await runFor();
    expect(sends.map((s) => [s.id, s.at])).toEqual([
      ['a#1', 0],
      [file(1), 0],
      [file(2), 0],
      ['a#1', 5_000],
      [file(2), 5_000],
      ['a#1', 5_000],
    ]);
    expect(entry('a#1').state).toBe('sent');
  });

  it('quarantines an entry whose photo is gone from the device, with a message', async () => {
    const { sends, entry, photoBytes, runFor } = setup([withPhotos(makeEntry('a', 1), 3)]);
    photoBytes.delete('p2');
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1)]);
    expect(entry('a#1')).toMatchObject({
      state: 'quarantined',
      lastError: { status: null, message: viModels.photoSync.photoGone },
    });
  });

  it('waits its backoff when the server still lacks a photo after the uploads', async () => {
    const { sends, entry, engine, runFor } = setup([withPhotos(makeEntry('a', 1), 3)], {
      'a#1': [missingFiles(1, 2, 3), missingFiles(2)],
    });
    await engine.kick();
    expect(entry('a#1')).toMatchObject({
      state: 'retrying',
      attempts: 1,
      lastError: { status: 422, message: 'Thiếu ảnh' },
    });
    await runFor();
    expect(sends.map((s) => [s.id, s.at])).toEqual([
      ['a#1', 0],
      [file(1), 0],
      [file(2), 0],
      [file(3), 0],
      ['a#1', 0],
      // The server holds every photo now (the script said otherwise once).
      ['a#1', 5_000],
    ]);
    expect(entry('a#1').state).toBe('sent');
  });

  it('uploads a photo listed twice once', async () => {
    const twice = withPhotos(makeEntry('a', 1), 2);
    twice.body.photos.push({ ...photo(1), id: 'p3' });
    const { sends, runFor } = setup([twice]);
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1), file(2), 'a#1']);
  });

  it('uploads none of the photos an earlier submission of the report uploaded', async () => {
    const { sends, entry, runFor } = setup([
      withPhotos(makeEntry('a', 1), 2),
      withPhotos(makeEntry('a', 2), 3),
    ]);
    await runFor();
    expect(sends.map((s) => s.id)).toEqual(['a#1', file(1), file(2), 'a#1', 'a#2', file(3), 'a#2']);
    expect(entry('a#2').state).toBe('sent');
  });

  it('renews the lease before every photo', async () => {
    const { lock, engine } = setup([withPhotos(makeEntry('a', 1), 3)]);
    expect(await engine.kick()).toEqual({ sent: 1, stopped: 'done' });
    expect(lock.renewed).toBe(4);
  });
});
