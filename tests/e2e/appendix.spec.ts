// The statistics appendix on a phone: rates computed as they are typed, warnings and
// errors that name the cell, "Đánh dấu đã xong" refused while an error remains, all of
// it kept across a reload, and the tables and a chart in Xem lại.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { AppendixPage } from './pages/appendix-page';

const YOUTH = 'Phụ lục 1. Tập hợp thanh niên';
const RATINGS = 'Phụ lục 3. Xếp loại cơ sở Đoàn';
const TOTAL = 'Thanh niên từ 16 đến 30 tuổi trên địa bàn';
const GATHERED = 'Tổng số thanh niên được tập hợp';
const RATE = 'Tỷ lệ tập hợp thanh niên';
const RATED = 'Số cơ sở Đoàn được xếp loại';

// 2009: 10 + 8 + 3 + 1 = 22 rated of 20 (an error); 2010: 10 + 6 + 2 + 1 = 19 of 20 (a
// warning: some were not rated).
const RATINGS_TYPED = {
  [RATED]: { '2009': '20', '2010': '20' },
  'Vững mạnh': { '2009': '10', '2010': '10' },
  Khá: { '2009': '8', '2010': '6' },
  'Trung bình': { '2009': '3', '2010': '2' },
  Yếu: { '2009': '1', '2010': '1' },
};
const RATINGS_ERROR = `${RATED}, năm 2009: tổng Vững mạnh + Khá + Trung bình + Yếu là 22, lớn hơn 20.`;
const RATINGS_WARNING = `${RATED}, năm 2010: tổng Vững mạnh + Khá + Trung bình + Yếu là 19, nhỏ hơn 20.`;

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

test('checks two appendix tables on a phone, keeps them and shows them in Xem lại', async ({
  page,
  list,
  wizard,
  review,
}) => {
  const appendix = new AppendixPage(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await list.goto();
  const reportId = await list.createReport();

  // Phụ lục 1: the rate follows the typing; a 60% jump from one year to the next is a
  // warning, which does not stop the table from being marked complete.
  await wizard.gotoStep(reportId, 'appendix-youth', YOUTH);
  await expect(appendix.rate(RATE, '2009')).toHaveText('—');
  await appendix.cell(TOTAL, '2009').fill('1.000');
  await appendix.cell(GATHERED, '2009').fill('600');
  await expect(appendix.rate(RATE, '2009')).toHaveText('60,0%');
  await appendix.cell(TOTAL, '2010').fill('1600');
  await expect(appendix.cell(TOTAL, '2009')).toHaveValue('1.000');
  await expect(appendix.warnings(1)).toContainText(
    `${TOTAL}, năm 2010: tăng 60% so với năm 2009 (1.000 → 1.600).`,
  );
  await expect(appendix.anyErrors()).toHaveCount(0);

  // The table scrolls sideways inside its own box; the page does not.
  const table = appendix.table('Tập hợp thanh niên');
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(await table.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);

  await appendix.markCompleteButton.click();
  await expect(appendix.markedComplete).toBeVisible();

  // Phụ lục 3: more rated than there are ratings is an error, fewer is a warning.
  await wizard.openFromToc(RATINGS, RATINGS);
  await appendix.fill(RATINGS_TYPED);
  await expect(appendix.rate('Tỷ lệ vững mạnh', '2009')).toHaveText('50,0%');
  await expect(appendix.errors(1)).toContainText(RATINGS_ERROR);
  await expect(appendix.warnings(1)).toContainText(RATINGS_WARNING);
  await expect(appendix.cell(RATED, '2009')).toHaveAttribute('aria-invalid', 'true');

  await appendix.markCompleteButton.click();
  await expect(appendix.refusal).toHaveText('Chưa thể đánh dấu đã xong: còn 1 lỗi cần sửa.');
  await expect(appendix.markedComplete).toHaveCount(0);
  await wizard.showToc();
  await expect(wizard.tocLink(RATINGS)).toHaveAccessibleName(`${RATINGS} Có lỗi`);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await wizard.waitUntilSaved();

  await page.reload();
  await expect(wizard.heading(RATINGS)).toBeVisible();
  for (const [indicator, years] of Object.entries(RATINGS_TYPED)) {
    for (const [year, value] of Object.entries(years)) {
      await expect(appendix.cell(indicator, year)).toHaveValue(value);
    }
  }
  await expect(appendix.errors(1)).toContainText(RATINGS_ERROR);
  await expect(appendix.warnings(1)).toContainText(RATINGS_WARNING);

  // Fixed: 8 + 8 + 3 + 1 = 20. The warning of 2010 stays and does not block.
  await appendix.cell('Vững mạnh', '2009').fill('8');
  await expect(appendix.rate('Tỷ lệ vững mạnh', '2009')).toHaveText('40,0%');
  await expect(appendix.anyErrors()).toHaveCount(0);
  await expect(appendix.warnings(1)).toContainText(RATINGS_WARNING);
  await appendix.markCompleteButton.click();
  await expect(appendix.markedComplete).toBeVisible();
  await expect(appendix.refusal).toHaveCount(0);
  await wizard.showToc();
  await expect(wizard.tocLink(RATINGS)).toHaveAccessibleName(`${RATINGS} Hoàn thành`);
  await expect(wizard.tocLink(YOUTH)).toHaveAccessibleName(`${YOUTH} Hoàn thành`);
  await wizard.waitUntilSaved();

  await wizard.openFromToc(YOUTH, YOUTH);
  await expect(appendix.cell(TOTAL, '2010')).toHaveValue('1.600');
  await expect(appendix.rate(RATE, '2009')).toHaveText('60,0%');
  await expect(appendix.warnings(1)).toBeVisible();
  await expect(appendix.markedComplete).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(appendix.table('Tập hợp thanh niên')).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

  await wizard.gotoReview(reportId);
  const youth = review.appendixTable('Tập hợp thanh niên');
  await expect(youth).toBeVisible();
  await expect(youth.getByRole('row', { name: new RegExp(`^${RATE}`) })).toContainText('60,0%');
  await expect(review.appendixTable('Xếp loại cơ sở Đoàn')).toContainText('40,0%');
  await expect(review.charts().first()).toBeVisible();
  await expect(review.charts().first()).toHaveAccessibleName(
    `Biểu đồ ${TOTAL} theo năm, so với chỉ tiêu`,
  );
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(youth).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});
