// The shared test: a fixed wall clock (timers keep running) and the page models.
import { test as base } from '@playwright/test';
import { ReportListPage } from '../pages/report-list-page';
import { ReviewPage } from '../pages/review-page';
import { WizardPage } from '../pages/wizard-page';

// 09:41 in Bạc Liêu (UTC+7), the time zone the config gives the browser.
export const FIXED_NOW = new Date('2024-05-10T09:41:00+07:00');
export const FIXED_TIME_TEXT = '09:41';

type Models = { list: ReportListPage; wizard: WizardPage; review: ReviewPage };

export const test = base.extend<Models>({
  context: async ({ context }, use) => {
    await context.clock.setFixedTime(FIXED_NOW);
    await use(context);
  },
  list: async ({ page }, use) => {
    await use(new ReportListPage(page));
  },
  wizard: async ({ page }, use) => {
    await use(new WizardPage(page));
  },
  review: async ({ page }, use) => {
    await use(new ReviewPage(page));
  },
});

export { expect } from '@playwright/test';
