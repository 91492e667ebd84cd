// The list of reports (#/): create, rename, duplicate, export, delete, trash, damaged.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export class ReportListPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly unitSelect: Locator;
  readonly createSubmit: Locator;
  readonly undoButton: Locator;
  readonly damaged: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' });
    this.createButton = page.getByRole('button', { name: 'Tạo báo cáo mới' });
    this.unitSelect = page.getByLabel('Đơn vị', { exact: true });
    this.createSubmit = page.getByRole('button', { name: 'Tạo báo cáo', exact: true });
    this.undoButton = page.getByRole('status').getByRole('button', { name: 'Hoàn tác' });
    this.damaged = page.getByRole('region', { name: 'Dữ liệu bị hỏng' });
  }

  async goto(): Promise<void> {
    await this.page.goto(appUrl(this.page, '/#/'));
    await expect(this.heading).toBeVisible();
  }

  // Creates a report for a unit of the template and returns its id (the wizard opens).
  async createReport(unit = 'Huyện Đoàn Hồng Dân'): Promise<string> {
    await this.createButton.click();
    await this.unitSelect.selectOption({ label: unit });
    await this.createSubmit.click();
    await this.page.waitForURL(/#\/r\/[^/]+$/);
    return reportIdOf(this.page.url());
  }

  // The live notice after an action ("Đã chuyển … vào thùng rác."). Other live regions
  // (an export's progress) may be on the page too, so the text picks the notice.
  notice(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  reportLink(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  // The card of an active report, found by its title.
  card(name: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 2, name, exact: true }) });
  }

  // The "⋯" menu of a report card (a <summary> named by its aria-label).
  menu(name: string): Locator {
    return this.page.getByLabel(`Thao tác với báo cáo “${name}”`, { exact: true });
  }

  async menuAction(name: string, action: string): Promise<void> {
    await this.menu(name).click();
    await this.card(name).getByRole('button', { name: action, exact: true }).click();
  }

  async rename(name: string, newName: string): Promise<void> {
    await this.menuAction(name, 'Đổi tên');
    const input = this.page.getByRole('textbox', { name: 'Tên báo cáo', exact: true });
    await input.fill(newName);
    await this.page.getByRole('button', { name: 'Lưu tên', exact: true }).click();
  }

  async duplicate(name: string): Promise<void> {
    await this.menuAction(name, 'Nhân bản');
  }

  async delete(name: string): Promise<void> {
    await this.menuAction(name, 'Xóa');
  }

  async exportJson(name: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.menuAction(name, 'Xuất tệp dữ liệu báo cáo');
    return download;
  }

  // "Thùng rác (n)": the <summary> of the trash.
  trashToggle(count: number): Locator {
    return this.page.getByText(`Thùng rác (${count})`, { exact: true });
  }

  trashedCard(name: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  async restoreFromTrash(name: string, count: number): Promise<void> {
    await this.trashToggle(count).click();
    await this.trashedCard(name).getByRole('button', { name: 'Khôi phục', exact: true }).click();
  }
}

export function reportIdOf(url: string): string {
  const match = /#\/r\/([^/]+)/.exec(url);
  if (!match?.[1]) throw new Error(`not a report URL: ${url}`);
  return decodeURIComponent(match[1]);
}
