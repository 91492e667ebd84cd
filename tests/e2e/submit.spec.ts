// Submitting a report to the sync endpoint: offline first, a wrong access code, a second
// submission after an edit, and a network that loses requests and responses. Each test
// runs its own server in this process (a fresh data directory, unit codes made with
// store.addUnit). The lossy network is recovered from by the engine alone, on
// Playwright's clock moved on past each backoff; "Gửi ngay" has a test of its own. The
// server's own rate limit, on a server clock the test moves, gives a real 429.
import type { Page } from '@playwright/test';
import { ReportListPage } from './pages/report-list-page';
import { AUTH_HELP, SENT_TEXT, SubmissionSummary } from './pages/submit-panel';
import type { SyncSettingsPage } from './pages/sync-settings-page';
import type { WizardPage } from './pages/wizard-page';
import { startFlakyProxy } from './support/flaky-proxy';
import { startSyncServer, type SyncServer } from './support/sync-server';
import { expect, test as syncTest, untilDrainedThrough } from './support/sync-test';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const RESULTS = 'Kết quả đạt được';
const REVISION_PUT = /\/api\/reports\/[^/]+\/revisions\/\d+$/;
const nameOf = (unit: string) => `Báo cáo sơ kết NQ01 – ${unit}`;

type Api = SyncServer & {
  adminCode: string;
  latest: () => Promise<{ reportId: string; revision: number }[]>;
  revision: (
    reportId: string,
    n: number,
  ) => Promise<{ report: { answers: Record<string, unknown> } } | null>;
};

// The shared sync server, with an admin unit to read back what it stored.
const test = syncTest.extend<{ api: Api }>({
  api: async ({ api }, use) => {
    const { server } = api;
    const adminCode = server.store.addUnit('Ban Tổ chức Tỉnh Đoàn', true).code;
    const admin = { Authorization: `Bearer ${adminCode}` };
    const withAdmin: Api = {
      ...api,
      adminCode,
      latest: async () => {
        const response = await fetch(`${server.url}/api/reports`, { headers: admin });
        expect(response.status).toBe(200);
        return ((await response.json()) as { reports: { reportId: string; revision: number }[] })
          .reports;
      },
      revision: async (reportId, n) => {
        const response = await fetch(`${server.url}/api/reports/${reportId}/revisions/${n}`, {
          headers: admin,
        });
        return response.ok
          ? ((await response.json()) as { report: { answers: Record<string, unknown> } })
          : null;
      },
    };
    await use(withAdmin);
  },
});

async function typeResults(wizard: WizardPage, reportId: string, text: string): Promise<void> {
  await wizard.gotoStep(reportId, 'direction', II_1);
  await wizard.field(RESULTS).fill(text);
  await wizard.waitUntilSaved();
}

async function openApp(page: Page, url: string, list: ReportListPage): Promise<void> {
  await page.goto(`${url}/#/`);
  await expect(list.heading).toBeVisible();
}

// Opens the app, creates a report and saves `code` as the access code: the report's id.
async function reportWithCode(
  page: Page,
  url: string,
  list: ReportListPage,
  settings: SyncSettingsPage,
  code: string,
): Promise<string> {
  await openApp(page, url, list);
  const reportId = await list.createReport();
  await settings.goto();
  await settings.save(code);
  return reportId;
}

