// How long typed text waits before it is safe, two figures, each the 95th percentile
// over every keystroke:
// - autosave-p95: keydown → the write-ahead journal in localStorage holds the text at
//   least that long (timed right after the app's synchronous setItem returns);
// - idb-commit-p95: keydown → a separate raw IndexedDB connection first reads a stored
//   answer at least that long. Typing is steady at one key every 100 ms, so this shows
//   the save policy (debounce and max wait), not the speed of one write.
// Three runs; the median of their p95s is reported.
//
// Assumes dist/ is built (scripts/bench.ts builds it). Serves dist/ in process on a free
// port and drives the Debian Chromium; stops both at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer as startInProcess } from '../../src/server/start';
import { median, percentile } from './stats';
import type { BenchResult } from './types';

const RUNS = 3;
const KEY_DELAY_MS = 100;
const POLL_MS = 10;
const FIELD_ID = 'direction-results';
// ASCII only: Playwright types other characters with insertText, which fires no keydown.
const TEXT = 'Da to chuc 12 lop tap huan nghiep vu cho can bo Doan co so va 35 chi doan vung manh';

type Capture = {
  keydowns: number[];
  reachedAt: number[];
  storedLength: number;
  journaledAt: number[];
  journaledLength: number;
};

declare global {
  interface Window {
    __bench?: Capture & { timer: ReturnType<typeof setInterval>; db: IDBDatabase };
  }
}

async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'so-ket-bench-data-'));
  const server = await startInProcess({ distDir: resolve('dist'), dataDir, port: 0 }, 'bench');
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Creates a report through the UI and opens II.1 with its results field focused.
async function openResultsField(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/`);
  await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Huyện Đoàn Hồng Dân' });
  await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
  await page.waitForURL(/#\/r\/[^/]+$/);
  const reportId = decodeURIComponent(/#\/r\/([^/]+)/.exec(page.url())![1]!);
  await page.goto(`${url}/#/r/${encodeURIComponent(reportId)}/direction`);
  const field = page.getByRole('textbox', { name: 'Kết quả đạt được' });
  await field.waitFor();
  await field.focus();
  return reportId;
}

// In the page: a capture-phase keydown clock and a poller on a connection of its own.
async function startCapture(page: Page, reportId: string): Promise<void> {
  await page.evaluate(
    async ({ reportId, fieldId, pollMs }) => {
      const capture: Capture = {
        keydowns: [],
        reachedAt: [],
        storedLength: 0,
        journaledAt: [],
        journaledLength: 0,
      };
      window.addEventListener('keydown', () => capture.keydowns.push(performance.now()), {
        capture: true,
      });
      // The journal: timed as each synchronous setItem of the report's entry returns.
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        setItem.call(this, key, value);
        if (key !== `so-ket.journal.${reportId}`) return;
        const now = performance.now();
        const parsed = JSON.parse(value) as { fields: Record<string, { value?: unknown }> };
        const typed = parsed.fields[fieldId]?.value;
        const length = typeof typed === 'string' ? typed.length : 0;
        for (let n = capture.journaledLength + 1; n <= length; n += 1)
          capture.journaledAt.push(now);
        capture.journaledLength = Math.max(capture.journaledLength, length);
      };
      const db = await new Promise<IDBDatabase>((resolveDb, reject) => {
        const request = indexedDB.open('so-ket');
        request.onsuccess = () => resolveDb(request.result);
        request.onerror = () => reject(request.error);
      });
      // No named function bindings in here: tsx (esbuild keepNames) would wrap them in
      // a __name() helper that does not exist in the page.
      let isPolling = false;
      const timer = setInterval(() => {
        if (isPolling) return;
        isPolling = true;
        const request = db
          .transaction('answers', 'readonly')
          .objectStore('answers')
          .get([reportId, fieldId]);
        request.onsuccess = () => {
          isPolling = false;
          const now = performance.now();
          const value: unknown = (request.result as { value?: unknown } | undefined)?.value;
          const length = typeof value === 'string' ? value.length : 0;
          // reachedAt[n - 1]: when the stored value first had at least n characters.
          for (let n = capture.storedLength + 1; n <= length; n += 1) capture.reachedAt.push(now);
          capture.storedLength = Math.max(capture.storedLength, length);
        };
        request.onerror = () => {
          isPolling = false;
        };
      }, pollMs);
      window.__bench = Object.assign(capture, { timer, db });
    },
    { reportId, fieldId: FIELD_ID, pollMs: POLL_MS },
  );
}

function p95Delays(keydowns: number[], reachedAt: number[], what: string): number {
  const delays = keydowns.map((keydown, index) => {
    const reached = reachedAt[index];
    if (reached === undefined) throw new Error(`keystroke ${index + 1} never reached ${what}`);
    return reached - keydown;
  });
  return percentile(delays, 95);
}

async function oneRun(browser: Browser, url: string): Promise<{ journal: number; idb: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const reportId = await openResultsField(page, url);
    await startCapture(page, reportId);
    await page.keyboard.type(TEXT, { delay: KEY_DELAY_MS });
    await page.waitForFunction(
      (length) => (window.__bench?.storedLength ?? 0) >= length,
      TEXT.length,
      {
        timeout: 10_000,
        polling: 50,
      },
    );
    const capture = await page.evaluate(() => {
      const bench = window.__bench!;
      clearInterval(bench.timer);
      bench.db.close();
      return {
        keydowns: bench.keydowns,
        reachedAt: bench.reachedAt,
        storedLength: bench.storedLength,
        journaledAt: bench.journaledAt,
      };
    });
    if (capture.keydowns.length !== TEXT.length) {
      throw new Error(`expected ${TEXT.length} keydowns, saw ${capture.keydowns.length}`);
    }
    return {
      journal: p95Delays(capture.keydowns, capture.journaledAt, 'the journal'),
      idb: p95Delays(capture.keydowns, capture.reachedAt, 'IndexedDB'),
    };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    const runs: { journal: number; idb: number }[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await oneRun(browser, server.url));
    const journal = runs.map((r) => r.journal);
    const idb = runs.map((r) => r.idb);
    if (process.env.BENCH_VERBOSE) {
      console.error(`autosave-p95 runs: ${journal.map((v) => v.toFixed(1)).join(', ')} ms`);
      console.error(`idb-commit-p95 runs: ${idb.map(Math.round).join(', ')} ms`);
    }
    return [
      { name: 'autosave-p95', value: Math.round(median(journal) * 10) / 10, unit: 'ms' },
      { name: 'idb-commit-p95', value: Math.round(median(idb)), unit: 'ms' },
    ];
  } finally {
    await browser?.close();
    await server.close();
  }
}
