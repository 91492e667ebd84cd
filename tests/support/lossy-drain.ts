// 20 submissions (5 reports × 4 revisions) drained by the sync engine alone, no "Gửi
// ngay", through the lossy proxy (30 % of requests dropped, 30 % of responses dropped,
// 10 % sent twice, for as long as it runs) to a real server on loopback, over the app's
// own HTTP transport; or through a simulation of the same faults in process (many seeds in
// no time). The engine's clock and timers are either virtual (a timer fires at once and
// moves the clock: a test that waits for nothing) or real (the benchmark).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxEntry, Receipt } from '@/domain/outbox/outbox-entry';
import { startServer } from '@/server/start';
import { createHttpTransport } from '@/sync/http-transport';
import { SyncEngine, type EntryChange, type SyncTransport } from '@/sync/sync-engine';
import type { SendOutcome } from '@/domain/outbox/retry-policy';
import { startFlakyProxy, type FlakyProxyStats } from '../e2e/support/flaky-proxy';
import { mulberry32 } from '../fixtures/random';
import { reportFileSchema } from '@/domain/report/report-schema';
import { ROOT } from './server-process';

export const LOSSY_REPORTS = 5;
export const LOSSY_REVISIONS = 4;

export type DrainResult = {
  // How long the engine took, on its own clock (virtual or real), in ms.
  elapsedMs: number;
  sent: number;
  stored: number;
  stats: FlakyProxyStats;
};

// The proxy's: faults for the first minute, at most 60 of them (then the network is good).
const FAULTS = {
  dropRequest: 0.3,
  dropResponse: 0.3,
  duplicate: 0.1,
  maxFaults: 60,
  faultWindowMs: 60_000,
};

