// "Xuất PDF" with no network: the file is named after the unit and the day, is a PDF,
// and carries the issuing body, the typed text and the draft mark; characters the font
// cannot draw are named and replaced, and the export still happens. A long export runs
// in a Web Worker: the page answers "Hủy" at once, and Hủy makes no file.
import { expect, test } from './support/fixtures';
import { putRawAnswer } from './support/idb';
import { readPdf } from './support/pdf';
import { AppShell } from './pages/app-shell';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const FILE_NAME = /^BC-so-ket-NQ01-huyen-doan-hong-dan-\d{4}-\d{2}-\d{2}\.pdf$/;
const RESULTS =
  'Ban Thường vụ Huyện Đoàn đã tổ chức quán triệt Nghị quyết đến 100% chi đoàn trực thuộc.';

test.describe('the PDF export', () => {
  test('exports a draft PDF with the typed text while offline', async ({
    context,
    page,
    list,
    wizard,
    review,
  }) => {
    const shell = new AppShell(page);
    await list.goto();
    await shell.reloadUntilControlled();
    await context.setOffline(true);
    await page.reload();
    await expect(shell.offline).toBeVisible();

    const reportId = await list.createReport();
    await wizard.field('Họ và tên người ký').fill('Nguyễn Văn An');
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await wizard.waitUntilSaved();

    await wizard.openFromToc('Xem lại báo cáo', 'Xem lại báo cáo');
    const pdf = await readPdf(await review.exportPdf());
    expect(pdf.name).toMatch(FILE_NAME);
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.text).toContain('BCH ĐOÀN HUYỆN HỒNG DÂN');
    expect(pdf.text).toContain(RESULTS);
    expect(pdf.text).toContain('Nguyễn Văn An');
    expect(pdf.text).toContain('DỰ THẢO');
    await expect(review.pdfStatus(`Đã tải về ${pdf.name}.`)).toBeVisible();
    await expect(
      review.pdfStatus('Báo cáo còn thiếu hoặc có lỗi nên được xuất dưới dạng DỰ THẢO.'),
    ).toBeVisible();
  });

  test('replaces a character the font lacks with [?], names it and still exports', async ({
    context,
    list,
    wizard,
    review,
  }) => {
    // 06:30 in Bạc Liêu is still the day before in UTC: the file is named after the
    // local day.
    await context.clock.setFixedTime(new Date('2024-05-10T06:30:00+07:00'));
    await list.goto();
    await list.createReport();
    await wizard.field('Họ và tên người ký').fill('Nguyễn Văn An 😀');
    await wizard.waitUntilSaved();

    // From the report's ⋯ menu in the list this time.
    await list.goto();
    await list.menu(NAME).click();
    const pdf = await readPdf(await review.exportPdf());
    expect(pdf.name).toBe('BC-so-ket-NQ01-huyen-doan-hong-dan-2024-05-10.pdf');
    expect(pdf.head).toBe('%PDF-');
    expect(pdf.text).toContain('Nguyễn Văn An [?]');
    await expect(
      list.card(NAME).getByRole('status').filter({
        hasText: 'Một số ký tự không in được trong PDF và đã được thay bằng [?]: 😀',
      }),
    ).toBeVisible();
    await expect(list.card(NAME).getByRole('status')).toContainText(`Đã tải về ${pdf.name}.`);
  });

  test('Hủy answers at once during a long export and makes no file', async ({
    page,
    list,
    wizard,
    review,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    // Far over the field's maximum (kept with its error): dozens of pages to lay out.
    await putRawAnswer(page, reportId, 'direction-results', 'Đoàn viên thanh niên. '.repeat(9_000));
    await wizard.gotoReview(reportId);
    const downloads: unknown[] = [];
    page.on('download', (download) => downloads.push(download));

    await review.exportPdfButton.click();
    // The worker has started laying out or drawing: on the page's main thread this
    // click would wait for the whole render, and the file would be saved first.
    await expect(review.pdfStatus(/Đang (dàn trang|vẽ trang)/)).toBeVisible();
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect(
      review.pdfStatus('Đã hủy. Không có tệp nào được tạo; báo cáo không thay đổi.'),
    ).toBeVisible();
    await expect(review.exportPdfButton).toBeEnabled();
    expect(downloads).toEqual([]);
  });
});
