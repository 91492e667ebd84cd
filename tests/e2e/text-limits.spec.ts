// Issue 14: text is never dropped silently. One length rule (text.ts: acceptedLength):
// over a field's maximum the text is kept with its error; a change that would make it
// longer than twice the maximum is refused before it is stored, with a message; what is
// stored is always read back and shown, with its error.
import { expect, test } from './support/fixtures';
import type { ReportListPage } from './pages/report-list-page';
import type { WizardPage } from './pages/wizard-page';
import { putRawAnswer, storedAnswer } from './support/idb';

const RESULTS = 'Kết quả đạt được';

// A new report, open at II.1 (whose "Kết quả đạt được" may have 20,000 characters).
async function newReportAtDirection(list: ReportListPage, wizard: WizardPage): Promise<string> {
  await list.goto();
  const reportId = await list.createReport();
  await openDirection(wizard);
  return reportId;
}

async function openDirection(wizard: WizardPage): Promise<void> {
  await expect(wizard.heading('Thông tin văn bản')).toBeVisible();
  await wizard.openFromToc(
    'II.1. Công tác chỉ đạo',
    'II.1. Công tác chỉ đạo triển khai Nghị quyết',
  );
}
const KEPT = 'Đoạn đã viết trước khi dán.';

test.describe('text limits', () => {
  test('refuses a paste of 200,001 characters into a long text, says so, and keeps the text before it', async ({
    page,
    list,
    wizard,
  }) => {
    const reportId = await newReportAtDirection(list, wizard);
    const field = wizard.field(RESULTS);
    await field.fill(KEPT);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(KEPT);

    await field.press('End');
    await page.keyboard.insertText('a'.repeat(200_001));
    await expect(page.getByRole('alert').filter({ hasText: 'Không nhận' })).toHaveText(
      `Không nhận: văn bản sẽ dài ${(200_001 + KEPT.length).toLocaleString('vi-VN')} ký tự, mục này nhận tối đa 40.000 ký tự. Nội dung trước đó vẫn được giữ nguyên; hãy rút gọn rồi dán lại.`,
    );
    await expect(field).toHaveValue(KEPT);
    // The field goes on working, and only what it shows is stored.
    await page.keyboard.insertText(' Thêm.');
    await expect
      .poll(() => storedAnswer(page, reportId, 'direction-results'))
      .toBe(`${KEPT} Thêm.`);

    await page.reload();
    await expect(wizard.field(RESULTS)).toHaveValue(`${KEPT} Thêm.`);
  });

  test('keeps a paste over the maximum with its error, after a reload and in the review', async ({
    page,
    list,
    wizard,
    review,
  }) => {
    const reportId = await newReportAtDirection(list, wizard);
    const long = `${'Tuổi trẻ Bạc Liêu. '.repeat(1_999)}hết`;
    expect(long.length).toBe(37_984);
    await wizard.field(RESULTS).focus();
    await page.keyboard.insertText(long);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(long);

    await page.reload();
    await expect(wizard.field(RESULTS)).toHaveValue(long);
    await expect(wizard.field(RESULTS)).toHaveAttribute('aria-invalid', 'true');
    await wizard.gotoReview(reportId);
    await expect(review.issueLink('II.1. Công tác chỉ đạo', 'Kết quả đạt được')).toBeVisible();
    await expect(review.document).toContainText('Tuổi trẻ Bạc Liêu. Tuổi trẻ');
  });

  test('refuses 200,000 characters in “Ký hiệu văn bản” and stores nothing of them', async ({
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    const field = wizard.field('Ký hiệu văn bản');
    const before = await field.inputValue();
    await field.focus();
    await page.keyboard.insertText('X'.repeat(200_000));
    await expect(page.getByRole('alert').filter({ hasText: 'Không nhận' })).toContainText(
      'mục này nhận tối đa 60 ký tự',
    );
    await expect(field).toHaveValue(before);
    await page.keyboard.insertText('Z');
    await expect.poll(() => storedAnswer(page, reportId, 'document-symbol')).toBe(`${before}Z`);
  });

  test('shows stored text longer than any limit with its error instead of dropping it', async ({
    page,
    list,
    wizard,
    review,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    // What an older version could store: 250,000 characters, over every bound.
    const huge = `${'Đoàn viên. '.repeat(22_727)}cuối`;
    expect(huge.length).toBeGreaterThan(250_000);
    await putRawAnswer(page, reportId, 'direction-results', huge);

    await page.reload();
    await openDirection(wizard);
    await expect(wizard.field(RESULTS)).toHaveValue(huge);
    await expect(wizard.field(RESULTS)).toHaveAccessibleDescription(/Quá dài: 250\.001\/20\.000/);
    await wizard.gotoReview(reportId);
    await expect(review.issueLink('II.1. Công tác chỉ đạo', 'Kết quả đạt được')).toBeVisible();
  });
});
