// A full disk: IndexedDB refuses every write. The typed text must stay on screen, the
// person must be told and offered a file, and saving must resume once there is room.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { installFailingWrites, setFailingWrites } from './support/failing-writes';
import { storedAnswer } from './support/idb';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';

test.describe('a full disk', () => {
  test.beforeEach(async ({ page }) => {
    await installFailingWrites(page);
  });

  test('keeps the text, offers an export and saves after Thử lại ngay', async ({
    page,
    list,
    wizard,
  }) => {
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    await setFailingWrites(page, true);

    const text = 'Nội dung chưa lưu được: 35 chi đoàn đạt vững mạnh.';
    await wizard.field('Kết quả đạt được').fill(text);
    await expect(wizard.saveAlert).toContainText('Bộ nhớ của máy đã đầy');
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(text);
    expect(await storedAnswer(page, reportId, 'direction-results')).toBeUndefined();

    const downloading = page.waitForEvent('download');
    await wizard.exportNowButton.click();
    const download = await downloading;
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      format: string;
      answers: Record<string, unknown>;
    };
    expect(file.format).toBe('so-ket/report');
    expect(file.answers['direction-results']).toBe(text);

    await setFailingWrites(page, false);
    await wizard.retryButton.click();
    await wizard.waitUntilSaved();
    await expect(wizard.saveAlert).toHaveCount(0);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(text);

    await page.reload();
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(text);
  });
});
