// Settings (#/cai-dat), "Máy chủ nhận báo cáo": the endpoint, the unit's access code,
// "Lưu cài đặt gửi báo cáo" and the live check that the server answers.
import { expect, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export class SyncSettingsPage {
  readonly heading: Locator;
  readonly endpoint: Locator;
  readonly accessCode: Locator;
  readonly saveButton: Locator;
  readonly saved: Locator;
  readonly checked: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2, name: 'Máy chủ nhận báo cáo' });
    this.endpoint = page.getByRole('textbox', { name: /^Địa chỉ nộp báo cáo/ });
    this.accessCode = page.getByRole('textbox', { name: 'Mã truy cập của đơn vị', exact: true });
    this.saveButton = page.getByRole('button', { name: 'Lưu cài đặt gửi báo cáo', exact: true });
    this.saved = page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt gửi báo cáo.' });
    this.checked = page
      .getByRole('status')
      .filter({ hasText: /Kết nối được địa chỉ nộp báo cáo|Không kết nối được máy chủ/ });
  }

  async goto(): Promise<void> {
    await this.page.goto(appUrl(this.page, '/#/cai-dat'));
    await expect(this.heading).toBeVisible();
    // The stored values are loaded by then, and do not overwrite what is typed next.
    await expect(this.checked).toBeVisible();
  }

  // Saves an access code (and an endpoint; empty: this page's own server).
  async save(accessCode: string, endpoint = ''): Promise<void> {
    await this.endpoint.fill(endpoint);
    await this.accessCode.fill(accessCode);
    await this.saveButton.click();
    await expect(this.saved).toBeVisible();
  }
}
