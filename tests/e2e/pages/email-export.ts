// "Gửi email" under Xem lại: the attachment choices, the button, and what it says after
// (the share sheet opened, or the files downloaded and the mail app opened).
import type { Locator, Page } from '@playwright/test';

export class EmailExport {
  readonly sendButton: Locator;
  readonly attachJson: Locator;
  readonly copyAddressButton: Locator;

  constructor(readonly page: Page) {
    this.sendButton = page.getByRole('button', { name: 'Gửi email', exact: true });
    this.attachJson = page.getByRole('checkbox', { name: 'Kèm tệp dữ liệu báo cáo', exact: true });
    this.copyAddressButton = page.getByRole('button', {
      name: 'Sao chép địa chỉ email',
      exact: true,
    });
  }

  // Presses "Gửi email". When rendering outlasted the tap's user activation, the app
  // asks for a second tap to open the share sheet; press it too.
  async send(): Promise<void> {
    await this.sendButton.click();
    const again = this.page.getByRole('button', { name: 'Tệp đã sẵn sàng – mở bảng chia sẻ' });
    const done = this.page
      .getByRole('status')
      .filter({ hasText: /Đã mở bảng chia sẻ|Đã tải các tệp|Đã hủy/ });
    await again.or(done).first().waitFor();
    if (await again.isVisible()) await again.click();
  }

  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
