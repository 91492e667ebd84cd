// What every screen has: the header's online state, the service worker's notices
// (update ready, ready offline), the "another tab upgraded the data" banner, Settings.
import { expect, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export class AppShell {
  readonly offline: Locator;
  readonly online: Locator;
  readonly offlineReady: Locator;
  readonly updateBanner: Locator;
  readonly updateButton: Locator;
  readonly databaseReplaced: Locator;
  readonly version: Locator;

  constructor(readonly page: Page) {
    const header = page.getByRole('banner');
    this.offline = header.getByRole('status').filter({ hasText: /^Ngoại tuyến/ });
    this.online = header.getByRole('status').filter({ hasText: /^Đang trực tuyến/ });
    this.offlineReady = page
      .getByRole('status')
      .filter({ hasText: /^Sẵn sàng dùng khi không có mạng/ });
    this.updateBanner = page.getByRole('status').filter({ hasText: /^Đã có phiên bản mới\./ });
    this.updateButton = this.updateBanner.getByRole('button', { name: 'Cập nhật', exact: true });
    this.databaseReplaced = page
      .getByRole('alert')
      .filter({ hasText: /^Ứng dụng vừa được cập nhật ở một thẻ khác/ });
    this.version = page.getByText(/^Phiên bản ứng dụng: /);
  }

  isControlled(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.controller !== null);
  }

  // The first load is not controlled by the service worker; once it is installed and
  // active, a reload is.
  async reloadUntilControlled(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await expect.poll(() => this.isControlled()).toBe(true);
  }

  // Asks the browser to look for a new service worker now (as the app does on focus).
  async checkForUpdate(): Promise<void> {
    await this.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
  }

  async gotoSettings(): Promise<void> {
    await this.page.goto(appUrl(this.page, '/#/cai-dat'));
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Cài đặt và dữ liệu' }),
    ).toBeVisible();
  }
}
