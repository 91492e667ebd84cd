// Managing reports from the list: rename, duplicate, trash and restore, export to a
// file, and a damaged record that must not break anything.
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { putRawReport, storedAnswer } from './support/idb';

const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const RESULTS = 'Đã tổ chức 12 lớp tập huấn nghiệp vụ cho cán bộ Đoàn cơ sở.';

async function downloadedJson(download: Download): Promise<unknown> {
  const path = await download.path();
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

test.describe('the report list', () => {
  test('renames a report', async ({ page, list }) => {
    await list.goto();
    await list.createReport();
    await list.goto();
    await expect(list.card(NAME)).toBeVisible();

    await list.rename(NAME, 'Sơ kết NQ01 – bản gửi Tỉnh Đoàn');
    await expect(list.card('Sơ kết NQ01 – bản gửi Tỉnh Đoàn')).toBeVisible();
    await expect(list.card(NAME)).toHaveCount(0);

    await page.reload();
    await expect(list.card('Sơ kết NQ01 – bản gửi Tỉnh Đoàn')).toBeVisible();
  });

  test('duplicates a report with its answers', async ({ page, list, wizard }) => {
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(RESULTS);

    await list.goto();
    await list.duplicate(NAME);
    const copy = `${NAME} (bản sao)`;
    await expect(list.notice(`Đã tạo bản sao “${copy}”.`)).toBeVisible();
    await expect(list.card(copy)).toBeVisible();
    await expect(list.card(NAME)).toBeVisible();

    await list.reportLink(copy).click();
    await expect(page.getByText(copy, { exact: true })).toBeVisible();
    await wizard.openFromToc('II.1. Công tác chỉ đạo', II_1);
    await expect(wizard.field('Kết quả đạt được')).toHaveValue(RESULTS);
    await expect(wizard.field('Cơ quan ban hành')).toHaveCount(0);
  });

  test('moves a report to the trash with undo, and restores it from the trash', async ({
    list,
  }) => {
    await list.goto();
    await list.createReport();
    await list.goto();

    await list.delete(NAME);
    await expect(list.notice(`Đã chuyển “${NAME}” vào thùng rác.`)).toBeVisible();
    await expect(list.card(NAME)).toHaveCount(0);
    await list.undoButton.click();
    await expect(list.card(NAME)).toBeVisible();
    await expect(list.notice(`Đã khôi phục “${NAME}”.`)).toBeVisible();
    await expect(list.trashToggle(1)).toHaveCount(0);

    await list.delete(NAME);
    await expect(list.card(NAME)).toHaveCount(0);
    await list.restoreFromTrash(NAME, 1);
    await expect(list.card(NAME)).toBeVisible();
    await expect(list.notice(`Đã khôi phục “${NAME}”.`)).toBeVisible();
    await expect(list.trashToggle(1)).toHaveCount(0);
  });

  test('exports a report file with the typed answer', async ({ page, list, wizard }) => {
    await list.goto();
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(RESULTS);

    await list.goto();
    const download = await list.exportJson(NAME);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = (await downloadedJson(download)) as {
      format: string;
      version: number;
      report: { id: string; name: string };
      answers: Record<string, unknown>;
    };
    expect(file.format).toBe('so-ket/report');
    expect(file.version).toBe(2);
    expect(file.report).toMatchObject({ id: reportId, name: NAME });
    expect(file.answers['direction-results']).toBe(RESULTS);
    await expect(list.notice('Đã tải tệp báo cáo về máy.')).toBeVisible();
  });

  test('lists a damaged record under Dữ liệu bị hỏng without breaking the list', async ({
    page,
    list,
  }) => {
    await list.goto();
    await list.createReport();
    await list.goto();
    await putRawReport(page, { id: 'broken', name: 5 });
    await page.reload();

    await expect(list.card(NAME)).toBeVisible();
    await expect(list.damaged).toBeVisible();
    await expect(list.damaged.getByText('broken', { exact: true })).toBeVisible();
    const exportRaw = list.damaged.getByRole('button', { name: 'Xuất dữ liệu gốc' });
    await expect(exportRaw).toHaveCount(1);

    const downloading = page.waitForEvent('download');
    await exportRaw.click();
    const download = await downloading;
    expect(await downloadedJson(download)).toMatchObject({
      report: { id: 'broken', name: 5 },
      answers: [],
    });

    await list.reportLink(NAME).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Thông tin văn bản' })).toBeVisible();
  });
});
