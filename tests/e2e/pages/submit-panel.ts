// "Nộp báo cáo qua mạng" under Xem lại: the submit button, "Gửi ngay", and the history
// of submissions ("Lần nộp N · <state>", the receipt, what went wrong); and what the
// report list says of submissions ("N lần nộp chưa gửi được", a status per report).
import type { Locator, Page } from '@playwright/test';

export const SENT_TEXT =
  /Đã nộp lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}, mã biên nhận \d+-[0-9a-f]{8}/;
export const AUTH_HELP =
  'Máy chủ không nhận mã truy cập. Hãy kiểm tra mã trong Cài đặt rồi bấm “Gửi ngay”.';

export class SubmitPanel {
  readonly region: Locator;
  readonly submitButton: Locator;
  readonly sendNowButton: Locator;
  readonly queuedMessage: Locator;
  readonly entries: Locator;
  // "Báo cáo còn thiếu N mục bắt buộc. Vẫn nộp bản chưa đầy đủ?" and its answer.
  readonly incompleteQuestion: Locator;
  readonly submitAnywayButton: Locator;
  readonly blocked: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Nộp báo cáo qua mạng' });
    this.submitButton = this.region.getByRole('button', { name: 'Nộp báo cáo', exact: true });
    this.sendNowButton = this.region.getByRole('button', { name: 'Gửi ngay', exact: true });
    this.queuedMessage = this.region
      .getByRole('status')
      .filter({ hasText: 'Đã đưa báo cáo vào hàng chờ gửi.' });
    this.entries = this.region.getByRole('listitem');
    this.incompleteQuestion = this.region
      .getByRole('alert')
      .filter({ hasText: /^Báo cáo còn thiếu \d+ mục bắt buộc\. Vẫn nộp bản chưa đầy đủ\?/ });
    this.submitAnywayButton = this.incompleteQuestion.getByRole('button', { name: 'Vẫn nộp' });
    this.blocked = this.region.getByRole('alert').filter({ hasText: /^Chưa nộp được/ });
  }

  // One line of the history: "Lần nộp <n> · <state>" and what follows it.
  entry(revision: number): Locator {
    return this.entries.filter({ hasText: new RegExp(`^Lần nộp ${revision} · `) });
  }

  // Presses "Nộp báo cáo", answers "Vẫn nộp" when required items are missing, and waits
  // until the submission is in the history.
  async submit(revision: number): Promise<void> {
    await this.submitButton.click();
    await this.entry(revision).or(this.submitAnywayButton).first().waitFor();
    if (await this.submitAnywayButton.isVisible()) await this.submitAnywayButton.click();
    await this.entry(revision).waitFor();
  }
}

export class SubmissionSummary {
  readonly unsentNotice: Locator;
  readonly sendNowButton: Locator;

  constructor(readonly page: Page) {
    this.unsentNotice = page.getByText(/^\d+ lần nộp chưa gửi được/);
    this.sendNowButton = page.getByRole('button', { name: 'Gửi ngay', exact: true });
  }

  unsent(count: number): Locator {
    return this.page.getByText(new RegExp(`^${count} lần nộp chưa gửi được`));
  }

  // The submission status of a report card: Nháp, Chờ gửi, Đang gửi, Đã nộp or Lỗi.
  status(card: Locator): Locator {
    return card.getByText(/^(Nháp|Chờ gửi|Đang gửi|Đã nộp|Lỗi)$/);
  }
}
