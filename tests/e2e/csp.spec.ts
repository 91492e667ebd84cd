// The app under its own Content-Security-Policy (no inline script, no eval): the main
// screens, a photo, the PDF and Word exports and the province office's intake of the
// exported PDF, with no CSP violation reported by the page, its workers or the console.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/app-shell';
import { AppendixPage } from './pages/appendix-page';
import { ModelsPage } from './pages/models-page';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const YOUTH = 'Phụ lục 1. Tập hợp thanh niên';

test('the main screens and exports run under the CSP without a violation', async ({
  page,
  list,
  wizard,
  review,
}) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  await page.exposeBinding('reportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });

  const shell = new AppShell(page);
  await list.goto();
  await shell.reloadUntilControlled();
  // The page the service worker serves from its cache keeps the policy too.
  const reloaded = await page.reload();
  expect(reloaded?.headers()['content-security-policy']).toContain("script-src 'self'");

  const reportId = await list.createReport();
  await wizard.gotoStep(reportId, 'direction', II_1);
  await wizard.field('Kết quả đạt được').fill('Quán triệt Nghị quyết đến 100% chi đoàn.');
  await wizard.gotoStep(reportId, 'appendix-youth', YOUTH);
  await new AppendixPage(page)
    .cell('Thanh niên từ 16 đến 30 tuổi trên địa bàn', '2009')
    .fill('1000');

  // A PDF without photos for the province office (its intake refuses a PDF whose report
  // shows photos: the PDF does not carry their bytes).
  await wizard.gotoReview(reportId);
  await expect(review.charts().first()).toBeVisible();
  const pdf = await review.exportPdf();
  const pdfBytes = await readFile(await pdf.path());

  const models = new ModelsPage(page);
  await models.goto(reportId);
  await models.addWithPhoto();
  await wizard.waitUntilSaved();

  await wizard.gotoReview(reportId);
  const withPhoto = await review.exportPdf();
  await expect(review.pdfStatus(`Đã tải về ${withPhoto.suggestedFilename()}.`)).toBeVisible();
  const word = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Word', exact: true }).click();
  expect((await word).suggestedFilename()).toMatch(/\.docx$/);

  await shell.gotoSettings();
  await page.getByRole('link', { name: 'Mở trang Tỉnh Đoàn' }).click();
  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await page.getByLabel('Chọn tệp').setInputFiles({
    name: pdf.suggestedFilename(),
    mimeType: 'application/pdf',
    buffer: pdfBytes,
  });
  await expect(page.getByText('Đã nhận 1 bản mới, 0 bản trùng, 0 tệp không nhận.')).toBeVisible({
    timeout: 20_000,
  });

  expect(violations).toEqual([]);
});
