// Two real tabs of the app share one outbox and one sending lease. The tab that is
// sending is closed in the middle of the upload (the server has stored the revision; the
// tab never saw the answer): the other tab, still open, takes the entry over once the
// lease has run out, on its own, and the server holds the submission once. The clock is
// Playwright's, so the 60 s lease runs out in a fast-forward instead of a minute.
import type { Route } from '@playwright/test';
import { ReportListPage } from './pages/report-list-page';
import { SubmissionSummary } from './pages/submit-panel';
import { expect, test, untilSentByEngine } from './support/sync-test';

const REVISION_PUT = /\/api\/reports\/[^/]+\/revisions\/\d+$/;

test('a tab closed mid-upload is taken over by the other tab; stored once', async ({
  context,
  page,
  api,
  list,
  wizard,
  panel,
  settings,
}) => {
  await context.clock.install();
  await page.goto(`${api.url}/#/`);
  await expect(list.heading).toBeVisible();
  const reportId = await list.createReport();
  await settings.goto();
  await settings.save(api.unitCode);

  // Tab A's upload reaches the server, which stores it; its answer never comes back.
  let heldBy: unknown = null;
  let stored = 0;
  await context.route(REVISION_PUT, async (route: Route) => {
    if (route.request().method() !== 'PUT' || heldBy) return route.fallback();
    heldBy = route.request().frame().page();
    const response = await route.fetch();
    if (response.status() === 201) stored += 1;
    // No fulfil: the request stays open until its tab is closed.
  });

  await wizard.gotoReview(reportId);
  await panel.submit(1);
  await expect.poll(() => stored).toBe(1);
  expect(heldBy).toBe(page);
  expect(api.server.store.countRevisions()).toBe(1);

  // Tab B is open on the list; A holds the lease, so B waits.
  const tabB = await context.newPage();
  const listB = new ReportListPage(tabB);
  await tabB.goto(`${api.url}/#/`);
  const card = listB.card('Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân');
  await expect(new SubmissionSummary(tabB).status(card)).toHaveText('Đang gửi');

  // A is closed mid-upload. Its lease (60 s) runs out; B takes the entry over by itself.
  // B looks again every 15 s of its clock: the clock moves on by 5 s a round after the
  // jump, so B's next look never waits on real time (it did, and missed 20 s under load).
  await page.close();
  await context.clock.fastForward(61_000);
  const status = new SubmissionSummary(tabB).status(card);
  await untilSentByEngine(tabB, () => status.textContent()).toBe('Đã nộp');
  // B's resend of the same content got the stored revision's receipt: stored once.
  expect(api.server.store.countRevisions()).toBe(1);
});
