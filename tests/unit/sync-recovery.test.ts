// The sync engine recovers on its own from a real server's rate limit: 20 submissions
// from one unit against the real API with its limiter on (60 a minute, bursts of 15),
// the real HTTP transport on loopback, and one manual clock shared by the server and the
// engine. Nobody presses "Gửi ngay": the engine's own timer, following the 429's
// Retry-After, carries every submission through, and the server stores each once.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxEntry, Receipt } from '@/domain/outbox/outbox-entry';
import { createServerApp } from '@/server/app';
import { readConfig } from '@/server/config';
import { Store } from '@/server/store';
import { createHttpTransport } from '@/sync/http-transport';
import { SyncEngine, type EntryChange } from '@/sync/sync-engine';
import { makeOutboxEntry } from './factories';
import { makeReportFile, makeTempDirs } from './server-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rateLimitedServer(now: () => Date) {
  const { root, dataDir, distDir } = makeTempDirs();
  const config = { ...readConfig({}), dataDir, distDir, rateLimitPerMinute: 60 };
  const store = new Store(dataDir);
  const app = createServerApp({ config, store, version: 'test', now });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const running = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(running),
    );
  });
  cleanups.push(async () => {
    await new Promise((resolve) => {
      server.close(resolve);
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
    store.close();
    rmSync(root, { recursive: true, force: true });
  });
  const { port } = server.address() as AddressInfo;
  return { store, url: `http://127.0.0.1:${port}/api` };
}

function entryOf(index: number, createdAt: string): OutboxEntry {
  const reportId = `report-${index}`;
  const body = makeReportFile(reportId, (file) => {
    file.report.revision = 1;
    file.photos ??= []; // the fixture predates photos; a submission always lists them
  });
  return makeOutboxEntry({ reportId, revision: 1, body, createdAt });
}

describe('sync recovery without Gửi ngay', () => {
  // 20 full reports, validated by the server, several rounds: seconds on a loaded machine.
  it(
    'drains 20 submissions through a real 429 by Retry-After alone, each stored once',
    { timeout: 60_000 },
    async () => {
      let clock = Date.parse('2024-05-10T02:41:00Z');
      const { store, url } = await rateLimitedServer(() => new Date(clock));
      const unitCode = store.addUnit('Huyện Đoàn Hồng Dân', false).code;

      const outbox = new Map(
        Array.from({ length: 20 }, (_, i) => entryOf(i, new Date(clock).toISOString())).map(
          (entry) => [entry.id, entry],
        ),
      );
      const statuses: number[] = [];
      const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
      const engine = new SyncEngine({
        outbox: {
          list: async () => [...outbox.values()].map((entry) => structuredClone(entry)),
          update: async (id: string, change: EntryChange) => {
            const entry = outbox.get(id)!;
            outbox.set(id, { ...entry, ...change });
            if (change.lastError?.status) statuses.push(change.lastError.status);
          },
          markSent: async (id: string, receipt: Receipt) => {
            outbox.set(id, { ...outbox.get(id)!, state: 'sent', receipt });
          },
        },
        transport: async () => createHttpTransport(url, unitCode),
        photos: { read: async () => null },
        now: () => clock,
        isOnline: () => true,
        lock: { acquire: async () => true, release: async () => {} },
        random: () => 0.5,
        setTimer: (run, delayMs) => {
          const timer = { at: clock + delayMs, run, cancelled: false };
          timers.push(timer);
          return () => (timer.cancelled = true);
        },
      });

      const started = clock;
      await engine.kick();
      // The engine's own timers, in order, the clock moved to each one: no other trigger.
      for (let step = 0; step < 200; step += 1) {
        const next = timers
          .filter((timer) => !timer.cancelled)
          .sort((a, b) => a.at - b.at)
          .shift();
        if (!next) break;
        next.cancelled = true;
        clock = Math.max(clock, next.at);
        await engine.kick();
      }
      engine.stop();

      expect(statuses, 'the burst ran into the limit').toContain(429);
      expect([...outbox.values()].filter((entry) => entry.state !== 'sent')).toEqual([]);
      expect(store.countRevisions()).toBe(20);
      // Fifteen at once, then one a second (60 a minute): well under a simulated minute.
      expect(clock - started).toBeLessThan(60_000);
    },
  );
});
