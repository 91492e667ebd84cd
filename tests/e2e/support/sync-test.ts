// The test for specs that submit to a sync server of their own (startSyncServer, a fresh
// one per test) with the page models they drive. Unlike ./fixtures, the wall clock is
// the real one, so the sync engine's own retries run too.
import { expect, test as base, type Page } from '@playwright/test';
import { DataSettingsPage } from '../pages/data-settings-page';
import { ReportListPage } from '../pages/report-list-page';
import { SubmissionSummary, SubmitPanel } from '../pages/submit-panel';
import { SyncSettingsPage } from '../pages/sync-settings-page';
import { WizardPage } from '../pages/wizard-page';
import { startSyncServer, type SyncServer } from './sync-server';

export type SyncModels = {
  api: SyncServer;
  list: ReportListPage;
  wizard: WizardPage;
  panel: SubmitPanel;
  summary: SubmissionSummary;
  settings: SyncSettingsPage;
  data: DataSettingsPage;
};

export const test = base.extend<SyncModels>({
  // eslint-disable-next-line no-empty-pattern
  api: async ({}, use) => {
    const api = await startSyncServer();
    await use(api);
    await api.close();
  },
  list: async ({ page }, use) => use(new ReportListPage(page)),
  wizard: async ({ page }, use) => use(new WizardPage(page)),
  panel: async ({ page }, use) => use(new SubmitPanel(page)),
  summary: async ({ page }, use) => use(new SubmissionSummary(page)),
  settings: async ({ page }, use) => use(new SyncSettingsPage(page)),
  data: async ({ page }, use) => use(new DataSettingsPage(page)),
});

export { expect };

// Polls `state` until it is what the test expects, with the sync engine alone doing the
// work: between two looks the page's clock (page.clock.install() before the app loaded)
// is moved on by 5 s, firing every timer due meanwhile, so each backoff (up to a minute
// in the foreground) runs out in a few rounds of real time. Never presses "Gửi ngay".
// Behind a flaky proxy, `inFlight` tells when it holds a submission: the clock then
// stands still (a request is never given up on for time that did not pass), so the
// rounds can follow each other faster.
export function untilSentByEngine<T>(
  page: Page,
  state: () => Promise<T>,
  { timeout = 60_000, inFlight }: { timeout?: number; inFlight?: () => number } = {},
) {
  return expect.poll(
    async () => {
      const value = await state();
      if (!inFlight || inFlight() === 0) await page.clock.runFor(5_000);
      return value;
    },
    { timeout, intervals: [inFlight ? 100 : 250] },
  );
}

// Behind a flaky proxy, until the engine alone has drained the outbox: what the server
// stored (`stored`) and whether the list still says "N lần nộp chưa gửi được".
export function untilDrainedThrough(
  proxy: { inFlight: () => number },
  page: Page,
  stored: () => number,
) {
  const summary = new SubmissionSummary(page);
  return untilSentByEngine(
    page,
    async () => ({ stored: stored(), isWaiting: await summary.unsentNotice.isVisible() }),
    { inFlight: proxy.inFlight },
  );
}
