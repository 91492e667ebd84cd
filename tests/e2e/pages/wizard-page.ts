// A report being written (#/r/<id>/<step>): the steps, the table of contents, the save
// status and the step navigation.
import { expect, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export const SAVED_TEXT = /^Đã lưu lúc \d{2}:\d{2}$/;
const SAVE_STATUS_TEXT = /^(Chưa có thay đổi|Đang chờ lưu…|Đang lưu…|Đã lưu lúc \d{2}:\d{2})$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class WizardPage {
  readonly stepHeading: Locator;
  readonly toc: Locator;
  readonly tocToggle: Locator;
  readonly saveStatus: Locator;
  readonly saveAlert: Locator;
  readonly retryButton: Locator;
  readonly exportNowButton: Locator;
  readonly stepNav: Locator;
  readonly nextLink: Locator;
  readonly previousLink: Locator;
  readonly reviewLink: Locator;
  readonly backToList: Locator;

  constructor(readonly page: Page) {
    this.stepHeading = page.getByRole('heading', { level: 2 });
    this.toc = page.getByRole('navigation', { name: 'Mục lục' });
    this.tocToggle = page.getByRole('button', { name: /^Mục lục và tiến độ/ });
    // Other live regions (a paste into a table, an export) may be on the page too.
    this.saveStatus = page.getByRole('status').filter({ hasText: SAVE_STATUS_TEXT });
    this.saveAlert = page.getByRole('alert');
    this.retryButton = this.saveAlert.getByRole('button', { name: 'Thử lại ngay' });
    this.exportNowButton = this.saveAlert.getByRole('button', {
      name: 'Xuất tệp dữ liệu báo cáo',
      exact: true,
    });
    this.stepNav = page.getByRole('navigation', { name: /^Bước \d+\/\d+$/ });
    this.nextLink = this.stepNav.getByRole('link', { name: /Bước tiếp|Xem lại/ });
    this.previousLink = this.stepNav.getByRole('link', { name: /Bước trước/ });
    this.reviewLink = this.toc.getByRole('link', { name: 'Xem lại báo cáo' });
    this.backToList = page.getByRole('link', { name: /Danh sách báo cáo/ });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: title, exact: true });
  }

  async gotoStep(reportId: string, stepId: string, title: string): Promise<void> {
    await this.page.goto(
      appUrl(this.page, `/#/r/${encodeURIComponent(reportId)}/${encodeURIComponent(stepId)}`),
    );
    await expect(this.heading(title)).toBeVisible();
  }

  async gotoReview(reportId: string): Promise<void> {
    await this.page.goto(appUrl(this.page, `/#/r/${encodeURIComponent(reportId)}/xem-lai`));
    await expect(this.heading('Xem lại báo cáo')).toBeVisible();
  }

  // A text field of the open step, by its visible label.
  field(label: string): Locator {
    return this.page.getByRole('textbox', { name: label });
  }

  // A step's entry in the table of contents; its accessible name ends with its state.
  tocLink(shortTitle: string): Locator {
    return this.toc.getByRole('link', { name: new RegExp(`^${escapeRegExp(shortTitle)}(\\s|$)`) });
  }

  // On a narrow screen the table of contents is folded behind a toggle.
  async showToc(): Promise<void> {
    if (!(await this.toc.isVisible())) await this.tocToggle.click();
    await expect(this.toc).toBeVisible();
  }

  async openFromToc(shortTitle: string, title: string): Promise<void> {
    await this.showToc();
    await this.tocLink(shortTitle).click();
    await expect(this.heading(title)).toBeVisible();
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(SAVED_TEXT);
  }
}
