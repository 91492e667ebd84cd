// How long the app takes to send a backlog: 50 submissions (10 reports × 5) made
// offline, then the network comes back and "Gửi ngay" is pressed on the report list;
// the time until the list no longer shows "… lần nộp chưa gửi được" (every entry sent,
// with its receipt stored). The clock starts just before going online, so the engine's
// own 'online' kick, which may start a moment before the click, is counted too. Each
// run uses a fresh browser context (an empty outbox); the median of three is reported.
//
// Assumes dist/ is built (scripts/bench.ts builds it). Serves it in process with the
// real API on a free port (fresh data directory, no rate limit) and drives the Debian
// Chromium; stops both at the end.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/server/start';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { startSyncServer, SYNC_UNIT } from '../../tests/e2e/support/sync-server';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 3;
const REPORTS = 10;
const SUBMISSIONS_PER_REPORT = 5;
const ENTRIES = REPORTS * SUBMISSIONS_PER_REPORT;
const UNIT = SYNC_UNIT;

async function saveAccessCode(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/#/cai-dat`);
  // The live check has answered: the stored settings are loaded and will not overwrite.
  await page
    .getByRole('status')
    .filter({ hasText: /Kết nối được máy chủ|Không kết nối được máy chủ/ })
    .waitFor();
  await page.getByRole('textbox', { name: 'Mã truy cập của đơn vị', exact: true }).fill(code);
  await page.getByRole('button', { name: 'Lưu cài đặt gửi báo cáo', exact: true }).click();
  await page.getByText('Đã lưu cài đặt gửi báo cáo.').waitFor();
}

async function createReport(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/`);
  await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: UNIT });
  await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
  await page.waitForURL(/#\/r\/[^/]+$/);
  return decodeURIComponent(/#\/r\/([^/]+)/.exec(page.url())![1]!);
}

// "Nộp báo cáo" `count` times on the report's Xem lại, each waiting for its history line.
async function submitRepeatedly(page: Page, url: string, reportId: string, count: number) {
  await page.goto(`${url}/#/r/${encodeURIComponent(reportId)}/xem-lai`);
  const panel = page.getByRole('region', { name: 'Nộp báo cáo qua mạng' });
  const submit = panel.getByRole('button', { name: 'Nộp báo cáo', exact: true });
  for (let revision = 1; revision <= count; revision += 1) {
    await submit.click();
    await panel
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^Lần nộp ${revision} · `) })
      .waitFor();
  }
}

async function oneRun(browser: Browser, server: RunningServer, code: string): Promise<number> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = await context.newPage();
    const url = server.url;
    await saveAccessCode(page, url, code);
    const reportIds: string[] = [];
    for (let i = 0; i < REPORTS; i += 1) reportIds.push(await createReport(page, url));

    await context.setOffline(true);
    for (const reportId of reportIds) {
      await submitRepeatedly(page, url, reportId, SUBMISSIONS_PER_REPORT);
    }
    await page.goto(`${url}/#/`);
    await page.getByText(`${ENTRIES} lần nộp chưa gửi được`).waitFor();
    const before = server.store.countRevisions();

    const start = performance.now();
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Gửi ngay', exact: true }).click();
    await page.waitForFunction(
      () => !document.body.innerText.includes('lần nộp chưa gửi được'),
      null,
      {
        polling: 'raf',
        timeout: 120_000,
      },
    );
    const elapsed = performance.now() - start;

    const stored = server.store.countRevisions() - before;
    if (stored !== ENTRIES) throw new Error(`expected ${ENTRIES} new revisions, found ${stored}`);
    return elapsed;
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const {
    server,
    unitCode: code,
    close,
  } = await startSyncServer({
    distDir: resolve('dist'),
    version: 'bench',
    prefix: 'so-ket-bench-drain-',
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await oneRun(browser, server, code));
    if (process.env.BENCH_VERBOSE)
      console.error(`drain-50 runs: ${times.map(Math.round).join(', ')} ms`);
    return [{ name: 'drain-50', value: Math.round(median(times)), unit: 'ms' }];
  } finally {
    await browser?.close();
    await close();
  }
}
