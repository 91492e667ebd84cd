// A step of the statistics appendix (#/r/<id>/appendix-…): the year-by-indicator table,
// its computed rates, the errors and warnings under it and "Đánh dấu đã xong".
import type { Locator, Page } from '@playwright/test';

export class AppendixPage {
  readonly markCompleteButton: Locator;
  readonly markedComplete: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.markCompleteButton = page.getByRole('button', { name: 'Đánh dấu đã xong', exact: true });
    this.markedComplete = page.getByText('Bảng này đã được đánh dấu xong.');
    this.refusal = page.getByRole('alert').filter({ hasText: /^Chưa thể đánh dấu đã xong/ });
  }

  // The table's own scrolling box: "Bảng số liệu: <table label>".
  table(label: string): Locator {
    return this.page.getByRole('region', { name: `Bảng số liệu: ${label}`, exact: true });
  }

  // A typed cell, "<indicator> – năm <year>". Exact: "Vững mạnh – năm 2009" is part of
  // "Tỷ lệ vững mạnh – năm 2009".
  cell(indicator: string, year: string): Locator {
    return this.page.getByRole('textbox', { name: `${indicator} – năm ${year}`, exact: true });
  }

  // A computed rate (an <output>, role status), "<indicator> – năm <year>".
  rate(indicator: string, year: string): Locator {
    return this.page.getByRole('status', { name: `${indicator} – năm ${year}`, exact: true });
  }

  // "Lỗi cần sửa (n)" and "Cần xem lại (n)": the lists under the table.
  errors(count: number): Locator {
    return this.page.getByRole('region', { name: `Lỗi cần sửa (${count})`, exact: true });
  }

  warnings(count: number): Locator {
    return this.page.getByRole('region', { name: `Cần xem lại (${count})`, exact: true });
  }

  anyErrors(): Locator {
    return this.page.getByRole('region', { name: /^Lỗi cần sửa \(\d+\)$/ });
  }

  async fill(cells: Record<string, Record<string, string>>): Promise<void> {
    for (const [indicator, years] of Object.entries(cells)) {
      for (const [year, value] of Object.entries(years)) {
        await this.cell(indicator, year).fill(value);
      }
    }
  }
}
