// The first screen on a phone (issue 18): the static shell in index.html paints the
// header and the list's frame before any script runs, React renders the same frame in
// its place, and nothing moves afterwards: not the list filling in, not the "ready
// offline" notice (it floats over the page), not the install button (its place is kept).
// Layout shifts are read with the browser's own PerformanceObserver.
import type { Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });

declare global {
  interface Window {
    __shifts?: { value: number; nodes: string[] }[];
  }
}

// Every layout shift not caused by input since the document started, with what moved.
function recordShifts(): void {
  window.__shifts = [];
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    })[]) {
      if (entry.hadRecentInput) continue;
      const nodes = (entry.sources ?? []).map((source) =>
        source.node instanceof Element
          ? `${source.node.tagName.toLowerCase()}.${source.node.className}`
          : String(source.node?.nodeName),
      );
      window.__shifts!.push({ value: entry.value, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

const shifts = (page: Page) => page.evaluate(() => window.__shifts ?? []);

// The largest-contentful-paint candidates so far: one when the first paint's largest
// text (the shell's heading) stayed the largest. The element of a candidate React has
// since replaced is gone (""), as the shell's heading is.
const largestPaints = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ tag: string; size: number }[]>((resolve) =>
        new PerformanceObserver((list) =>
          resolve(
            (list.getEntries() as LargestContentfulPaint[]).map((entry) => ({
              tag: entry.element?.isConnected ? entry.element.tagName.toLowerCase() : '',
              size: entry.size,
            })),
          ),
        ).observe({ type: 'largest-contentful-paint', buffered: true }),
      ),
  );

// Where the first screen's fixed parts are.
async function frameBoxes(page: Page) {
  const boxOf = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    return box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) };
  };
  return {
    header: await boxOf('header.app-header'),
    settings: await boxOf('header .header-link'),
    heading: await boxOf('main h1'),
    create: await boxOf('.list-head button'),
  };
}

test('the first screen paints from the shell and nothing moves as the app starts', async ({
  page,
  list,
  browser,
}) => {
  // The shell alone, as a browser shows it before any script has run.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const shellPage = await noScript.newPage();
  await shellPage.goto(new URL('/', test.info().project.use.baseURL).href);
  await expect(
    shellPage.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }),
  ).toBeVisible();
  const shellFrame = await frameBoxes(shellPage);
  await noScript.close();

  await page.addInitScript(recordShifts);
  const shell = new AppShell(page);
  // A browser without the app's database has no report: the list says so before Dexie
  // and the database have loaded (their chunk is held back here until it does).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldBack: string[] = [];
  await page.route(/\/assets\/db-[\w-]+\.js$/, async (route) => {
    heldBack.push(route.request().url());
    await held;
    await route.continue();
  });
  await list.goto();
  await expect(page.getByText('Chưa có báo cáo nào.', { exact: false })).toBeVisible();
  await expect.poll(() => heldBack.length).toBe(1);
  release();
  expect(await frameBoxes(page)).toEqual(shellFrame);
  // The first visit installs the service worker and says so, over the page.
  await expect(shell.offlineReady).toBeVisible();
  // The browser offers the install: the button takes the place kept for it.
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt'), {
      prompt: async () => undefined,
      userChoice: Promise.resolve({ outcome: 'dismissed' }),
    });
    window.dispatchEvent(offer);
  });
  await expect(page.getByRole('button', { name: 'Thêm vào màn hình chính' })).toBeVisible();
  expect(await shifts(page)).toEqual([]);
  // The largest paint is the first one (the shell's heading): nothing painted later, the
  // empty state, the notice or the install button, outgrows it (Lighthouse's LCP).
  const largest = await largestPaints(page);
  expect(largest, 'largest-contentful-paint candidates').toHaveLength(1);
  expect(largest[0]!.tag).toMatch(/^(h1|)$/);

  // With a report, from the service worker's cache: the card fills in below the frame.
  await list.createReport();
  await list.goto();
  await page.reload();
  await expect(list.reportLink('Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân')).toBeVisible();
  await expect.poll(() => shell.isControlled()).toBe(true);
  expect(await frameBoxes(page)).toEqual(shellFrame);
  expect(await shifts(page)).toEqual([]);
});

// A first visit starts the app once the shell is on screen (afterFirstPaint): React's
// render and the list's store (the chunks it loads) do not compete with the first frame.
// The shell's first frame is held back for a second here, by a render-blocking script
// the page's HTML gets (blocking="render"): the app's scripts have loaded and run long
// before it, so only the wait for the paint orders the store after it.
test('a first visit loads the list’s store after the shell has painted', async ({ list, page }) => {
  await page.route(/\/__hold-first-paint\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<head>',
        '<head><script async blocking="render" src="/__hold-first-paint.js"></script>',
      );
      await route.fulfill({ response, body: html });
    },
  );
  await list.goto();
  await expect(page.getByText('Chưa có báo cáo nào.', { exact: false })).toBeVisible();
  // Read through observers: the tests' fixed clock (fixtures.ts) stands in for
  // `performance`, whose entry lists it leaves empty. The empty state shows before the
  // store has loaded (a first visit has no database), so its request is waited for.
  const startTimes = (type: string, pattern: string) =>
    page.evaluate(
      ({ type, pattern }) =>
        new Promise<number[]>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            observer.disconnect();
            resolve(
              list
                .getEntries()
                .filter((entry) => new RegExp(pattern).test(entry.name))
                .map((entry) => entry.startTime),
            );
          });
          observer.observe({ type, buffered: true });
        }),
      { type, pattern },
    );
  const storeLoads = () => startTimes('resource', '/assets/list-store-[\\w-]+\\.js$');
  await expect.poll(storeLoads, { message: 'requests of the list store' }).toHaveLength(1);
  const [store] = await storeLoads();
  const paints = await startTimes('paint', '.');
  expect(paints.length, 'paint entries').toBeGreaterThan(0);
  expect(store).toBeGreaterThanOrEqual(Math.min(...paints));
});
