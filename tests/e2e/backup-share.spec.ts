// Backing up and restoring on Settings, and "Gửi email" from Xem lại: with the share
// sheet (stubbed, recording what it is given) and without it (downloads and mailto:).
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { putRawOutboxEntry, rawOutbox, storedAnswer, storedReport } from './support/idb';
import { mailtoLinks, readMailto, removeShare, sharedData, stubShare } from './support/share-stub';
import { DataSettingsPage } from './pages/data-settings-page';
import { EmailExport } from './pages/email-export';
import { SENT_TEXT, SubmissionSummary, SubmitPanel } from './pages/submit-panel';

const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const UNIT = 'Huyện Đoàn Hồng Dân';
const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const RESULTS = 'Đã tổ chức 12 hội nghị quán triệt cho 1.245 lượt cán bộ Đoàn, đoàn viên.';
const SIGNER = 'Nguyễn Văn An';
const DEFAULT_RECIPIENT = 'btckt2012@gmail.com';
const PDF_NAME = /^BC-so-ket-NQ01-huyen-doan-hong-dan-\d{4}-\d{2}-\d{2}\.pdf$/;
const JSON_NAME = 'bao-cao-bao-cao-so-ket-nq01-huyen-doan-hong-dan.json';
const SENT_AT = '2024-05-10T02:35:00.000Z';
const SUBJECT = `Báo cáo sơ kết 5 năm NQ01 – ${UNIT}`;

const mailBody = (recipient: string, files: string[]) =>
  [
    'Kính gửi Ban Thường vụ Tỉnh Đoàn Bạc Liêu (qua Ban Tổ chức),',
    '',
    `${UNIT} gửi Báo cáo sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN, tệp đính kèm:`,
    ...files.map((file) => `- ${file}`),
    '',
    `Gửi tới: ${recipient}`,
    '',
    'Trân trọng.',
  ].join('\n');

// In a mailto: URL the same body has CRLF line breaks (RFC 6068).
const mailtoBody = (recipient: string, files: string[]) =>
  mailBody(recipient, files).replace(/\n/g, '\r\n');

async function downloadedJson(download: Download): Promise<unknown> {
  return JSON.parse(await readFile(await download.path(), 'utf8')) as unknown;
}