test.describe('submitting a report', () => {
  test('queues a submission made offline and sends it when the network is back', async ({
    page,
    context,
    api,
    list,
    wizard,
    panel,
    summary,
    settings,
  }) => {
    const reportId = await reportWithCode(page, api.url, list, settings, api.unitCode);
    await expect(settings.checked).toContainText('Kết nối được địa chỉ nộp báo cáo.');

    await wizard.gotoReview(reportId);
    await expect(panel.submitButton).toBeVisible();
    await context.setOffline(true);
    await panel.submit(1);
    await expect(panel.queuedMessage).toBeVisible();
    await expect(panel.entry(1)).toHaveText('Lần nộp 1 · Chờ gửi · Bản chưa đầy đủ');

    await list.goto();
    await expect(summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')))).toHaveText('Chờ gửi');
    await expect(summary.unsent(1)).toBeVisible();
    expect(api.server.store.countRevisions()).toBe(0);

    // Back online: the 'online' event starts the engine, with no click.
    await context.setOffline(false);
    await expect(summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')))).toHaveText('Đã nộp');
    await expect(summary.unsentNotice).toHaveCount(0);
    await wizard.gotoReview(reportId);
    await expect(panel.entry(1)).toContainText('Lần nộp 1 · Đã nộp');
    await expect(panel.entry(1)).toContainText(SENT_TEXT);
    await expect(panel.entry(1)).toContainText('mã biên nhận 1-');

    expect(api.server.store.countRevisions()).toBe(1);
    expect(await api.latest()).toEqual([expect.objectContaining({ reportId, revision: 1 })]);
  });

  test('sends a submission queued before the app was closed when the app starts again', async ({
    page,
    context,
    api,
    list,
    wizard,
    panel,
    settings,
  }) => {
    const reportId = await reportWithCode(page, api.url, list, settings, api.unitCode);
    await wizard.gotoReview(reportId);
    await context.setOffline(true);
    await panel.submit(1);
    await expect(panel.queuedMessage).toBeVisible();
    // The app is closed while offline; it opens again with the network back. The start
    // finds the waiting submission and sends it, with no click and no 'online' event.
    const again = await context.newPage();
    await page.close();
    await context.setOffline(false);
    const againList = new ReportListPage(again);
    await openApp(again, api.url, againList);
    await expect(
      new SubmissionSummary(again).status(againList.card(nameOf('Huyện Đoàn Hồng Dân'))),
    ).toHaveText('Đã nộp');
    expect(await api.latest()).toEqual([expect.objectContaining({ reportId, revision: 1 })]);
  });

  test('asks for the access code when the server refuses it, and sends once it is fixed', async ({
    page,
    api,
    list,
    wizard,
    panel,
    summary,
    settings,
  }) => {
    const reportId = await reportWithCode(page, api.url, list, settings, 'ma-sai-khong-ton-tai');

    await wizard.gotoReview(reportId);
    await panel.submit(1);
    await expect(panel.entry(1)).toContainText('Lần nộp 1 · Cần mã truy cập');
    await expect(panel.entry(1)).toContainText(AUTH_HELP);
    await list.goto();
    await expect(summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')))).toHaveText('Lỗi');
    await expect(summary.unsent(1)).toBeVisible();
    expect(api.server.store.countRevisions()).toBe(0);

    // Saving the right code sends what waited for it.
    await settings.goto();
    await expect(settings.accessCode).toHaveValue('ma-sai-khong-ton-tai');
    await settings.save(api.unitCode);
    await list.goto();
    await expect(summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')))).toHaveText('Đã nộp');
    await wizard.gotoReview(reportId);
    await expect(panel.entry(1)).toContainText(SENT_TEXT);
    expect(api.server.store.countRevisions()).toBe(1);
  });

  // The one test of "Gửi ngay": the server asks to wait ten minutes (the app waits at most
  // a minute in the foreground, and this test takes seconds), so only the button sends.
  test('Gửi ngay sends a waiting submission at once, without waiting out its backoff', async ({
    page,
    api,
    list,
    wizard,
    panel,
    summary,
    settings,
  }) => {
    const reportId = await reportWithCode(page, api.url, list, settings, api.unitCode);
    let refused = 0;
    await page.route(REVISION_PUT, async (route) => {
      if (route.request().method() !== 'PUT' || refused > 0) return route.fallback();
      refused += 1;
      await route.fulfill({
        status: 503,
        headers: { 'Retry-After': '600' },
        contentType: 'application/json',
        body: '{"error":"unavailable"}',
      });
    });

    await wizard.gotoReview(reportId);
    await panel.submit(1);
    await list.goto();
    const status = summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')));
    await expect(summary.unsent(1)).toBeVisible();
    expect(refused).toBe(1);
    expect(api.server.store.countRevisions()).toBe(0);

    await summary.sendNowButton.click();
    await expect(status).toHaveText('Đã nộp');
    await expect(summary.unsentNotice).toHaveCount(0);
    expect(api.server.store.countRevisions()).toBe(1);
  });

  // A real 429 from the server's own rate limit (2 a minute: one request every 30 s once
  // the burst of 10 is used), on a server clock the test moves: the engine waits out the
  // Retry-After on its own and sends once, never earlier, with no "Gửi ngay".
  syncTest(
    'waits out a real 429 Retry-After from the rate limit, then sends alone',
    async ({ page, list, wizard, panel, summary, settings }) => {
      let serverNow = Date.parse('2026-09-01T08:00:00Z');
      const api = await startSyncServer({ rateLimitPerMinute: 2, now: () => new Date(serverNow) });
      const puts: number[] = [];
      page.on('response', (response) => {
        if (response.request().method() === 'PUT' && REVISION_PUT.test(response.url()))
          puts.push(response.status());
      });
      await page.clock.install();
      try {
        const reportId = await reportWithCode(page, api.url, list, settings, api.unitCode);
        // The code's burst used up from outside the app.
        let status = 200;
        for (let i = 0; i < 20 && status !== 429; i += 1) {
          const response = await fetch(`${api.url}/api/me`, {
            headers: { Authorization: `Bearer ${api.unitCode}` },
          });
          status = response.status;
        }
        expect(status).toBe(429);

        await wizard.gotoReview(reportId);
        await panel.submit(1);
        await expect.poll(() => puts).toEqual([429]);
        await list.goto();
        await expect(summary.unsent(1)).toBeVisible();

        // 25 s of the app's time: still within the server's Retry-After (30 s), no retry.
        for (let second = 0; second < 25; second += 5) await page.clock.runFor(5_000);
        expect(puts).toEqual([429]);

        // The server's 30 s pass, then the app's last 5: the engine's own timer sends, and
        // the request is left to finish in real time (a clock jump would time it out).
        serverNow += 30_000;
        await page.clock.runFor(5_000);
        await expect.poll(() => puts).toEqual([429, 201]);
        expect(api.server.store.countRevisions()).toBe(1);
        await expect(summary.status(list.card(nameOf('Huyện Đoàn Hồng Dân')))).toHaveText('Đã nộp');
      } finally {
        await api.close();
      }
    },
  );

  test('sends an edit made after submitting as Lần nộp 2', async ({
    page,
    api,
    list,
    wizard,
    panel,
    settings,
  }) => {
    const reportId = await reportWithCode(page, api.url, list, settings, api.unitCode);

    await typeResults(wizard, reportId, 'Đã tổ chức 12 lớp tập huấn.');
    await wizard.gotoReview(reportId);
    await panel.submit(1);
    await expect(panel.entry(1)).toContainText(SENT_TEXT);

    await typeResults(wizard, reportId, 'Đã tổ chức 15 lớp tập huấn.');
    await wizard.gotoReview(reportId);
    await panel.submit(2);
    await expect(panel.entry(2)).toContainText(SENT_TEXT);
    await expect(panel.entry(2)).toContainText('mã biên nhận 2-');
    await expect(panel.entry(1)).toContainText(SENT_TEXT);
    // The newest first.
    await expect(panel.entries.first()).toContainText('Lần nộp 2 · ');

    expect(await api.latest()).toEqual([expect.objectContaining({ reportId, revision: 2 })]);
    expect((await api.revision(reportId, 1))?.report.answers['direction-results']).toBe(
      'Đã tổ chức 12 lớp tập huấn.',
    );
    expect((await api.revision(reportId, 2))?.report.answers['direction-results']).toBe(
      'Đã tổ chức 15 lớp tập huấn.',
    );
  });
});

test.describe('a flaky network', () => {
  test.setTimeout(120_000);

  const UNITS = [
    'Thành Đoàn Bạc Liêu',
    'Huyện Đoàn Vĩnh Lợi',
    'Huyện Đoàn Hòa Bình',
    'Huyện Đoàn Giá Rai',
    'Huyện Đoàn Phước Long',
  ];
  const SUBMISSIONS = 4;

  test('stores each of 20 submissions exactly once when requests and responses get lost', async ({
    page,
    api,
    list,
    wizard,
    panel,
    summary,
    settings,
  }) => {
    // The app and its API through the proxy, one origin: only submissions are disturbed.
    const proxy = await startFlakyProxy({ upstream: api.url, seed: 20240510 });
    await page.clock.install();
    try {
      await openApp(page, proxy.url, list);
      await settings.goto();
      await settings.save(api.unitCode);

      const reportIds: string[] = [];
      for (const unit of UNITS) {
        await list.goto();
        reportIds.push(await list.createReport(unit));
      }
      for (const reportId of reportIds) {
        for (let n = 1; n <= SUBMISSIONS; n += 1) {
          if (n > 1) await typeResults(wizard, reportId, `Kết quả lần ${n}`);
          await wizard.gotoReview(reportId);
          await panel.submit(n);
        }
      }

      // The engine alone, no "Gửi ngay": the page's clock is moved on past each backoff.
      await list.goto();
      await untilDrainedThrough(proxy, page, () => api.server.store.countRevisions()).toEqual({
        stored: UNITS.length * SUBMISSIONS,
        isWaiting: false,
      });

      for (const [index, unit] of UNITS.entries()) {
        await expect(summary.status(list.card(nameOf(unit)))).toHaveText('Đã nộp');
        const reportId = reportIds[index]!;
        for (let n = 1; n <= SUBMISSIONS; n += 1) {
          const stored = await api.revision(reportId, n);
          expect(stored?.report.answers['direction-results'] ?? null).toBe(
            n === 1 ? null : `Kết quả lần ${n}`,
          );
        }
        expect(await api.revision(reportId, SUBMISSIONS + 1)).toBeNull();
      }
      for (const reportId of reportIds) {
        await wizard.gotoReview(reportId);
        await expect(panel.entries).toHaveCount(SUBMISSIONS);
        for (let n = 1; n <= SUBMISSIONS; n += 1) {
          await expect(panel.entry(n)).toContainText(`Lần nộp ${n} · Đã nộp`);
        }
      }
      expect(api.server.store.countRevisions()).toBe(UNITS.length * SUBMISSIONS);
      const latest = await api.latest();
      expect(latest.map((row) => row.revision)).toEqual(UNITS.map(() => SUBMISSIONS));

      const { stats } = proxy;
      test.info().annotations.push({ type: 'flaky-proxy', description: JSON.stringify(stats) });
      expect(stats.droppedRequests).toBeGreaterThan(0);
      expect(stats.droppedResponses).toBeGreaterThan(0);
      expect(stats.duplicated).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
