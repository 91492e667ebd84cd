// Tải từ máy chủ: seven units submit to the real server on loopback (through its API, as
// the app's sync engine does), one of them twice; the office, with the admin code set in
// Cài đặt (checked there: a unit's code or a wrong one is not saved), reads every
// revision into Tiếp nhận. No network gets its line and changes nothing; a second download adds nothing; a report file already dropped is
// recognised as the same version; the correction is accepted and consolidated.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { buildReportFile, type ReportFile } from '@/domain/report/report-schema';
import { templateUnits } from '@/domain/rollup/units';
import { defaultTemplate } from '@/templates/template-registry';
import {
  MODEL_PHOTOS,
  MODELS,
  modelItems,
  modelsReport,
  photoFile,
} from '../fixtures/models-report';
import { unitReportFile } from '../fixtures/province-reports';
import { simpleCell } from '../fixtures/rollup-units';
import { readZip } from '../unit/zip';
import { expectAxeClean } from './support/axe';
import { readPdf } from './support/pdf';
import { expect, test } from './support/sync-test';

const units = templateUnits(defaultTemplate);

async function submit(url: string, code: string, file: ReportFile): Promise<void> {
  const response = await fetch(
    `${url}/api/reports/${file.report.id}/revisions/${file.report.revision}`,
    {
      method: 'PUT',
      headers: { Authorization: `Bearer ${code}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(file),
    },
  );
  expect(response.status).toBe(201);
}

async function downloadBy(page: Page, button: string): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  return downloading;
}

// The text of a Word copy's word/document.xml, runs joined.
async function wordText(file: Download): Promise<string> {
  const xml = readZip(await readFile(await file.path()))
    .get('word/document.xml')
    ?.toString('utf8');
  return [...(xml ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

test('the office downloads every revision from the server, accepts and consolidates', async ({
  page,
  context,
  api,
}) => {
  test.setTimeout(90_000);
  const { store } = api.server;
  const adminCode = store.addUnit('Ban Tổ chức Tỉnh Đoàn', true).code;
  const codes = units.map((unit) => store.addUnit(unit.name, false).code);
  const files = units.map((unit, index) => unitReportFile(unit, index, { revision: 1 }));
  for (const [index, file] of files.entries()) await submit(api.url, codes[index]!, file);
  // Vĩnh Lợi (index 1) corrects one figure: youth-total 2009 200 → 250.
  const correction = unitReportFile(units[1]!, 1, {
    revision: 2,
    cell: (u, id, y) => (id === 'youth-total' && y === 0 ? 250 : simpleCell(u, id, y)),
  });
  await submit(api.url, codes[1]!, correction);
  // The first unit's first revision also came by mail, as its report file.
  const dir = mkdtempSync(join(tmpdir(), 'so-ket-province-server-'));
  const mailed = join(dir, 'bao-cao.json');
  writeFileSync(mailed, JSON.stringify(files[0]));

  await page.goto(`${api.url}/#/tinh/tiep-nhan`);
  await expect(page.getByRole('heading', { name: 'Tiếp nhận báo cáo' })).toBeVisible();
  await page.getByLabel('Ngày nhận email (cho tệp nhận qua email)').fill('2013-09-07');
  await page.getByLabel('Chọn tệp').setInputFiles(mailed);
  await expect(page.getByText('Đã nhận 1 bản mới, 0 bản trùng, 0 tệp không nhận.')).toBeVisible();

  // No admin code yet: Tải từ máy chủ sends the office to Cài đặt.
  await page.getByRole('link', { name: 'Nhập mã quản trị trong Cài đặt' }).click();
  const code = page.getByLabel('Mã quản trị máy chủ');
  const saveCode = page.getByRole('button', { name: 'Lưu mã quản trị' });
  // A unit's code is not an admin code, and a wrong one is refused: neither is saved.
  await code.fill(codes[2]!);
  await saveCode.click();
  await expect(
    page.getByText('Đây là mã của một đơn vị, không phải mã quản trị. Mã chưa được lưu.'),
  ).toBeVisible();
  await code.fill('ma-sai-hoan-toan');
  await saveCode.click();
  await expect(
    page.getByText('Máy chủ không nhận mã này: mã sai. Mã chưa được lưu.'),
  ).toBeVisible();
  await expectAxeClean(page, 'Cài đặt with a refused admin code');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${api.url}/#/tinh/tiep-nhan`);
  await expect(page.getByRole('link', { name: 'Nhập mã quản trị trong Cài đặt' })).toBeVisible();
  await page.goto(`${api.url}/#/cai-dat`);
  await code.fill(adminCode);
  await saveCode.click();
  await expect(
    page.getByText('Đã lưu mã quản trị. Mã đúng: dùng được để tải từ máy chủ.'),
  ).toBeVisible();
  await page.goto(`${api.url}/#/tinh/tiep-nhan`);
  const download = page.getByRole('button', { name: 'Tải từ máy chủ' });
  await context.setOffline(true);
  await download.click();
  await expect(page.getByText(/^Không tải được từ máy chủ/)).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await expect(page.getByText('Đã nhận 1/7 đơn vị')).toBeVisible();

  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await download.click();
  await expect(page.getByText('Đã nhận 7 bản mới, 1 bản trùng, 0 tệp không nhận.')).toBeVisible();
  await expect(page.getByText(/Máy chủ, lần nộp 2.*Bản sửa của Huyện Đoàn Vĩnh Lợi/)).toBeVisible();
  await download.click();
  await expect(page.getByText('Đã nhận 0 bản mới, 8 bản trùng, 0 tệp không nhận.')).toBeVisible();

  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await expect(page.getByText('Đã nhận 7/7 đơn vị')).toBeVisible();
  const mailedRow = page.getByRole('row', { name: new RegExp(units[0]!.name) });
  await expect(mailedRow).toContainText('07/09/2013, Tệp báo cáo, Máy chủ');
  await expect(page.getByRole('row', { name: /Huyện Đoàn Vĩnh Lợi/ })).toContainText(
    'Đã nộp bản sửa',
  );

  for (const [unit, version] of [
    [units[0]!, /lần sửa 1/],
    [units[1]!, /lần sửa 2/],
  ] as const) {
    await page.getByRole('link', { name: `Xem các bản của ${unit.name}` }).click();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: version }) })
      .getByRole('button', { name: 'Tiếp nhận bản này' })
      .click();
    await expect(page.getByText('Đang được tiếp nhận', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: '← Về bảng theo dõi' }).click();
  }
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText(/^Tổng hợp 2\/7 đơn vị — thiếu: /).first()).toBeVisible();
  // youth-total 2009: the first unit's 100 + Vĩnh Lợi's correction 250.
  const youth = page.getByRole('region', { name: 'Tập hợp thanh niên' });
  await youth
    .getByRole('row', { name: /Thanh niên từ 16 đến 30 tuổi/ })
    .getByRole('button', { name: '350' })
    .click();
  await expect(page.getByText('Huyện Đoàn Vĩnh Lợi: 250')).toBeVisible();

  // Xem báo cáo: a received version printed from the file itself, with the fingerprint
  // the unit's own PDF printed.
  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await page.getByRole('link', { name: `Xem các bản của ${units[0]!.name}` }).click();
  const title = await page.getByRole('heading', { name: /^Bản mã / }).textContent();
  const fingerprint = /mã ([0-9a-f]{8})/.exec(title ?? '')![1]!;
  await page.getByRole('link', { name: 'Xem báo cáo' }).click();
  const pdf = await readPdf(await downloadBy(page, 'Xuất PDF'));
  expect(pdf.text).toContain(`của Ban Thường vụ ${units[0]!.name}`);
  expect(pdf.text).toContain(`Mã dữ liệu: ${fingerprint}`);
  expect(await wordText(await downloadBy(page, 'Xuất Word'))).toContain('Nguyễn Văn An');

  // A report file with photos (one good model, two photos): shown and printed from the file.
  const { report, answers } = modelsReport();
  const withPhotos = join(dir, 'mo-hinh.json');
  writeFileSync(
    withPhotos,
    JSON.stringify(
      buildReportFile(
        report,
        { ...answers, models: modelItems().slice(0, 1), materials: [] },
        '2013-09-06T02:00:00.000Z',
        MODEL_PHOTOS.slice(0, 2).map(photoFile),
      ),
    ),
  );
  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await page.getByLabel('Chọn tệp').setInputFiles(withPhotos);
  await expect(page.getByText('Đã nhận 1 bản mới, 0 bản trùng, 0 tệp không nhận.')).toBeVisible();
  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await page.getByRole('link', { name: `Xem các bản của ${report.unit.name}` }).click();
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /lần sửa 120/ }) })
    .getByRole('link', { name: 'Xem báo cáo' })
    .click();
  await page.getByRole('link', { name: /^Xem báo cáo mô hình/ }).click();
  const photo = page.getByRole('img', { name: MODELS[0]!.captions[0]! });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const models = await readPdf(await downloadBy(page, 'Xuất PDF báo cáo mô hình'));
  expect(models.text).toContain(MODELS[0]!.name);
});
