// How long the installed app takes to show the report list with no network, no server
// and a phone-class CPU: Chromium on a profile of its own visits the app once, reloads
// (the service worker now controls the page) and creates one report; then the server
// stops and the browser goes offline. Each run opens a new page throttled 4× (CDP
// Emulation.setCPUThrottlingRate) and measures, in the page, from the navigation start
// (performance.timeOrigin) to the first animation frame after the report's link is in
// the document and laid out. The median of five runs; every run goes to stderr.
// `offline-start-4x` is the warm start (a new page of the browser that installed the
// app); `offline-start-4x-cold` a cold one: the browser is closed, and each run starts a
// new Chromium process on the installed profile, offline, and opens the app in it (the
// OS file cache stays warm: it is not a phone's reboot).
//
// Assumes dist/ is built (scripts/bench.ts builds it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer } from '../../src/server/start';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 5;
const CPU_SLOWDOWN = 4;
const REPORT_NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';

// The page says when the list is on screen in a console message: waiting for a
// window property with waitForFunction would inject Playwright's own script (some
// hundred kilobytes) into the page while the app starts, and time it with the app.
const LIST_SHOWN = 'so-ket-list-shown';

// First visit, reload under the service worker, one report.
async function install(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${url}/#/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('button', { name: 'Tạo báo cáo mới' }).click();
  await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Huyện Đoàn Hồng Dân' });
  await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
  await page.waitForURL(/#\/r\/[^/]+$/);
  await page.close();
}

// Runs in every new document, before the app's scripts: watches the DOM for the link.
// No named function bindings: tsx (esbuild keepNames) would wrap them in a __name()
// helper the page does not have.
function watchForReportLink({ name, marker }: { name: string; marker: string }): void {
  new MutationObserver((_records, observer) => {
    const link = [...document.querySelectorAll('a')].find(
      (a) => a.textContent?.trim() === name && a.getClientRects().length > 0,
    );
    if (!link) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      console.debug(`${marker} ${performance.now()}`);
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function oneRun(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const shown = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(`${LIST_SHOWN} `),
      timeout: 60_000,
    });
    await page.goto(`${url}/#/`);
    return Number((await shown).text().slice(LIST_SHOWN.length + 1));
  } finally {
    await page.close();
  }
}

// A new browser process on the installed profile, offline from the start.
async function coldRun(profileDir: string, url: string): Promise<number> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    offline: true,
  });
  try {
    await context.addInitScript(watchForReportLink, { name: REPORT_NAME, marker: LIST_SHOWN });
    return await oneRun(context, url);
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'so-ket-offline-start-'));
  const server = await startServer(
    { distDir: resolve('dist'), dataDir: join(workDir, 'data'), port: 0 },
    'bench',
  );
  let isServing = true;
  const profileDir = join(workDir, 'profile');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
  try {
    await install(context, server.url);
    await server.close();
    isServing = false;
    await context.setOffline(true);
    await context.addInitScript(watchForReportLink, { name: REPORT_NAME, marker: LIST_SHOWN });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await oneRun(context, server.url));
    console.error(`offline-start-4x runs: ${times.map(Math.round).join(', ')} ms`);
    await context.close();
    const coldTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) coldTimes.push(await coldRun(profileDir, server.url));
    console.error(`offline-start-4x-cold runs: ${coldTimes.map(Math.round).join(', ')} ms`);
    return [
      { name: 'offline-start-4x', value: Math.round(median(times)), unit: 'ms' },
      { name: 'offline-start-4x-cold', value: Math.round(median(coldTimes)), unit: 'ms' },
    ];
  } finally {
    await context.close();
    if (isServing) await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
