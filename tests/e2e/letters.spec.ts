// Soạn công văn on a phone: from the office's tracker, the reminder to a unit that has
// sent nothing, numbered by hand, downloaded as PDF and read back with pdftotext; the
// screen axe clean at 360 px; the number is not given twice and the unit's page lists
// the letter.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';

test('drafts a reminder from the tracker and downloads it as PDF at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/#/tinh');
  await expect(page.getByText('Đã nhận 0/7 đơn vị')).toBeVisible();
  await page.getByRole('button', { name: 'Soạn công văn cho Huyện Đoàn Đông Hải' }).click();
  const composer = page.getByRole('region', {
    name: 'Công văn nhắc nộp báo cáo — Huyện Đoàn Đông Hải',
  });
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Kính gửi')).toHaveValue('Ban Thường vụ Huyện Đoàn Đông Hải');
  await composer.getByLabel('Số', { exact: true }).fill('27');
  await expectAxeClean(page, 'Soạn công văn, 360 px');

  const download = page.waitForEvent('download');
  await composer.getByRole('button', { name: 'Tải PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^CV-27-nhac-nop-huyen-doan-dong-hai-\d{4}-\d{2}-\d{2}\.pdf$/,
  );
  const path = join(mkdtempSync(join(tmpdir(), 'so-ket-letter-')), 'cong-van.pdf');
  await file.saveAs(path);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  expect(text).toContain('Số: 27-CV/TĐTN-BTC');
  expect(text).toContain('V/v nhắc nộp báo cáo sơ kết 5 năm thực hiện Nghị quyết 01-NQ/ĐTN');
  expect(text).toContain('Kính gửi: Ban Thường vụ Huyện Đoàn Đông Hải');
  expect(text).toContain('chưa nhận được báo cáo của Huyện Đoàn Đông Hải');
  await expect(composer.getByText('Đã tải tệp PDF của công văn.')).toBeVisible();

  // The register: number 27 is not given twice; the unit's page lists what was sent.
  await composer.getByRole('button', { name: 'Đóng' }).click();
  await page.getByRole('button', { name: 'Soạn công văn cho Huyện Đoàn Hồng Dân' }).click();
  const second = page.getByRole('region', {
    name: 'Công văn nhắc nộp báo cáo — Huyện Đoàn Hồng Dân',
  });
  await expect(second.getByLabel('Số', { exact: true })).toHaveValue('28');
  await second.getByLabel('Số', { exact: true }).fill('27');
  await second.getByRole('button', { name: 'Tải PDF' }).click();
  await expect(second.getByRole('alert')).toContainText(
    'Số 27 đã cấp cho công văn gửi Huyện Đoàn Đông Hải',
  );
  await page.goto('/#/tinh/don-vi/huyen-doan-dong-hai');
  await expect(page.getByRole('heading', { name: 'Công văn đã gửi đơn vị' })).toBeVisible();
  await expect(
    page.getByText(/^27-CV\/TĐTN-BTC, ngày \d{2}\/\d{1,2}\/\d{4}: nhắc nộp/),
  ).toBeVisible();
  await expectAxeClean(page, 'a unit’s page with its letters, 360 px');
});