test.describe('backup and restore', () => {
  test('backs up every report, and restores one deleted for good from the backup, its submission history included', async ({
    page,
    list,
    wizard,
  }) => {
    const settings = new DataSettingsPage(page);
    const submitPanel = new SubmitPanel(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.field('Họ và tên người ký').fill(SIGNER);
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await wizard.waitUntilSaved();
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(RESULTS);
    // Submitted once (no access code: it waits), then sent: the receipt as the server gives it.
    await wizard.gotoReview(reportId);
    await submitPanel.submit(1);
    const [entry] = await rawOutbox(page, reportId);
    await putRawOutboxEntry(page, {
      ...entry,
      state: 'sent',
      receipt: { reportId, revision: 1, sha256: entry!.sha256, receivedAt: SENT_AT },
    });

    await settings.goto();
    const download = await settings.backupAll();
    expect(download.suggestedFilename()).toBe('sao-luu-so-ket-2024-05-10.json');
    await expect(
      settings.status('Đã sao lưu 1 báo cáo vào tệp sao-luu-so-ket-2024-05-10.json.'),
    ).toBeVisible();
    const backupPath = await download.path();
    const backup = (await downloadedJson(download)) as {
      reports: { report: { id: string; name: string }; answers: Record<string, unknown> }[];
    };
    expect(backup).toMatchObject({
      format: 'so-ket/backup',
      version: 4,
      exportedAt: '2024-05-10T02:41:00.000Z',
      submissions: [{ reportId, revision: 1, state: 'sent', receipt: { receivedAt: SENT_AT } }],
    });
    expect(backup.reports).toHaveLength(1);
    expect(backup.reports[0]).toMatchObject({
      format: 'so-ket/report',
      version: 2,
      report: { id: reportId, name: NAME },
      answers: { 'signer-name': SIGNER, 'direction-results': RESULTS },
    });

    await list.goto();
    await list.delete(NAME);
    await list.trashToggle(1).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await list.trashedCard(NAME).getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
    await expect(list.trashToggle(1)).toHaveCount(0);
    await expect.poll(() => storedReport(page, reportId)).toBeUndefined();
    // Deleting for good leaves the outbox; a device that lost everything has none.
    await rawOutbox(page, reportId, { remove: true });
    expect(await rawOutbox(page, reportId)).toEqual([]);
    await page.reload(); // the app's live queries hold what they last saw themselves

    await settings.goto();
    await settings.chooseFile(backupPath);
    await expect(settings.status('1 báo cáo mới')).toBeVisible();
    await expect(settings.choice(NAME, 'Thêm vào')).toBeChecked();
    await settings.restoreButton.click();
    await expect(
      settings.status('Đã khôi phục: 1 báo cáo mới, 0 thay thế, 0 bản sao; bỏ qua 0.'),
    ).toBeVisible();

    // The same file again: the report is there, same as in the file, skipped by default.
    await settings.chooseFile(backupPath);
    await expect(settings.status('1 báo cáo đã có — giống bản trên máy')).toBeVisible();
    await expect(settings.choice(NAME, 'Bỏ qua')).toBeChecked();
    await settings.cancelRestoreButton.click();
    await expect(settings.restoreButton).toHaveCount(0);

    await list.goto();
    await expect(list.card(NAME)).toBeVisible();
    await list.reportLink(NAME).click();
    await expect(wizard.field('Họ và tên người ký')).toHaveValue(SIGNER);
    await wizard.gotoStep(reportId, 'direction', II_1);
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(RESULTS);
    // The history came back: the receipt, and what was last submitted.
    await wizard.gotoReview(reportId);
    await expect(submitPanel.entry(1)).toContainText(SENT_TEXT);
    await submitPanel.submitButton.click();
    await submitPanel.submitAnywayButton.click();
    await expect(submitPanel.region.getByRole('status')).toHaveText(
      'Nội dung không đổi so với lần nộp 1.',
    );
    await list.goto();
    await expect(new SubmissionSummary(page).status(list.card(NAME))).toHaveText('Đã nộp');
  });

  test('refuses a truncated file with its message and changes nothing', async ({ page, list }) => {
    const settings = new DataSettingsPage(page);
    await list.goto();
    const reportId = await list.createReport();
    await settings.goto();
    const download = await settings.backupAll();
    const text = await readFile(await download.path(), 'utf8');
    const before = await storedReport(page, reportId);

    await settings.chooseFile({
      name: 'sao-luu-so-ket-2024-05-10.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2)), 'utf8'),
    });
    await expect(settings.restoreAlert).toHaveText(
      'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc bị cắt ngắn). Không có gì thay đổi.',
    );
    await expect(settings.restoreButton).toHaveCount(0);
    expect(await storedReport(page, reportId)).toEqual(before);
    await list.goto();
    await expect(list.card(NAME)).toHaveCount(1);
  });
});

test.describe('Gửi email', () => {
  test('gives the share sheet the PDF, and the report file when asked, with the mail text', async ({
    page,
    list,
    wizard,
  }) => {
    await stubShare(page);
    const email = new EmailExport(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.field('Họ và tên người ký').fill(SIGNER);
    await wizard.waitUntilSaved();

    await wizard.gotoReview(reportId);
    await email.send();
    await expect(
      email.status('Đã mở bảng chia sẻ. Hãy chọn Gmail (hoặc ứng dụng thư) rồi bấm gửi.'),
    ).toBeVisible();
    await expect.poll(async () => (await sharedData(page)).length).toBe(1);
    const [pdfOnly] = await sharedData(page);
    expect(pdfOnly!.files).toEqual([
      {
        name: expect.stringMatching(PDF_NAME),
        type: 'application/pdf',
        size: expect.any(Number),
        head: '%PDF-',
        text: '',
      },
    ]);
    const pdfName = pdfOnly!.files[0]!.name;
    expect(pdfOnly!.files[0]!.size).toBeGreaterThan(10_000);
    expect(pdfOnly!.title).toBe(SUBJECT);
    expect(pdfOnly!.text).toBe(mailBody(DEFAULT_RECIPIENT, [pdfName]));

    await email.attachJson.check();
    await email.send();
    await expect.poll(async () => (await sharedData(page)).length).toBe(2);
    const [, withJson] = await sharedData(page);
    expect(withJson!.files.map(({ name, type }) => ({ name, type }))).toEqual([
      { name: pdfName, type: 'application/pdf' },
      { name: JSON_NAME, type: 'application/json' },
    ]);
    const json = withJson!.files[1]!;
    expect(json.size).toBe(Buffer.byteLength(json.text, 'utf8'));
    expect(JSON.parse(json.text)).toMatchObject({
      format: 'so-ket/report',
      version: 2,
      report: { id: reportId, name: NAME },
      answers: { 'signer-name': SIGNER },
    });
    expect(withJson!.title).toBe(SUBJECT);
    expect(withJson!.text).toBe(mailBody(DEFAULT_RECIPIENT, [pdfName, JSON_NAME]));
    await expect
      .poll(async () => (await storedReport(page, reportId))?.lastExportedAt)
      .toBe('2024-05-10T02:41:00.000Z');
  });

  test('without a share sheet, downloads the PDF and opens a mail to the recipient', async ({
    page,
    list,
    wizard,
  }) => {
    await removeShare(page);
    const email = new EmailExport(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoReview(reportId);

    const downloading = page.waitForEvent('download');
    await email.send();
    const pdf = await downloading;
    expect(pdf.suggestedFilename()).toMatch(PDF_NAME);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => mailtoLinks(page)).toHaveLength(1);
    const [href] = await mailtoLinks(page);
    expect(href).toMatch(/^mailto:btckt2012@gmail\.com\?subject=/);
    expect(readMailto(href!)).toEqual({
      to: DEFAULT_RECIPIENT,
      subject: SUBJECT,
      body: mailtoBody(DEFAULT_RECIPIENT, [pdf.suggestedFilename()]),
    });
    await expect(
      email.status(
        `Đã tải các tệp về máy và mở ứng dụng thư gửi tới ${DEFAULT_RECIPIENT}. Hãy tự đính kèm các tệp vừa tải về trước khi gửi.`,
      ),
    ).toBeVisible();
    await expect(email.copyAddressButton).toBeVisible();
  });

  test('addresses the mail to the recipient saved in Settings', async ({ page, list, wizard }) => {
    const recipient = 'bantochuc.tinhdoan@example.vn';
    await removeShare(page);
    const settings = new DataSettingsPage(page);
    const email = new EmailExport(page);
    await list.goto();
    const reportId = await list.createReport();
    await settings.goto();
    await settings.saveRecipient(recipient);
    await page.reload();
    await expect(settings.recipient).toHaveValue(recipient);

    await wizard.gotoReview(reportId);
    await email.attachJson.check();
    const downloads: Download[] = [];
    page.on('download', (download) => downloads.push(download));
    await email.send();
    await expect.poll(() => mailtoLinks(page)).toHaveLength(1);
    await expect
      .poll(() => downloads.map((d) => d.suggestedFilename()))
      .toEqual([expect.stringMatching(PDF_NAME), JSON_NAME]);
    const mail = readMailto((await mailtoLinks(page))[0]!);
    expect(mail.to).toBe(recipient);
    expect(mail.subject).toBe(SUBJECT);
    expect(mail.body).toBe(
      mailtoBody(
        recipient,
        downloads.map((d) => d.suggestedFilename()),
      ),
    );
    await expect(email.status(`mở ứng dụng thư gửi tới ${recipient}.`)).toBeVisible();
  });
});
