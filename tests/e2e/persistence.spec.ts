// Typed text survives the worst: the browser killed without warning, and two tabs
// writing the same report at once.
import { expect, test } from './support/fixtures';
import { storedAnswer } from './support/idb';
import { isGroupAlive, PersistentBrowser } from './support/persistent-browser';
import { ReportListPage } from './pages/report-list-page';
import { WizardPage } from './pages/wizard-page';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';

test.describe('persistence', () => {
  test('keeps typed text after the browser process group is killed', async ({ baseURL }) => {
    const chromium = await PersistentBrowser.launch();
    try {
      const page = await chromium.context.newPage();
      await page.goto(`${baseURL}/`);
      const list = new ReportListPage(page);
      const wizard = new WizardPage(page);
      const reportId = await list.createReport();
      await wizard.gotoStep(reportId, 'direction', II_1);

      const text = 'Ban Thường vụ đã ban hành kế hoạch thực hiện Nghị quyết năm 2009.';
      await wizard.field('Kết quả đạt được').pressSequentially(text);
      // The spec's promise: what was typed 1.5 s ago is on disk, whatever happens next.
      await page.waitForTimeout(1500);
      const pid = chromium.pid;
      await chromium.kill('SIGKILL');
      expect(isGroupAlive(pid)).toBe(false);

      await chromium.start();
      const again = await chromium.context.newPage();
      await again.goto(`${baseURL}/#/r/${reportId}/direction`);
      await expect(new WizardPage(again).field('Kết quả đạt được')).toHaveValue(text);
    } finally {
      await chromium.dispose();
    }
  });

  test('keeps the edits of two tabs that write different fields of one report', async ({
    context,
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    const other = await context.newPage();
    const otherWizard = new WizardPage(other);
    await otherWizard.gotoStep(reportId, 'direction', II_1);

    const results = 'Tab A: 100% chi đoàn đã quán triệt Nghị quyết.';
    const limitations = 'Tab B: một số chi đoàn ở ấp xa sinh hoạt chưa đều.';
    await wizard.field('Kết quả đạt được').fill(results);
    await otherWizard.field('Hạn chế, tồn tại').fill(limitations);
    await wizard.waitUntilSaved();
    await otherWizard.waitUntilSaved();
    await wizard.field('Kết quả đạt được').press('End');
    await wizard.field('Kết quả đạt được').pressSequentially(' Xong.');
    await expect
      .poll(() => storedAnswer(page, reportId, 'direction-results'))
      .toBe(`${results} Xong.`);
    await expect
      .poll(() => storedAnswer(other, reportId, 'direction-limitations'))
      .toBe(limitations);

    for (const tab of [page, other]) {
      await tab.reload();
      const reloaded = new WizardPage(tab);
      await expect(reloaded.field('Kết quả đạt được')).toHaveValue(`${results} Xong.`);
      await expect(reloaded.field('Hạn chế, tồn tại')).toHaveValue(limitations);
    }
  });
});
