// Not one keystroke lost on a phone: every change is journaled synchronously in
// localStorage before IndexedDB's save is queued, so a reload or a closed tab right after
// the last key loses nothing; leaving while IndexedDB has not taken a change asks first,
// and a failing save keeps warning on the list.
import type { Page } from '@playwright/test';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';
import { installFailingWrites, setFailingWrites } from './support/failing-writes';
import { storedAnswer } from './support/idb';
import { PersistentBrowser } from './support/persistent-browser';
import { AppendixPage } from './pages/appendix-page';
import { ReportListPage } from './pages/report-list-page';
import { WizardPage } from './pages/wizard-page';

const PHONE = { width: 360, height: 740 };
const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const RESULTS = 'Kết quả đạt được';
const TRIALS = 20;
// ASCII and Vietnamese: both go through the input handler.
const chunk = (trial: number) => ` Lần ${trial}: 12 chi đoàn.`;

// Leaving while a change is not in IndexedDB yet asks first; these tests answer "leave".
function acceptLeaving(page: Page): string[] {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss());
  });
  return asked;
}

test.describe('not one keystroke lost', () => {
  test.use({ viewport: PHONE });

  test('keeps every character typed right before a reload, 20 times', async ({
    page,
    list,
    wizard,
  }) => {
    test.setTimeout(180_000);
    acceptLeaving(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    let expected = '';
    for (let trial = 1; trial <= TRIALS; trial += 1) {
      const field = wizard.field(RESULTS);
      await field.focus();
      await field.press('Control+End');
      await page.keyboard.type(chunk(trial));
      expected += chunk(trial);
      await page.reload();
      await expect(wizard.heading(II_1)).toBeVisible();
      await expect(wizard.field(RESULTS), `after reload ${trial}`).toHaveValue(expected);
    }
    // And IndexedDB has it all once the journal is applied.
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(expected);
    await wizard.waitUntilSaved();
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('journal'))),
    ).toEqual([]);
  });

  test('keeps every character typed right before the tab is closed, 20 times', async ({
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const chromium = await PersistentBrowser.launch();
    try {
      // A page of its own keeps the browser open while the report's tabs come and go.
      const keeper = await chromium.context.newPage();
      await keeper.setViewportSize(PHONE);
      await keeper.goto(`${baseURL}/`);
      const reportId = await new ReportListPage(keeper).createReport();
      let expected = '';
      for (let trial = 1; trial <= TRIALS; trial += 1) {
        const tab = await chromium.context.newPage();
        await tab.setViewportSize(PHONE);
        await tab.goto(`${baseURL}/#/r/${reportId}/direction`);
        const wizard = new WizardPage(tab);
        await expect(wizard.heading(II_1)).toBeVisible();
        await expect(wizard.field(RESULTS), `after closing ${trial - 1}`).toHaveValue(expected);
        await wizard.field(RESULTS).focus();
        await wizard.field(RESULTS).press('Control+End');
        await tab.keyboard.type(chunk(trial));
        expected += chunk(trial);
        await tab.close();
      }
      const last = await chromium.context.newPage();
      await last.goto(`${baseURL}/#/r/${reportId}/direction`);
      await expect(new WizardPage(last).field(RESULTS)).toHaveValue(expected);
    } finally {
      await chromium.dispose();
    }
  });

  test('keeps numbers typed at 20 ms a key into appendix cells while the page scrolls', async ({
    page,
    list,
    wizard,
  }) => {
    test.setTimeout(240_000);
    acceptLeaving(page);
    const appendix = new AppendixPage(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'appendix-youth', 'Phụ lục 1. Tập hợp thanh niên');
    const indicators = [
      'Thanh niên từ 16 đến 30 tuổi trên địa bàn',
      'Tổng số thanh niên được tập hợp',
    ];
    const years = ['2009', '2011', '2013'];
    // The page and the table box keep scrolling while the keys go in, as a thumb does.
    // The scrolling pauses only for the tap that picks a cell: Playwright waits for a
    // target to stand still before it clicks, which would otherwise take seconds a tap.
    await page.evaluate(() => {
      let step = 0;
      setInterval(() => {
        if (document.body.dataset.scrollPaused === 'yes') return;
        step += 1;
        window.scrollBy(0, step % 2 === 0 ? 40 : -40);
        for (const box of document.querySelectorAll<HTMLElement>('[role="region"]')) {
          box.scrollLeft += step % 2 === 0 ? 30 : -30;
        }
      }, 15);
    });
    const typed: { indicator: string; year: string; digits: string }[] = [];
    for (const [row, indicator] of indicators.entries()) {
      for (const [column, year] of years.entries()) {
        const digits = String(1_000_000 + row * 100_000 + column * 11_111 + 7);
        await page.evaluate(() => (document.body.dataset.scrollPaused = 'yes'));
        await appendix.cell(indicator, year).click();
        await page.evaluate(() => (document.body.dataset.scrollPaused = 'no'));
        await page.keyboard.type(digits, { delay: 20 });
        typed.push({ indicator, year, digits });
      }
    }
    // No pause: straight to a reload.
    await page.reload();
    await expect(wizard.heading('Phụ lục 1. Tập hợp thanh niên')).toBeVisible();
    for (const { indicator, year, digits } of typed) {
      await expect(appendix.cell(indicator, year)).toHaveValue(
        Number(digits).toLocaleString('de-DE'),
      );
    }
  });

  test('asks before leaving while a change is not saved, and the list keeps the warning', async ({
    page,
    list,
    wizard,
  }) => {
    await installFailingWrites(page);
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    await setFailingWrites(page, true);
    const text = 'Chưa lưu được vào máy.';
    await wizard.field(RESULTS).fill(text);
    await expect(wizard.saveAlert).toContainText('Bộ nhớ của máy đã đầy');
    // Never "Đã lưu" before IndexedDB has it.
    await expect(page.getByText(/Đã lưu lúc/)).toHaveCount(0);

    // A reload is asked about; staying keeps the text on screen. Staying cancels the
    // reload, so page.reload() never ends: the question is what the test waits for.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    const question = page.waitForEvent('dialog', { timeout: 5_000 });
    void page.reload({ timeout: 5_000 }).catch(() => undefined);
    await question;
    expect(asked).toContain('beforeunload');
    await expect(wizard.field(RESULTS)).toHaveValue(text);

    // Back on the list, the failing save still shows.
    await wizard.backToList.click();
    const warning = page.getByRole('alert').filter({ hasText: 'Chưa lưu được thay đổi' });
    await expect(warning).toContainText('Báo cáo sơ kết');
    await expectAxeClean(page, 'the report list with a save warning');
    await setFailingWrites(page, false);
    // Opening the report again stores what the journal kept.
    await warning.getByRole('link', { name: 'Mở báo cáo' }).click();
    await wizard.waitUntilSaved();
    expect(await storedAnswer(page, reportId, 'direction-results')).toBe(text);
    await wizard.backToList.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được thay đổi' })).toHaveCount(
      0,
    );
  });
});
