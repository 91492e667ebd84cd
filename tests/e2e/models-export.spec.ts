// The summary of good models exported in the browser, its photos drawn from IndexedDB:
// from its own review page (Xuất PDF, Xuất Word), and in "Gửi email" from the report's,
// where a report with a model sends the models report's PDF next to the review report,
// and its Word copy when the Word copy is ticked.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Download } from '@playwright/test';
import { readZip } from '../unit/zip';
import { EmailExport } from './pages/email-export';
import { expect, test } from './support/fixtures';
import { addPhotosToReport } from './support/photo-store';
import { mailtoLinks, readMailto, removeShare } from './support/share-stub';
import { appUrl } from './support/urls';

const run = promisify(execFile);
const PHOTOS = 3;
const MAIN_PDF = /^BC-so-ket-NQ01-huyen-doan-hong-dan-\d{4}-\d{2}-\d{2}\.pdf$/;
const MODELS_PDF = /^BC-mo-hinh-NQ01-huyen-doan-hong-dan-\d{4}-\d{2}-\d{2}\.pdf$/;
const MODELS_DOCX = /^BC-mo-hinh-NQ01-huyen-doan-hong-dan-\d{4}-\d{2}-\d{2}\.docx$/;

test('sends the models report with its photos next to the review report, PDF and Word', async ({
  page,
  list,
  wizard,
}) => {
  test.setTimeout(60_000);
  await removeShare(page);
  const email = new EmailExport(page);
  await list.goto();
  const reportId = await list.createReport();
  await list.goto();
  await addPhotosToReport(page, reportId, PHOTOS);
  await wizard.gotoReview(reportId);

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByRole('checkbox', { name: 'Kèm bản Word (.docx)', exact: true }).check();
  await email.send();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(4);
  const names = downloads.map((download) => download.suggestedFilename());
  expect(names[0]).toMatch(MAIN_PDF);
  expect(names[1]).toMatch(MODELS_PDF);
  expect(names[3]).toMatch(MODELS_DOCX);

  // The models PDF: its own document, with the model and every photo as stored.
  const modelsPdf = await downloads[1]!.path();
  const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', modelsPdf, '-']);
  const words = text.replace(/\s+/g, ' ');
  expect(words).toContain('1. Ngày thứ Bảy tình nguyện');
  expect(words).toContain('-BC/ĐTN');
  expect(words).toContain('Tổng hợp các mô hình hay, cách làm hiệu quả');
  const { stdout: listed } = await run('pdfimages', ['-list', modelsPdf]);
  const images = listed
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/));
  expect(images.map((cells) => `${cells[3]}×${cells[4]} ${cells[8]}`)).toEqual(
    Array(PHOTOS).fill('1200×900 jpeg'),
  );

  // Its Word copy carries the same photos.
  const docx = readZip(await readFile(await downloads[3]!.path()));
  expect([...docx.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(PHOTOS);

  // The mail lists the models files, named for what they are.
  await expect.poll(() => mailtoLinks(page)).toHaveLength(1);
  const [href] = await mailtoLinks(page);
  const body = readMailto(href!).body;
  for (const name of [names[1]!, names[3]!])
    expect(body).toContain(
      `- ${name} (Báo cáo tổng hợp các mô hình hay, cách làm hiệu quả, kèm danh mục ấn phẩm, tài liệu tuyên truyền)`,
    );
  expect(body).toContain(`- ${names[0]}\r\n`);
});

test('exports the models report as PDF and Word from its review page', async ({ page, list }) => {
  test.setTimeout(60_000);
  await list.goto();
  const reportId = await list.createReport();
  await list.goto();
  await addPhotosToReport(page, reportId, PHOTOS);
  await page.goto(appUrl(page, `/#/r/${encodeURIComponent(reportId)}/xem-lai/models`));
  const exports = page.getByRole('region', { name: 'Xuất báo cáo mô hình hay, cách làm hiệu quả' });

  const pdfDownload = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Xuất PDF báo cáo mô hình', exact: true }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(MODELS_PDF);
  await expect(exports.getByRole('status')).toContainText(`Đã tải về ${pdf.suggestedFilename()}.`);
  const { stdout: listed } = await run('pdfimages', ['-list', await pdf.path()]);
  expect(listed.split('\n').filter((line) => / jpeg /.test(line))).toHaveLength(PHOTOS);

  const docxDownload = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Xuất Word báo cáo mô hình', exact: true }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(MODELS_DOCX);
  const files = readZip(await readFile(await docx.path()));
  expect([...files.keys()].filter((name) => name.startsWith('word/media/'))).toHaveLength(PHOTOS);
});
