// Writing a report step by step: autosave, the table of contents, step navigation,
// the review page, over-long text and decomposed Vietnamese input.
import { expect, FIXED_TIME_TEXT, test } from './support/fixtures';
import { storedAnswer } from './support/idb';

const SIGNER = 'Nguyễn Văn An';
const OPENING =
  'Thực hiện Hướng dẫn của Ban Thường vụ Tỉnh Đoàn, Ban Thường vụ Huyện Đoàn Hồng Dân báo cáo như sau:';
const RESULTS = 'Đã xây dựng kế hoạch thực hiện Nghị quyết phù hợp với tình hình địa phương.';

test.describe('the wizard', () => {
  test('keeps the answers of three steps and shows the save time after a reload', async ({
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport('Huyện Đoàn Hồng Dân');

    await expect(wizard.heading('Thông tin văn bản')).toBeVisible();
    await wizard.field('Họ và tên người ký').fill(SIGNER);
    await wizard.nextLink.click();
    await expect(wizard.heading('Mở đầu')).toBeVisible();
    await wizard.field('Đoạn mở đầu').fill(OPENING);
    await wizard.openFromToc(
      'II.1. Công tác chỉ đạo',
      'II.1. Công tác chỉ đạo triển khai Nghị quyết',
    );
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await expect(wizard.saveStatus).toHaveText(`Đã lưu lúc ${FIXED_TIME_TEXT}`);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(RESULTS);

    await page.reload();
    await expect(wizard.heading('II.1. Công tác chỉ đạo triển khai Nghị quyết')).toBeVisible();
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(RESULTS);
    await expect(wizard.saveStatus).toHaveText(`Đã lưu lúc ${FIXED_TIME_TEXT}`);
    await wizard.openFromToc('Mở đầu', 'Mở đầu');
    await expect(wizard.field('Đoạn mở đầu')).toHaveValue(OPENING);
    await wizard.openFromToc('Thông tin văn bản', 'Thông tin văn bản');
    await expect(wizard.field('Họ và tên người ký')).toHaveValue(SIGNER);
    await expect(wizard.field('Cơ quan ban hành')).toHaveValue('BCH ĐOÀN HUYỆN HỒNG DÂN');
  });

  test('shows the state of every step in the table of contents', async ({ list, wizard }) => {
    await list.goto();
    await list.createReport();

    await expect(wizard.tocLink('Thông tin văn bản')).toHaveAccessibleName(
      'Thông tin văn bản Đang làm',
    );
    await expect(wizard.tocLink('Mở đầu')).toHaveAccessibleName('Mở đầu Hoàn thành');
    await expect(wizard.tocLink('II.1. Công tác chỉ đạo')).toHaveAccessibleName(
      'II.1. Công tác chỉ đạo Chưa bắt đầu',
    );

    await wizard.field('Họ và tên người ký').fill(SIGNER);
    await expect(wizard.tocLink('Thông tin văn bản')).toHaveAccessibleName(
      'Thông tin văn bản Hoàn thành',
    );

    await wizard.openFromToc(
      'II.1. Công tác chỉ đạo',
      'II.1. Công tác chỉ đạo triển khai Nghị quyết',
    );
    await expect(wizard.tocLink('II.1. Công tác chỉ đạo')).toHaveAttribute('aria-current', 'step');
    await wizard.field('Hạn chế, tồn tại').fill('Một số chi đoàn sinh hoạt chưa đều.');
    await expect(wizard.tocLink('II.1. Công tác chỉ đạo')).toHaveAccessibleName(
      'II.1. Công tác chỉ đạo Đang làm',
    );
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await expect(wizard.tocLink('II.1. Công tác chỉ đạo')).toHaveAccessibleName(
      'II.1. Công tác chỉ đạo Hoàn thành',
    );
  });

  test('moves with Bước tiếp and Bước trước and puts focus on the step heading', async ({
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    await expect(wizard.heading('Thông tin văn bản')).toBeFocused();
    await expect(page.getByText(/^Bước 1\/\d+$/)).toBeVisible();
    await expect(wizard.previousLink).toHaveCount(0);

    await wizard.nextLink.click();
    await expect(wizard.heading('Mở đầu')).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`#/r/${reportId}/opening$`));
    await expect(page.getByText(/^Bước 2\/\d+$/)).toBeVisible();

    await wizard.nextLink.click();
    await expect(wizard.heading('Phần I – Đặc điểm tình hình')).toBeFocused();

    await wizard.previousLink.click();
    await expect(wizard.heading('Mở đầu')).toBeFocused();
    await wizard.previousLink.click();
    await expect(wizard.heading('Thông tin văn bản')).toBeFocused();

    // The last step (the one before "Xem lại báo cáo" in the table of contents) leads to
    // the review, and the review leads back to it.
    await wizard.toc.getByRole('link').nth(-2).click();
    await expect(wizard.stepHeading).toBeFocused();
    const lastTitle = await wizard.stepHeading.innerText();
    await expect(wizard.nextLink).toHaveAccessibleName(/Xem lại/);
    await wizard.nextLink.click();
    await expect(wizard.heading('Xem lại báo cáo')).toBeFocused();
    await expect(wizard.nextLink).toHaveCount(0);
    await wizard.previousLink.click();
    await expect(wizard.heading(lastTitle)).toBeFocused();
  });

  test('shows the typed sentence in Xem lại and links each missing field to its step', async ({
    list,
    wizard,
    review,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', 'II.1. Công tác chỉ đạo triển khai Nghị quyết');
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await wizard.waitUntilSaved();

    await wizard.openFromToc('Xem lại báo cáo', 'Xem lại báo cáo');
    await expect(review.document).toContainText(RESULTS);
    await expect(review.issueLink('II.1. Công tác chỉ đạo', 'Kết quả đạt được')).toHaveCount(0);
    await expect(review.issueLink('II.2.2. Đoàn viên', 'Kết quả đạt được')).toBeVisible();
    const signer = review.issueLink('Thông tin văn bản', 'Họ và tên người ký');
    await expect(signer).toBeVisible();

    await signer.click();
    await expect(wizard.heading('Thông tin văn bản')).toBeVisible();
    await expect(wizard.field('Họ và tên người ký')).toBeFocused();

    await wizard.gotoReview(reportId);
    await review.issueLink('II.2.2. Đoàn viên', 'Kết quả đạt được').click();
    await expect(wizard.heading('II.2.2. Đoàn viên')).toBeVisible();
    await expect(wizard.field('Kết quả đạt được')).toBeFocused();
  });

  test('keeps every character of an over-long text and explains the error in Vietnamese', async ({
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport();

    const number = '123456789012345';
    await wizard.field('Số văn bản').fill(number);
    await expect(wizard.field('Số văn bản')).toHaveValue(number);
    await expect(wizard.field('Số văn bản')).toHaveAttribute('aria-invalid', 'true');
    await expect(wizard.field('Số văn bản')).toHaveAccessibleDescription(
      /Quá dài: 15\/10 ký tự\. Nội dung vẫn được giữ, hãy rút gọn\./,
    );
    await expect(wizard.tocLink('Thông tin văn bản')).toHaveAccessibleName(
      'Thông tin văn bản Có lỗi',
    );
    await expect.poll(() => storedAnswer(page, reportId, 'document-number')).toBe(number);

    const long = `${'Tuổi trẻ Bạc Liêu học tập và làm theo lời Bác. '.repeat(427)}hết`;
    expect(long.length).toBeGreaterThan(20_000);
    await wizard.openFromToc(
      'II.1. Công tác chỉ đạo',
      'II.1. Công tác chỉ đạo triển khai Nghị quyết',
    );
    await wizard.field('Kết quả đạt được').fill(long);
    await expect(
      page.getByText(
        `Quá dài: ${long.length.toLocaleString('vi-VN')}/20.000 ký tự. Nội dung vẫn được giữ, hãy rút gọn.`,
      ),
    ).toBeVisible();
    await expect(wizard.tocLink('II.1. Công tác chỉ đạo')).toHaveAccessibleName(
      'II.1. Công tác chỉ đạo Có lỗi',
    );
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(long);

    await page.reload();
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(long);
    await expect(wizard.tocLink('Thông tin văn bản')).toHaveAccessibleName(
      'Thông tin văn bản Có lỗi',
    );
  });

  test('stores decomposed Vietnamese input in NFC', async ({ page, list, wizard }) => {
    await list.goto();
    const reportId = await list.createReport();
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n A';
    const composed = 'Nguyễn Văn A';
    expect(decomposed).not.toBe(composed);
    expect(decomposed.normalize('NFC')).toBe(composed);

    await wizard.field('Họ và tên người ký').fill(decomposed);
    await expect(wizard.field('Họ và tên người ký')).toHaveValue(composed);
    await expect.poll(() => storedAnswer(page, reportId, 'signer-name')).toBe(composed);

    await wizard.openFromToc(
      'II.1. Công tác chỉ đạo',
      'II.1. Công tác chỉ đạo triển khai Nghị quyết',
    );
    await wizard
      .field('Kết quả đạt được')
      .fill('Đoa\u0300n vie\u0302n tha\u0300nh la\u0323\u0302p');
    await expect
      .poll(() => storedAnswer(page, reportId, 'direction-results'))
      .toBe('Đoàn viên thành lập');
  });
});
