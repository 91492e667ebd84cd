// Phones and laptops, screen readers and keyboards: no sideways scrolling, no serious
// axe-core violation, and the first journey works without a mouse.
import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';
import type { ReportListPage } from './pages/report-list-page';
import type { WizardPage } from './pages/wizard-page';
import { ModelsPage } from './pages/models-page';

const II_2_1 = 'II.2.1. Cán bộ chi đoàn, Đoàn cơ sở';

type Screen = { name: string; open: () => Promise<void> };

// The three screens a person spends time on, for a report with some text in it.
async function screens(page: Page, list: ReportListPage, wizard: WizardPage): Promise<Screen[]> {
  await list.goto();
  const reportId = await list.createReport();
  await wizard.gotoStep(reportId, 'cadres', II_2_1);
  await wizard
    .field('Kết quả đạt được')
    .fill(
      `Đội ngũ cán bộ Đoàn cơ sở được chuẩn hóa; ${'rất-dài-không-có-khoảng-trắng-'.repeat(20)}.`,
    );
  await wizard.waitUntilSaved();
  return [
    { name: 'the report list', open: () => list.goto() },
    { name: 'a criterion step', open: () => wizard.gotoStep(reportId, 'cadres', II_2_1) },
    { name: 'Xem lại', open: () => wizard.gotoReview(reportId) },
  ];
}

// The good models step and its review, for a model with a photo (checked apart, so that
// each test stays well within its time).
async function modelScreens(
  page: Page,
  list: ReportListPage,
  wizard: WizardPage,
): Promise<Screen[]> {
  await list.goto();
  const reportId = await list.createReport();
  const models = new ModelsPage(page);
  await models.goto(reportId);
  await models.addWithPhoto();
  await wizard.waitUntilSaved();
  return [
    { name: 'the good models step', open: () => models.goto(reportId) },
    { name: 'the good models review', open: () => models.gotoReview(reportId) },
  ];
}

const screenSets = [
  { suffix: '', make: screens },
  { suffix: ' on the good models', make: modelScreens },
];

async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

for (const { suffix, make } of screenSets) {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    test(`has no horizontal scroll${suffix} at ${viewport.width}×${viewport.height}`, async ({
      page,
      list,
      wizard,
    }) => {
      await page.setViewportSize(viewport);
      for (const screen of await make(page, list, wizard)) {
        await screen.open();
        const { scrollWidth, clientWidth } = await horizontalOverflow(page);
        expect(scrollWidth, `${screen.name} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      }
    });
  }

  test(`has no serious or critical axe-core violation${suffix}`, async ({ page, list, wizard }) => {
    for (const screen of await make(page, list, wizard)) {
      await screen.open();
      await expectAxeClean(page, screen.name);
    }
  });
}

test('creates a report and types into it with the keyboard alone', async ({
  page,
  list,
  wizard,
}) => {
  await list.goto();
  let tabs = 0;
  while (!(await list.createButton.evaluate((button) => button === document.activeElement))) {
    expect(tabs++, 'Tab never reaches "Tạo báo cáo mới"').toBeLessThan(10);
    await page.keyboard.press('Tab');
  }
  await expect(list.createButton).toBeFocused();
  await page.keyboard.press('Enter');

  // The button that opened the form is gone; focus moves into the form, not to <body>.
  await expect(list.unitSelect).toBeFocused();
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
  await expect(list.unitSelect).toHaveValue('huyen-doan-hong-dan');

  await page.keyboard.press('Tab');
  await expect(list.createSubmit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard.heading('Thông tin văn bản')).toBeFocused();

  const signer = wizard.field('Họ và tên người ký');
  tabs = 0;
  while (!(await signer.evaluate((input) => input === document.activeElement))) {
    expect(tabs++, 'Tab never reaches "Họ và tên người ký"').toBeLessThan(20);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('Lê Thị Bích');
  await expect(signer).toHaveValue('Lê Thị Bích');
  await wizard.waitUntilSaved();
  await expect(wizard.tocLink('Thông tin văn bản')).toHaveAccessibleName(
    'Thông tin văn bản Hoàn thành',
  );
});
