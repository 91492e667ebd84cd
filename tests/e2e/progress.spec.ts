// Progress tells the truth (issue 13): the table of contents, the report list and the
// review page count the same items (required items to write, complete and without errors,
// plus every wrong item), an untouched report is at 0, the review separates Lỗi from Cảnh
// báo and lists each item once, and every link of it focuses a field.
import type { Page } from '@playwright/test';
import { AppendixPage } from './pages/appendix-page';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 360, height: 740 } });
// About 20 s alone; more while the machine is loaded.
test.setTimeout(60_000);

const YOUTH = 'Phụ lục 1. Tập hợp thanh niên';
const TOTAL = 'Thanh niên từ 16 đến 30 tuổi trên địa bàn';
const GATHERED = 'Tổng số thanh niên được tập hợp';
const RATE = 'Tỷ lệ tập hợp thanh niên';

// The id of the focused element, once focus has settled on a field of the step.
async function focusedFieldId(page: Page): Promise<string> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest('.step-form') ? active.id : '';
      }),
    )
    .not.toBe('');
  return page.evaluate(() => document.activeElement?.id ?? '');
}

test('the table of contents, the list and the review agree, and every review link focuses a field', async ({
  page,
  list,
  wizard,
  review,
}) => {
  await list.goto();
  const reportId = await list.createReport();
  // Untouched: nothing done of the 12 items the unit has to write (10 are prefilled).
  await expect(wizard.tocToggle).toHaveText('Mục lục và tiến độ · 0/12');
  await wizard.backToList.click();
  await expect(page.getByText('Đã xong 0/12 mục cần hoàn thành')).toBeVisible();

  // One item written, one appendix table wrong (a part above its whole) and a rate that
  // misses its target (a warning).
  await wizard.gotoStep(reportId, 'direction', 'II.1. Công tác chỉ đạo triển khai Nghị quyết');
  await page.locator('#field-direction-results').fill('Ban Thường vụ đã chỉ đạo triển khai.');
  await wizard.gotoStep(reportId, 'appendix-youth', YOUTH);
  const appendix = new AppendixPage(page);
  await appendix.fill({ [TOTAL]: { '2012': '1000', '2013': '1000' } });
  await appendix.fill({ [GATHERED]: { '2012': '1100', '2013': '700' } });
  await page.getByRole('textbox', { name: `${RATE} – chỉ tiêu Nghị quyết` }).fill('80');
  await wizard.waitUntilSaved();

  // 1 done of 13: the 12 to write and the wrong table.
  await expect(wizard.tocToggle).toHaveText('Mục lục và tiến độ · 1/13');
  await wizard.showToc();
  await expect(wizard.toc.getByText('Tiến độ: 1/13 mục cần hoàn thành')).toBeVisible();
  await wizard.backToList.click();
  await expect(page.getByText('Đã xong 1/13 mục cần hoàn thành')).toBeVisible();
  await wizard.gotoReview(reportId);
  await expect(review.issues.getByText('Tiến độ: 1/13 mục cần hoàn thành')).toBeVisible();

  const errors = review.issues.getByRole('region', { name: 'Lỗi (1)' });
  const warnings = review.issues.getByRole('region', { name: 'Cảnh báo (11)' });
  await expect(errors.getByRole('link')).toHaveCount(1);
  await expect(errors).toContainText(GATHERED);
  // The 10 items of this document still to write, and the missed target (the 11th item
  // to write is in the summary of models, linked below the list); no item twice.
  await expect(warnings.getByRole('link')).toHaveCount(11);
  await expect(review.page.getByText('(còn 1 mục thiếu hoặc có lỗi)')).toBeVisible();
  const hrefs = await review.issues
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(new Set(hrefs).size).toBe(hrefs.length);
  await expectAxeClean(page, 'Xem lại');

  // The part above its whole leads to its cell; the rate's missed target to the first
  // input the rate is computed from.
  await errors.getByRole('link').click();
  expect(await focusedFieldId(page)).toBe('field-youth-gathered-2012');
  await page.goBack();
  await warnings.getByRole('link', { name: new RegExp(RATE) }).click();
  expect(await focusedFieldId(page)).toBe('field-youth-gathered-2013');

  // Every other link focuses a field of its step.
  for (const [index, href] of hrefs.entries()) {
    await page.goto(new URL(href!, page.url()).toString());
    const id = await focusedFieldId(page);
    expect(id, `link ${index}: ${href}`).toMatch(/^field-/);
  }
});