function makeEntries(seed: number, fixture: string): Map<string, OutboxEntry> {
  const store = new Map<string, OutboxEntry>();
  const createdAt = Date.parse('2024-05-10T02:41:00.000Z');
  for (let r = 1; r <= LOSSY_REPORTS; r += 1) {
    for (let n = 1; n <= LOSSY_REVISIONS; n += 1) {
      const reportId = `lossy-${seed}-${r}`;
      const body = reportFileSchema.parse(JSON.parse(fixture));
      body.report.id = reportId;
      body.answers['direction-results'] = `Kết quả lần ${n}`;
      const at = new Date(createdAt + (r * 10 + n) * 1000).toISOString();
      store.set(`${reportId}#${n}`, {
        id: `${reportId}#${n}`,
        reportId,
        revision: n,
        body,
        // Not checked by the server; the receipt carries the one it computes.
        sha256: `${r}${n}`.padStart(64, '0'),
        state: 'queued',
        attempts: 0,
        nextAttemptAt: 0,
        lastError: null,
        serverHead: null,
        receipt: null,
        uploadedFiles: [],
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return store;
}

const readFixture = () => readFileSync(join(ROOT, 'tests/fixtures/reports/draft.json'), 'utf8');

// The engine over an in-memory outbox until every entry is sent (or, on the virtual
// clock, until `limitMs`). Returns how long it took on its clock and how many are left.
// The engine's clock, shared with the faults' window: virtual (moved by the timers) or real.
type Clock = { isVirtual: boolean; now: () => number; set: (ms: number) => void };

function makeClock(kind: 'virtual' | 'real'): Clock {
  let virtualNow = 0;
  return kind === 'virtual'
    ? { isVirtual: true, now: () => virtualNow, set: (ms) => (virtualNow = ms) }
    : { isVirtual: false, now: () => Date.now(), set: () => {} };
}

async function runEngine(
  store: Map<string, OutboxEntry>,
  transport: SyncTransport,
  clock: Clock,
  options: { seed: number; limitMs?: number },
): Promise<{ elapsedMs: number; unsent: number }> {
  const { isVirtual, now } = clock;
  const start = now();
  let timer: { at: number; run: () => void } | null = null;
  const unsent = () => [...store.values()].filter((entry) => entry.state !== 'sent').length;
  let drained: () => void = () => {};
  const isDrained = new Promise<void>((resolve) => (drained = resolve));
  const engine = new SyncEngine({
    outbox: {
      list: async () =>
        [...store.values()]
          .map((entry) => structuredClone(entry))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      update: async (id: string, change: EntryChange) => {
        const entry = store.get(id);
        if (entry) store.set(id, { ...entry, ...change });
      },
      markSent: async (id: string, receipt: Receipt) => {
        const entry = store.get(id);
        if (entry) store.set(id, { ...entry, state: 'sent', receipt, nextAttemptAt: Infinity });
        if (unsent() === 0) drained();
      },
    },
    transport: async () => transport,
    photos: { read: async () => null },
    now,
    isOnline: () => true,
    lock: { acquire: async () => true, release: async () => {} },
    random: mulberry32(options.seed + 1),
    // The app is open in front of the user.
    isForeground: () => true,
    setTimer: (run, delayMs) => {
      if (!isVirtual) {
        const handle = setTimeout(run, delayMs);
        return () => clearTimeout(handle);
      }
      const mine = { at: now() + delayMs, run };
      timer = mine;
      return () => {
        if (timer === mine) timer = null;
      };
    },
  });
  if (isVirtual) {
    // Run, then jump the clock to the engine's next timer, until nothing is left.
    await engine.kick();
    const limit = options.limitMs ?? 10 * 60_000;
    for (;;) {
      const next = timer as { at: number; run: () => void } | null;
      if (unsent() === 0 || !next || next.at > limit) break;
      timer = null;
      clock.set(next.at);
      next.run();
      await engine.kick();
    }
  } else {
    void engine.kick();
    await isDrained;
    engine.stop();
  }
  return { elapsedMs: now() - start, unsent: unsent() };
}

// Through the real lossy proxy to a real server on loopback.
export async function drainThroughLossyProxy(options: {
  seed: number;
  clock: 'virtual' | 'real';
  limitMs?: number;
}): Promise<DrainResult> {
  const root = mkdtempSync(join(tmpdir(), 'so-ket-lossy-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>so-ket</title>');
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(root, 'data'),
    distDir: root,
    corsOrigins: [],
    rateLimitPerMinute: 0,
  });
  const clock = makeClock(options.clock);
  const proxy = await startFlakyProxy({
    upstream: server.url,
    seed: options.seed,
    ...FAULTS,
    now: clock.now,
  });
  try {
    const { code } = server.store.addUnit('BCH Đoàn huyện Hồng Dân', false);
    const store = makeEntries(options.seed, readFixture());
    const transport = createHttpTransport(`${proxy.url}/api`, code, 10_000);
    const { elapsedMs, unsent } = await runEngine(store, transport, clock, options);
    return {
      elapsedMs,
      sent: store.size - unsent,
      stored: server.store.countRevisions(),
      stats: { ...proxy.stats },
    };
  } finally {
    await proxy.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

// The same faults, drawn the same way, in process: a server that stores revision head + 1
// and answers an already stored one again; no network, so many seeds run in no time.
export async function drainSimulated(options: {
  seed: number;
  limitMs?: number;
}): Promise<DrainResult> {
  const random = mulberry32(options.seed);
  const clock = makeClock('virtual');
  let faults = 0;
  const heads = new Map<string, number>();
  const stats: FlakyProxyStats = {
    requests: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicated: 0,
    passed: 0,
  };
  let stored = 0;
  const serve = (entry: OutboxEntry): SendOutcome => {
    const head = heads.get(entry.reportId) ?? 0;
    if (entry.revision <= head) return receiptOf(entry, 200);
    if (entry.revision !== head + 1)
      return { kind: 'response', status: 409, body: { head }, retryAfterSeconds: null };
    heads.set(entry.reportId, entry.revision);
    stored += 1;
    return receiptOf(entry, 201);
  };
  const transport: SyncTransport = {
    send: async (entry) => {
      stats.requests += 1;
      const draw = random();
      const canFault = faults < FAULTS.maxFaults && clock.now() < FAULTS.faultWindowMs;
      if (canFault && draw < FAULTS.dropRequest + FAULTS.dropResponse + FAULTS.duplicate)
        faults += 1;
      if (!canFault) {
        stats.passed += 1;
        return serve(entry);
      }
      if (draw < FAULTS.dropRequest) {
        stats.droppedRequests += 1;
        return { kind: 'networkError' };
      }
      if (draw < FAULTS.dropRequest + FAULTS.dropResponse) {
        stats.droppedResponses += 1;
        serve(entry);
        return { kind: 'networkError' };
      }
      if (draw < FAULTS.dropRequest + FAULTS.dropResponse + FAULTS.duplicate) {
        stats.duplicated += 1;
        serve(entry);
        return serve(entry);
      }
      stats.passed += 1;
      return serve(entry);
    },
    uploadFile: async () => ({ kind: 'networkError' }),
  };
  const store = makeEntries(options.seed, readFixture());
  const { elapsedMs, unsent } = await runEngine(store, transport, clock, options);
  return { elapsedMs, sent: store.size - unsent, stored, stats };
}

function receiptOf(entry: OutboxEntry, status: number): SendOutcome {
  return {
    kind: 'response',
    status,
    body: {
      reportId: entry.reportId,
      revision: entry.revision,
      sha256: entry.sha256,
      receivedAt: '2024-05-10T02:41:00.000Z',
    },
    retryAfterSeconds: null,
  };
}
