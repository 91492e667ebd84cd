// "Xem lại" (#/r/<id>/xem-lai): what is missing or wrong, the document preview with the
// appendix tables and charts, and "Xuất PDF".
import type { Download, Locator, Page } from '@playwright/test';

export class ReviewPage {
  readonly issues: Locator;
  readonly document: Locator;
  readonly exportPdfButton: Locator;

  constructor(readonly page: Page) {
    this.issues = page.getByRole('region', { name: 'Những mục còn thiếu hoặc có lỗi' });
    this.document = page.getByRole('article', { name: 'Bản xem trước văn bản' });
    this.exportPdfButton = page.getByRole('button', { name: 'Xuất PDF', exact: true });
  }

  // The link to a missing or invalid field: "<step short title>: <field label>".
  issueLink(stepShortTitle: string, fieldLabel: string): Locator {
    return this.issues.getByRole('link', { name: `${stepShortTitle}: ${fieldLabel}`, exact: true });
  }

  // An appendix table of the preview: "Bảng số liệu: <table label>".
  appendixTable(label: string): Locator {
    return this.page.getByRole('region', { name: `Bảng số liệu: ${label}`, exact: true });
  }

  charts(): Locator {
    return this.page.getByRole('img', { name: /^Biểu đồ / });
  }

  // The export's live status line: "Đã tải về <file>.", the draft note, replacements.
  pdfStatus(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async exportPdf(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.exportPdfButton.click();
    return downloading;
  }
}
