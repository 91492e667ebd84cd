// "Xuất Word" with no network: the Word chunk comes from the precache, the file is named
// like the PDF with .docx, and it holds the typed text and the draft mark.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { readZip } from '../unit/zip';
import { expect, test } from './support/fixtures';
import { AppShell } from './pages/app-shell';

const II_1 = 'II.1. Công tác chỉ đạo triển khai Nghị quyết';
const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const RESULTS =
  'Ban Thường vụ Huyện Đoàn đã tổ chức quán triệt Nghị quyết đến 100% chi đoàn trực thuộc.';

async function exportWord(page: Page): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Word', exact: true }).click();
  return downloading;
}

// The text of word/document.xml, runs joined.
async function documentText(download: Download): Promise<string> {
  const files = readZip(await readFile(await download.path()));
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

test.describe('the Word export', () => {
  test('exports a draft Word copy with the typed text while offline', async ({
    context,
    page,
    list,
    wizard,
  }) => {
    const shell = new AppShell(page);
    await list.goto();
    await shell.reloadUntilControlled();
    await context.setOffline(true);
    await page.reload();
    await expect(shell.offline).toBeVisible();

    const reportId = await list.createReport();
    await wizard.field('Họ và tên người ký').fill('Nguyễn Văn An');
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(RESULTS);
    await wizard.waitUntilSaved();

    await wizard.openFromToc('Xem lại báo cáo', 'Xem lại báo cáo');
    const download = await exportWord(page);
    expect(download.suggestedFilename()).toBe('BC-so-ket-NQ01-huyen-doan-hong-dan-2024-05-10.docx');
    const text = await documentText(download);
    expect(text).toContain('BCH ĐOÀN HUYỆN HỒNG DÂN');
    expect(text).toContain(RESULTS);
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('DỰ THẢO');
    const status = page.getByRole('status');
    await expect(
      status.filter({ hasText: `Đã tải về ${download.suggestedFilename()}.` }),
    ).toBeVisible();
    await expect(
      status.filter({ hasText: 'Báo cáo còn thiếu hoặc có lỗi nên được xuất dưới dạng DỰ THẢO.' }),
    ).toBeVisible();
  });

  test('exports from the report menu in the list', async ({ page, list }) => {
    await list.goto();
    await list.createReport();
    await list.goto();
    await list.menu(NAME).click();
    const download = await exportWord(page);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(await documentText(download)).toContain('ĐOÀN TNCS HỒ CHÍ MINH');
    await expect(list.card(NAME).getByRole('status')).toContainText(
      `Đã tải về ${download.suggestedFilename()}.`,
    );
  });
});
