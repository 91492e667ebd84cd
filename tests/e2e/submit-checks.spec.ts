// "Nộp báo cáo" on a phone cannot go out wrong: data errors block it with a way to them,
// missing required items ask first and mark the submission incomplete for the province,
// unchanged content and a double tap make no new revision, and Settings says whose
// access code it holds.
import type { Page } from '@playwright/test';
import { AppendixPage } from './pages/appendix-page';
import type { ReportListPage } from './pages/report-list-page';
import { SENT_TEXT } from './pages/submit-panel';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/sync-test';

const RATINGS = 'Phụ lục 3. Xếp loại cơ sở Đoàn';
const RATED = 'Số cơ sở Đoàn được xếp loại';

test.use({ viewport: { width: 360, height: 740 } });

async function newReport(page: Page, url: string, list: ReportListPage): Promise<string> {
  await page.goto(`${url}/#/`);
  return list.createReport();
}

test('asks before an incomplete submission, marks it, and makes no revision of the same content', async ({
  page,
  api,
  list,
  wizard,
  panel,
  settings,
}) => {
  const reportId = await newReport(page, api.url, list);
  await settings.goto();
  await settings.save(api.unitCode);
  await expect(page.getByText('Mã của Huyện Đoàn Hồng Dân')).toBeVisible();

  await wizard.gotoReview(reportId);
  await panel.submitButton.click();
  await expect(panel.incompleteQuestion).toBeVisible();
  // Not yet: nothing is queued.
  await panel.incompleteQuestion.getByRole('button', { name: 'Để bổ sung' }).click();
  await expect(panel.entries).toHaveCount(0);

  await panel.submitButton.click();
  // A double tap on the answer makes one submission.
  await panel.submitAnywayButton.dblclick();
  await expect(panel.entry(1)).toContainText('Lần nộp 1 · ');
  await expect(panel.entry(1)).toContainText('Bản chưa đầy đủ');
  // The queued line gives way to the receipt once the server has it.
  const status = panel.region.getByRole('status');
  await expect(status).toContainText(SENT_TEXT);
  await expect(panel.queuedMessage).toHaveCount(0);
  await expect.poll(() => api.server.store.countRevisions()).toBe(1);
  const stored = api.server.store.getRevision(reportId, 1);
  expect(JSON.parse(stored!.body)).toMatchObject({ incomplete: true });

  // The same content again: no Lần nộp 2.
  await panel.submitButton.click();
  await panel.submitAnywayButton.click();
  await expect(status).toContainText('Nội dung không đổi so với lần nộp 1.');
  await expect(panel.entries).toHaveCount(1);
  await expectAxeClean(page, 'Nộp báo cáo with a receipt');
  expect(api.server.store.countRevisions()).toBe(1);
});

test('refuses a report with data errors and leads to them', async ({
  page,
  api,
  list,
  wizard,
  panel,
}) => {
  const reportId = await newReport(page, api.url, list);
  await wizard.gotoStep(reportId, 'appendix-union-ratings', RATINGS);
  const appendix = new AppendixPage(page);
  await appendix.fill({ [RATED]: { '2009': '20' }, 'Vững mạnh': { '2009': '22' } });
  await expect(appendix.anyErrors()).toBeVisible();
  await wizard.waitUntilSaved();

  await wizard.gotoReview(reportId);
  await panel.submitButton.click();
  await expect(panel.blocked).toContainText('Chưa nộp được: báo cáo còn 1 lỗi số liệu');
  await expect(panel.incompleteQuestion).toHaveCount(0);
  await panel.blocked.getByRole('button', { name: 'Xem các lỗi' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Những mục còn thiếu hoặc có lỗi' }),
  ).toBeFocused();
  await expect(panel.entries).toHaveCount(0);
  expect(api.server.store.countRevisions()).toBe(0);
});

test('says whose access code Settings holds, or that it is wrong, and trims it', async ({
  page,
  api,
  settings,
}) => {
  await page.goto(`${api.url}/#/`);
  await settings.goto();
  await expect(settings.accessCode).toHaveAttribute('autocapitalize', 'off');
  await expect(settings.accessCode).toHaveAttribute('autocorrect', 'off');
  await expect(settings.accessCode).toHaveAttribute('spellcheck', 'false');
  await settings.save('ma-khong-dung');
  await expect(page.getByText('Mã không đúng', { exact: true })).toBeVisible();
  await expectAxeClean(page, 'Cài đặt with a wrong code');
  await settings.save(`  ${api.unitCode} `);
  await expect(page.getByText('Mã của Huyện Đoàn Hồng Dân')).toBeVisible();
  await expectAxeClean(page, 'Cài đặt with the unit’s code');
  await expect(page.getByText('Mã không đúng', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(settings.accessCode).toHaveValue(api.unitCode);
});

test('with no access code, says so and links to Settings', async ({
  page,
  api,
  list,
  wizard,
  panel,
}) => {
  const reportId = await newReport(page, api.url, list);
  await wizard.gotoReview(reportId);
  await panel.submit(1);
  await expect(panel.region.getByRole('status')).toContainText('Chưa có mã truy cập của đơn vị');
  await panel.region
    .getByRole('status')
    .getByRole('link', { name: 'Nhập mã trong Cài đặt' })
    .click();
  await expect(settingsHeading(page)).toBeVisible();
});

function settingsHeading(page: Page) {
  return page.getByRole('heading', { level: 2, name: 'Máy chủ nhận báo cáo' });
}
