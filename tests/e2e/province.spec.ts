// The province office (#/tinh): seven units' report files dropped into Tiếp nhận while
// offline, the tracker against the deadline (one unit late by the entered date), a bad
// file refused with nothing changed, versions accepted, and the consolidation with its
// "Tổng hợp 6/7 đơn vị — thiếu: …" line and a traceable total.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportFile } from '@/domain/report/report-schema';
import { templateUnits } from '@/domain/rollup/units';
import { defaultTemplate } from '@/templates/template-registry';
import { appendixAnswers } from '../fixtures/rollup-units';
import { expect, test } from './support/fixtures';

const units = templateUnits(defaultTemplate);
const NOW = '2013-09-05T03:00:00.000Z';

function writeReports(dir: string): string[] {
  return units.map((unit, index) => {
    const file = buildReportFile(
      {
        id: `report-${unit.key}`,
        name: `Báo cáo sơ kết NQ01 – ${unit.name}`,
        unit: { id: unit.key, name: unit.name },
        templateId: defaultTemplate.id,
        templateVersion: defaultTemplate.version,
        createdAt: NOW,
        updatedAt: NOW,
        revision: 3,
      },
      { 'signer-name': 'Nguyễn Văn An', ...appendixAnswers(defaultTemplate, index) },
      NOW,
    );
    const path = join(dir, `bao-cao-${unit.key}.json`);
    writeFileSync(path, JSON.stringify(file));
    return path;
  });
}

test('the office receives seven report files offline, tracks, accepts and consolidates', async ({
  page,
  context,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'so-ket-province-'));
  const files = writeReports(dir);
  const foreign = join(dir, 'khac.json');
  writeFileSync(foreign, JSON.stringify({ format: 'other', version: 1 }));

  await page.goto('/#/cai-dat');
  await page.getByRole('link', { name: 'Mở trang Tỉnh Đoàn' }).click();
  await expect(
    page.getByRole('heading', { name: 'Tỉnh Đoàn — tiếp nhận và tổng hợp' }),
  ).toBeVisible();
  await expect(page.getByText('Đã nhận 0/7 đơn vị')).toBeVisible();
  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Tiếp nhận báo cáo' })).toBeVisible();
  await context.setOffline(true);

  const date = page.getByLabel('Ngày nhận email (cho tệp nhận qua email)');
  await date.fill('2013-09-07');
  await page.getByLabel('Chọn tệp').setInputFiles(files.slice(0, 6));
  await expect(page.getByText('Đã nhận 6 bản mới, 0 bản trùng, 0 tệp không nhận.')).toBeVisible();

  await date.fill('2013-09-11');
  await page.getByLabel('Chọn tệp').setInputFiles([files[6]!, files[0]!, foreign]);
  await expect(page.getByText('Đã nhận 1 bản mới, 1 bản trùng, 1 tệp không nhận.')).toBeVisible();
  await expect(page.getByText(/khac\.json.*không phải tệp báo cáo hay tệp sao lưu/)).toBeVisible();

  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await expect(page.getByText('Đã nhận 7/7 đơn vị')).toBeVisible();
  const late = page.getByRole('row', { name: /Huyện Đoàn Đông Hải/ });
  await expect(late).toContainText('Nộp muộn 3 ngày');
  await expect(late).toContainText('11/09/2013, Tệp báo cáo');
  await expect(page.getByRole('row', { name: /Thành Đoàn Bạc Liêu/ })).toContainText('Đúng hạn');

  for (const unit of units.slice(0, 6)) {
    await page.getByRole('link', { name: `Xem các bản của ${unit.name}` }).click();
    await page.getByRole('button', { name: 'Tiếp nhận bản này' }).click();
    await expect(page.getByText('Đang được tiếp nhận')).toBeVisible();
    await page.getByRole('link', { name: '← Về bảng theo dõi' }).click();
  }

  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(
    page.getByText('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải').first(),
  ).toBeVisible();
  // youth-total 2009: 100 × (1 + … + 6)
  const youth = page.getByRole('region', { name: 'Tập hợp thanh niên' });
  const total = youth.getByRole('row', { name: /Thanh niên từ 16 đến 30 tuổi/ });
  await total.getByRole('button', { name: '2.100' }).click();
  await expect(page.getByText('Huyện Đoàn Vĩnh Lợi: 200')).toBeVisible();

  // A version is read with the unit's own review page.
  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await page.getByRole('link', { name: 'Xem các bản của Thành Đoàn Bạc Liêu' }).click();
  await page.getByRole('link', { name: 'Xem báo cáo' }).click();
  await expect(page.getByText('Nguyễn Văn An').first()).toBeVisible();
  await context.setOffline(false);
});
