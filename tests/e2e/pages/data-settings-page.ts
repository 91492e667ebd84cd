// Settings (#/cai-dat), the data panels: "Sao lưu tất cả", "Khôi phục" (the file input,
// the plan with a choice per report, "Khôi phục") and "Email nhận báo cáo".
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export class DataSettingsPage {
  readonly heading: Locator;
  readonly backupButton: Locator;
  readonly restoreFile: Locator;
  readonly restoreButton: Locator;
  readonly cancelRestoreButton: Locator;
  readonly restoreAlert: Locator;
  readonly recipient: Locator;
  readonly saveRecipientButton: Locator;
  readonly recipientSaved: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Cài đặt và dữ liệu' });
    this.backupButton = page.getByRole('button', { name: 'Sao lưu tất cả', exact: true });
    this.restoreFile = page.getByLabel('Tệp báo cáo hoặc tệp sao lưu', { exact: true });
    this.restoreButton = page.getByRole('button', { name: 'Khôi phục', exact: true });
    this.cancelRestoreButton = page.getByRole('button', { name: 'Hủy', exact: true });
    this.restoreAlert = page
      .getByRole('region', { name: 'Khôi phục', exact: true })
      .getByRole('alert');
    this.recipient = page.getByRole('textbox', { name: 'Địa chỉ email nhận báo cáo' });
    this.saveRecipientButton = page.getByRole('button', { name: 'Lưu email nhận', exact: true });
    this.recipientSaved = page
      .getByRole('status')
      .filter({ hasText: 'Đã lưu địa chỉ email nhận báo cáo.' });
  }

  async goto(): Promise<void> {
    await this.page.goto(appUrl(this.page, '/#/cai-dat'));
    await expect(this.heading).toBeVisible();
  }

  // A live status line of the page ("Đã sao lưu …", the restore plan's summary, "Đã khôi
  // phục: …"); other panels have theirs too, so the text picks it.
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async backupAll(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.backupButton.click();
    return downloading;
  }

  async chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.restoreFile.setInputFiles(file);
  }

  // The choice for one report of the plan: "Thêm vào", "Thay bản trên máy", "Giữ cả hai",
  // "Bỏ qua", in the group "Với báo cáo “<name>”".
  choice(reportName: string, label: string): Locator {
    return this.page
      .getByRole('group', { name: `Với báo cáo “${reportName}”`, exact: true })
      .getByRole('radio', { name: label, exact: true });
  }

  async saveRecipient(address: string): Promise<void> {
    await this.recipient.fill(address);
    await this.saveRecipientButton.click();
    await expect(this.recipientSaved).toBeVisible();
  }
}
