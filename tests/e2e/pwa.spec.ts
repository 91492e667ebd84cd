// The installable offline app, in Chromium profiles kept on disk: it starts and works
// with no network and no server, it survives a browser restart, an update waits for
// the user and keeps every typed answer across a database schema upgrade, another tab's
// upgrade saves what this tab was typing, and the manifest makes it installable.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { ANSWER_SAVE_TIMING } from '../../src/storage/autosave-queue';
import { SCHEMA } from '../../src/storage/db';
import { AppServer } from './support/app-server';
import { chromiumArgs, chromiumPath } from './support/chromium';
import { expect, FIXED_NOW, test } from './support/fixtures';
import { databaseShape, storedAnswer, storedReport } from './support/idb';
import { readPdf } from './support/pdf';
import { AppShell } from './pages/app-shell';
import { ReportListPage } from './pages/report-list-page';
import { ReviewPage } from './pages/review-page';
import { WizardPage } from './pages/wizard-page';

const run = promisify(execFile);

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const SIGNER = 'Trần Thị Mai';
const RESULTS = 'Đã tổ chức 12 lớp tập huấn nghiệp vụ cho cán bộ Đoàn cơ sở.';
// Dexie stores its schema version × 10 as the IndexedDB version.
const LATEST_DB_VERSION = Math.max(...SCHEMA.map((entry) => entry.version)) * 10;

declare global {
  interface Window {
    __loadMarker?: number;
  }
}

type App = {
  page: Page;
  shell: AppShell;
  list: ReportListPage;
  wizard: WizardPage;
  review: ReviewPage;
};

function appOn(page: Page): App {
  return {
    page,
    shell: new AppShell(page),
    list: new ReportListPage(page),
    wizard: new WizardPage(page),
    review: new ReviewPage(page),
  };
}

// A Chromium on a profile directory of its own: what it stores survives close + launch.
async function launchProfile(profileDir: string): Promise<{ context: BrowserContext; app: App }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
  });
  await context.clock.setFixedTime(FIXED_NOW);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, app: appOn(page) };
}

// Each test starts its own server and Chromium, some of them twice.
test.describe.configure({ timeout: 60_000 });

