// The export of the longest report the app accepts (tests/fixtures/worst-case-report.ts:
// every field of the review report at its maximum) in Chromium, throttled 4× (CDP
// Emulation.setCPUThrottlingRate), as a person does it: the file is restored in Cài đặt,
// then Xem lại → Xuất PDF. Two figures:
// - pdf-worst-case: from the click to the download, in ms (issue 14's goal: ≤ 5 s);
// - pdf-worst-case-longest-task: the longest main-thread task during that export
//   (PerformanceObserver 'longtask'; 0 when none reached 50 ms), goal ≤ 200 ms.
// One export a run (it takes long); run it several times for a median.
//
// Chromium 156's CPU throttling slows the page's main thread only, not the export's
// dedicated worker: on one machine the same export took 5.8 s at 1× and 7.6 s at "4×".
// The first figure is therefore the time on this machine's CPU for the rendering; the
// main-thread figure is the one the throttle makes phone-like. Throttling the worker
// itself is refused: Emulation.setCPUThrottlingRate sent to the worker's target (attached
// with Target.setAutoAttach) answers "Operation is only supported for pages, not
// workers" (checked on Chromium 156, December 2026).
//
// Assumes dist/ is built (scripts/bench.ts builds it). Serves dist/ in process on a free
// port and drives the Debian Chromium; stops both at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/start';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { worstCaseReportFile } from '../../tests/fixtures/worst-case-report';
import type { BenchResult } from './types';

const CPU_SLOWDOWN = 4;

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

// Runs in every document before the app: records each long task's duration.
function watchLongTasks(): void {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks!.push(entry.duration);
  }).observe({ type: 'longtask' });
}

export async function run(): Promise<BenchResult[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'so-ket-pdf-worst-'));
  const server = await startServer(
    { distDir: resolve('dist'), dataDir: join(workDir, 'data'), port: 0 },
    'bench',
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
  });
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.addInitScript(watchLongTasks);
    const file = worstCaseReportFile();
    await page.goto(`${server.url}/#/cai-dat`);
    await page.getByLabel('Tệp báo cáo hoặc tệp sao lưu', { exact: true }).setInputFiles({
      name: 'dai-nhat.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã khôi phục' }).waitFor();
    await page.goto(`${server.url}/#/r/${encodeURIComponent(file.report.id)}/xem-lai`);
    const button = page.getByRole('button', { name: 'Xuất PDF', exact: true });
    await button.waitFor();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.evaluate(() => {
      window.__longTasks = [];
    });
    const downloading = page.waitForEvent('download', { timeout: 600_000 });
    const start = performance.now();
    await button.click();
    const download = await downloading;
    const elapsed = performance.now() - start;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const longTasks = await page.evaluate(() => window.__longTasks ?? []);
    console.error(
      `pdf-worst-case: ${download.suggestedFilename()}, ${longTasks.length} long tasks (${longTasks
        .map(Math.round)
        .join(', ')} ms)`,
    );
    return [
      { name: 'pdf-worst-case', value: Math.round(elapsed), unit: 'ms' },
      {
        name: 'pdf-worst-case-longest-task',
        value: Math.round(Math.max(0, ...longTasks)),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
