// "Xem lại" (#/r/<id>/xem-lai): what is missing or wrong, and the document preview.
import type { Locator, Page } from '@playwright/test';

export class ReviewPage {
  readonly issues: Locator;
  readonly document: Locator;

  constructor(readonly page: Page) {
    this.issues = page.getByRole('region', { name: 'Những mục còn thiếu hoặc có lỗi' });
    this.document = page.getByRole('article', { name: 'Bản xem trước văn bản' });
  }

  // The link to a missing or invalid field: "<step short title>: <field label>".
  issueLink(stepShortTitle: string, fieldLabel: string): Locator {
    return this.issues.getByRole('link', { name: `${stepShortTitle}: ${fieldLabel}`, exact: true });
  }
}