test.describe('the offline app', () => {
  test('starts and exports with no network and no server, and keeps the report after a restart', async () => {
    const server = await AppServer.start(resolve('dist'));
    const profileDir = await mkdtemp(join(tmpdir(), 'so-ket-pwa-'));
    let { context, app } = await launchProfile(profileDir);
    try {
      await app.page.goto(`${server.url}/`);
      await expect(app.list.heading).toBeVisible();
      await expect(app.shell.online).toBeVisible();
      await expect(app.shell.offlineReady).toBeVisible();
      await app.shell.reloadUntilControlled();
      await expect(app.list.heading).toBeVisible();
      // Said once, after the first install: not on the next start.
      await expect(app.shell.offlineReady).toHaveCount(0);

      await context.setOffline(true);
      await server.stop();
      await app.page.reload();
      await expect(app.list.heading).toBeVisible();
      await expect(app.shell.offline).toBeVisible();

      const reportId = await app.list.createReport();
      await app.wizard.field('Họ và tên người ký').fill(SIGNER);
      await app.wizard.waitUntilSaved();
      await app.wizard.gotoStep(reportId, 'direction', II_1);
      await app.wizard.field('Kết quả đạt được').fill(RESULTS);
      await app.wizard.waitUntilSaved();
      await app.wizard.gotoReview(reportId);
      const pdf = await readPdf(await app.review.exportPdf());
      expect(pdf.head).toBe('%PDF-');
      expect(pdf.text).toContain(RESULTS);
      await expect(app.review.pdfStatus(`Đã tải về ${pdf.name}.`)).toBeVisible();

      await context.close();
      ({ context, app } = await launchProfile(profileDir));
      await context.setOffline(true);
      await app.page.goto(`${server.url}/`);
      await expect(app.list.heading).toBeVisible();
      await expect(app.shell.offline).toBeVisible();
      await expect(app.shell.offlineReady).toHaveCount(0);
      await app.list.reportLink(NAME).click();
      await expect(app.wizard.heading('Thông tin văn bản')).toBeVisible();
      await expect(app.wizard.field('Họ và tên người ký')).toHaveValue(SIGNER);
      await app.wizard.openFromToc('II.1. Công tác chỉ đạo', II_1);
      await expect(app.wizard.field('Kết quả đạt được')).toHaveValue(RESULTS);
    } finally {
      await context.close();
      await server.dispose();
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  test('serves a Vietnamese manifest with icons of the sizes it names', async ({ request }) => {
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      lang: string;
      display: string;
      start_url: string;
      theme_color?: string;
      background_color?: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest.name).toMatch(/^Sơ kết NQ01/);
    expect(manifest.short_name).toBe('Sơ kết NQ01');
    expect(manifest.lang).toBe('vi');
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const purposes = (size: string) =>
      manifest.icons
        .filter((icon) => icon.sizes === size)
        .flatMap((icon) => (icon.purpose ?? 'any').split(' '));
    expect(purposes('192x192')).toContain('any');
    expect(purposes('512x512')).toContain('any');
    expect(purposes('512x512')).toContain('maskable');

    const pngSize = async (url: string) => {
      const icon = await request.get(url);
      expect(icon.status(), url).toBe(200);
      expect(icon.headers()['content-type'], url).toBe('image/png');
      const bytes = await icon.body();
      expect(bytes.subarray(1, 4).toString('latin1'), url).toBe('PNG');
      return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
    };
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      expect(await pngSize(icon.src), icon.src).toBe(icon.sizes);
    }

    const html = await (await request.get('/')).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(touchIcon).toBeDefined();
    expect(await pngSize(touchIcon!)).toBe('180x180');
  });
});

test.describe('an update with a new database schema', () => {
  // The previous release (schema v1), built once into a temp folder, and this one (v2):
  // the suite's own build in dist/ (npm test builds it before the e2e tests run), whose
  // version is APP_VERSION or package.json's, as vite.config.ts sets it.
  let buildsDir = '';
  const v1 = () => join(buildsDir, 'v1');
  const v2 = () => resolve('dist');
  const V2_VERSION =
    process.env.APP_VERSION ??
    (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    buildsDir = await mkdtemp(join(tmpdir(), 'so-ket-builds-'));
    // The vite binary itself: npx would cost another node start.
    await run(
      resolve('node_modules/.bin/vite'),
      ['build', '--outDir', v1(), '--emptyOutDir', '--logLevel', 'error'],
      {
        env: { ...process.env, SO_KET_DB_SCHEMA_MAX: '1', APP_VERSION: '1.0.0-test' },
      },
    );
  });

  test.afterAll(async () => {
    if (buildsDir) await rm(buildsDir, { recursive: true, force: true, maxRetries: 3 });
  });

  test('waits for Cập nhật, then saves every typed answer and runs the new version', async () => {
    const server = await AppServer.start(v1());
    const profileDir = await mkdtemp(join(tmpdir(), 'so-ket-pwa-'));
    const { context, app } = await launchProfile(profileDir);
    const { page, shell, list, wizard } = app;
    try {
      await page.goto(`${server.url}/`);
      await shell.reloadUntilControlled();
      await shell.gotoSettings();
      await expect(shell.version).toHaveText('Phiên bản ứng dụng: 1.0.0-test');
      await list.goto();
      const reportId = await list.createReport();
      await wizard.gotoStep(reportId, 'direction', II_1);
      expect((await databaseShape(page)).version).toBe(10);

      const loaded = await page.evaluate(() => {
        window.__loadMarker = Math.random();
        return { marker: window.__loadMarker, timeOrigin: performance.timeOrigin };
      });
      const sameDocument = () =>
        page.evaluate(() => ({
          marker: window.__loadMarker,
          timeOrigin: performance.timeOrigin,
        }));

      const field = wizard.field('Kết quả đạt được');
      const first = 'Ban Thường vụ đã ban hành kế hoạch thực hiện Nghị quyết.';
      await field.fill(first);
      // The new release goes live while the autosave is still pending or has just run.
      await server.switchTo(v2());
      await shell.checkForUpdate();
      await expect(shell.updateBanner).toBeVisible({ timeout: 15_000 });
      await expect(shell.updateButton).toBeEnabled();

      const more = ' Đã tổ chức 35 buổi sinh hoạt chuyên đề.';
      await field.press('End');
      await field.pressSequentially(more);
      await expect(field).toHaveValue(first + more);
      // Nothing reloaded on its own: still the same document.
      expect(await sameDocument()).toEqual(loaded);

      await shell.updateButton.click();
      await expect
        .poll(() => page.evaluate(() => window.__loadMarker ?? null).catch(() => 'navigating'), {
          timeout: 15_000,
        })
        .toBeNull();
      await expect(wizard.heading(II_1)).toBeVisible();
      await expect(field).toHaveValue(first + more);
      expect(await storedAnswer(page, reportId, 'direction-results')).toBe(first + more);

      const shape = await databaseShape(page);
      expect(shape.version).toBe(LATEST_DB_VERSION);
      expect(shape.version).toBeGreaterThanOrEqual(20);
      expect(shape.stores).toContain('settings');
      expect(await storedReport(page, reportId)).toMatchObject({
        id: reportId,
        name: NAME,
        lastExportedAt: null,
      });

      await shell.gotoSettings();
      await expect(shell.version).toHaveText(`Phiên bản ứng dụng: ${V2_VERSION}`);
      await expect(shell.updateBanner).toHaveCount(0);
    } finally {
      await context.close();
      await server.dispose();
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  test.describe('in two tabs', () => {
    // The service worker would serve tab B the cached old release: keep it out, so a
    // navigation loads what the server serves.
    test.use({ serviceWorkers: 'block' });

    test('saves the pending answer of a tab when another tab upgrades the database', async ({
      context,
      page,
    }) => {
      const server = await AppServer.start(v1());
      try {
        const a = appOn(page);
        await page.goto(`${server.url}/`);
        const reportId = await a.list.createReport();
        await a.wizard.gotoStep(reportId, 'direction', II_1);

        // Tab A's autosave timers (its debounce and its longest wait) never fire: what is
        // typed stays pending until something flushes it.
        await page.evaluate(({ debounceMs, maxWaitMs }) => {
          const realSetTimeout = window.setTimeout;
          window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) =>
            timeout === debounceMs || timeout === maxWaitMs
              ? 0
              : realSetTimeout(handler, timeout, ...rest)) as typeof window.setTimeout;
        }, ANSWER_SAVE_TIMING);
        const text = 'Tab A: 100% chi đoàn đã quán triệt Nghị quyết.';
        await a.wizard.field('Kết quả đạt được').fill(text);
        await expect(a.wizard.saveStatus).toHaveText('Đang chờ lưu…');
        expect(await storedAnswer(page, reportId, 'direction-results')).toBeUndefined();

        await server.switchTo(v2());
        const b = appOn(await context.newPage());
        await b.page.goto(`${server.url}/`);
        await expect(b.list.reportLink(NAME)).toBeVisible();

        await expect(a.shell.databaseReplaced).toBeVisible();
        await expect(a.wizard.field('Kết quả đạt được')).toHaveValue(text);
        // Tab A saved it itself before giving way (tab B's start also replays tab A's
        // journal, so the stored answer alone would not tell).
        await expect(a.wizard.saveStatus).toHaveText(/^Đã lưu lúc/);
        expect((await databaseShape(b.page)).version).toBe(LATEST_DB_VERSION);
        expect(await storedAnswer(b.page, reportId, 'direction-results')).toBe(text);
        await b.list.reportLink(NAME).click();
        await expect(b.wizard.heading('Thông tin văn bản')).toBeVisible();
        await b.wizard.openFromToc('II.1. Công tác chỉ đạo', II_1);
        await expect(b.wizard.field('Kết quả đạt được')).toHaveValue(text);
        await b.shell.gotoSettings();
        await expect(b.shell.version).toHaveText(`Phiên bản ứng dụng: ${V2_VERSION}`);

        // Tab A reloads into the new version and finds its text there.
        await a.shell.databaseReplaced.getByRole('button', { name: 'Tải lại trang' }).click();
        await expect(a.wizard.field('Kết quả đạt được')).toHaveValue(text);
        await expect(a.shell.databaseReplaced).toHaveCount(0);
      } finally {
        await server.dispose();
      }
    });
  });
});
