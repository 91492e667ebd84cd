// The province office (#/tinh): six units' PDFs (exported by the app itself from reports
// on the device, with Xuất PDF) and one report file dropped into Tiếp nhận while
// offline, the tracker against the deadline (one unit late by the entered date), a bad
// file refused with nothing changed, versions accepted, and the consolidation with its
// "Tổng hợp 6/7 đơn vị — thiếu: …" line, a traceable total and three units' own rows
// mapped into one summed row, exported as .xlsx and read back with LibreOffice; then
// the province's own report made from it, updated when a unit is accepted later.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorTableValue } from '@/domain/appendix/evaluate';
import { buildBackupFile } from '@/domain/report/backup';
import { templateUnits } from '@/domain/rollup/units';
import { defaultTemplate } from '@/templates/template-registry';
import { photoFile } from '../fixtures/models-report';
import { unitReportFile } from '../fixtures/province-reports';
import { xlsxSheetsAsCsv } from '../support/xlsx-csv';
import { AppShell } from './pages/app-shell';
import { DataSettingsPage } from './pages/data-settings-page';
import { ReviewPage } from './pages/review-page';
import { expectAxeClean } from './support/axe';
import { expect, test } from './support/fixtures';

const units = templateUnits(defaultTemplate);

// Three units add the same figure of their own, each writing its label differently.
const VOLUNTEERS = [
  { label: 'Số thanh niên tham gia tình nguyện hè', value: 120 },
  { label: 'Số TN tham gia tình nguyện hè', value: 80 },
  { label: 'Thanh niên tình nguyện hè', value: 45 },
];

// What two units wrote on their members (II.2.2), for "Các đơn vị viết".
const MEMBERS_TEXT: Record<number, string> = {
  1: 'Kết nạp 1.250 đoàn viên mới, chú trọng thanh niên công nhân.\n- Tổ chức 45 lớp tìm hiểu về Đoàn.',
  4: 'Đoàn viên tích cực tham gia phong trào thanh niên tình nguyện.',
};

// A good model of two units, each with a photo: Vĩnh Lợi's reaches the office in its PDF
// (the photo listed without its bytes), Đông Hải's in its report file (with them).
const GOOD_MODELS: Record<number, { name: string; place: string; runBy: string; result: string }> =
  {
    1: {
      name: 'Ngày Chủ nhật xanh',
      place: 'Xã Châu Hưng A, từ tháng 4/2010',
      runBy: 'Đoàn xã Châu Hưng A',
      result: 'Sau 3 năm, 1.240 lượt đoàn viên ra quân, trồng 2.600 cây xanh.',
    },
    6: {
      name: 'Tổ hợp tác thanh niên nuôi tôm quảng canh',
      place: 'Xã Long Điền Đông, từ tháng 2/2011',
      runBy: 'Chi đoàn ấp Cây Thẻ',
      result: '18 thanh niên tham gia, thu nhập bình quân 45 triệu đồng/người/năm.',
    },
  };

function unitFile(index: number) {
  const file = unitReportFile(units[index]!, index);
  if (MEMBERS_TEXT[index]) file.answers['members-results'] = MEMBERS_TEXT[index];
  const model = GOOD_MODELS[index];
  if (model) {
    const photo = photoFile({ id: `anh-${index}`, width: 320, height: 240, seed: 40 + index });
    file.photos = [photo];
    file.answers.models = [
      {
        id: `mo-hinh-${index}`,
        values: {
          name: model.name,
          'where-since': model.place,
          'run-by': model.runBy,
          results: model.result,
          photos: [{ photoId: photo.id, caption: `Ảnh: ${model.name}` }],
        },
      },
    ];
  }
  const own = VOLUNTEERS[index];
  if (own) {
    const youth = file.answers['youth-table'] as IndicatorTableValue;
    youth.custom = [{ id: 'tn-he', label: own.label, kind: 'count' }];
    youth.cells['tn-he'] = { '2013': own.value };
  }
  return file;
}

// The units whose PDFs the app itself exports (Xuất PDF, in Chromium) from their reports
// restored on the device; the seventh unit's report comes as a .json.
const MADE_IN_APP = 6;

// Each unit's report file; the first six in one backup to restore into the app, the
// seventh as a .json only.
function writeReports(dir: string): { backup: string; json: string } {
  const files = units.map((_, index) => unitFile(index));
  const paths = units.map((unit, index) => {
    const path = join(dir, `bao-cao-${unit.key}.json`);
    writeFileSync(path, JSON.stringify(files[index]));
    return path;
  });
  const backup = join(dir, 'sao-luu.json');
  writeFileSync(
    backup,
    JSON.stringify(buildBackupFile(files.slice(0, MADE_IN_APP), files[0]!.exportedAt)),
  );
  return { backup, json: paths[MADE_IN_APP]! };
}

test('the office receives seven reports offline, tracks, accepts and consolidates', async ({
  page,
  context,
}) => {
  // Rendering six PDFs and LibreOffice opening the .xlsx take a while on a busy machine.
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'so-ket-province-'));
  const { backup, json } = writeReports(dir);
  const foreign = join(dir, 'khac.json');
  writeFileSync(foreign, JSON.stringify({ format: 'other', version: 1 }));

  // Installed first, so the office's chunks (the PDF reader included) work offline.
  const shell = new AppShell(page);
  await page.goto('/#/cai-dat');
  await shell.reloadUntilControlled();
  // Six units' reports on this device (restored from a backup), each exported with the
  // app's own Xuất PDF: the PDFs a unit emails.
  const settings = new DataSettingsPage(page);
  await settings.chooseFile(backup);
  await expect(settings.status(`${MADE_IN_APP} báo cáo mới`)).toBeVisible();
  await settings.restoreButton.click();
  await expect(settings.status(`Đã khôi phục: ${MADE_IN_APP} báo cáo mới`)).toBeVisible();
  const pdfs: string[] = [];
  for (const unit of units.slice(0, MADE_IN_APP)) {
    await page.goto(`/#/r/report-${unit.key}/xem-lai`);
    const pdf = join(dir, `app-${unit.key}.pdf`);
    await (await new ReviewPage(page).exportPdf()).saveAs(pdf);
    pdfs.push(pdf);
  }
  // Re-made from its pages by another program (qpdf): the embedded file is gone.
  const resaved = join(dir, 'in-lai.pdf');
  execFileSync('qpdf', ['--empty', '--pages', pdfs[0]!, '--', resaved]);
  await page.goto('/#/cai-dat');
  await page.getByRole('link', { name: 'Mở trang Tỉnh Đoàn' }).click();
  await expect(
    page.getByRole('heading', { name: 'Tỉnh Đoàn — tiếp nhận và tổng hợp' }),
  ).toBeVisible();
  await expect(page.getByText('Đã nhận 0/7 đơn vị')).toBeVisible();
  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await expect(page.getByRole('heading', { name: 'Tiếp nhận báo cáo' })).toBeVisible();
  // More than 1,000 files at once: refused as a whole, none of them read.
  await page.getByLabel('Chọn tệp').setInputFiles(
    Array.from({ length: 1001 }, (_, i) => ({
      name: `tep-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from('{}'),
    })),
  );
  await expect(
    page.getByText(
      'Mỗi lần chỉ nhận tối đa 1.000 tệp. Hãy chia nhỏ rồi thả lại. Không có gì thay đổi.',
    ),
  ).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(shell.offline).toBeVisible();

  const date = page.getByLabel('Ngày nhận email (cho tệp nhận qua email)');
  await date.fill('2013-09-07');
  await page.getByLabel('Chọn tệp').setInputFiles(pdfs);
  await expect(page.getByText('Đã nhận 6 bản mới, 0 bản trùng, 0 tệp không nhận.')).toBeVisible({
    timeout: 30_000,
  });

  await date.fill('2013-09-11');
  await page.getByLabel('Chọn tệp').setInputFiles([json, pdfs[0]!, resaved, foreign]);
  await expect(page.getByText('Đã nhận 1 bản mới, 1 bản trùng, 2 tệp không nhận.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByText(/in-lai\.pdf.*Tệp PDF này không còn dữ liệu máy đọc được/),
  ).toBeVisible();
  await expect(page.getByText(/khac\.json.*không phải tệp báo cáo hay tệp sao lưu/)).toBeVisible();
  await expectAxeClean(page, 'Tiếp nhận with accepted and refused files');

  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await expect(page.getByText('Đã nhận 7/7 đơn vị')).toBeVisible();
  const late = page.getByRole('row', { name: /Huyện Đoàn Đông Hải/ });
  await expect(late).toContainText('Nộp muộn 3 ngày');
  await expect(late).toContainText('11/09/2013, Tệp báo cáo');
  const onTime = page.getByRole('row', { name: /Thành Đoàn Bạc Liêu/ });
  await expect(onTime).toContainText('Đúng hạn');
  await expect(onTime).toContainText('07/09/2013, PDF qua email');
  await expectAxeClean(page, 'Theo dõi');

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
  await expect(page.getByText('Huyện Đoàn Vĩnh Lợi: 200', { exact: true })).toBeVisible();

  // The three units' own rows are listed per unit until the office maps them together.
  const section = page.locator('.rollup-table', { has: youth });
  for (const [index, own] of VOLUNTEERS.entries())
    await section
      .getByRole('checkbox', { name: `Chọn hàng “${own.label}” của ${units[index]!.name}` })
      .check();
  await section.getByLabel('Tên hàng gộp (dùng cho toàn tỉnh)').fill('Thanh niên tình nguyện hè');
  await section.getByRole('button', { name: 'Gộp các hàng đã chọn' }).click();
  await expect(
    section.getByText('Đã gộp 3 hàng vào “Thanh niên tình nguyện hè”.', { exact: false }),
  ).toBeVisible();
  const mappedRow = youth.getByRole('row', { name: /gộp chỉ tiêu khác của 3 đơn vị/ });
  await mappedRow.getByRole('button', { name: '245' }).click();
  await expect(page.getByText(`${units[1]!.name}: 80`, { exact: true })).toBeVisible();
  await expect(mappedRow.getByRole('button', { name: 'chưa đủ' }).first()).toBeVisible();
  await expectAxeClean(page, 'Tổng hợp with rows mapped together and a total traced');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const saved = join(dir, 'tong-hop.xlsx');
  await (await download).saveAs(saved);
  // LibreOffice reads it back while the office goes on; its sheets are checked at the end.
  const reading = xlsxSheetsAsCsv(dir, 'tong-hop', readFileSync(saved));
  void reading.catch(() => undefined);

  // A version is read with the unit's own review page.
  await page.getByRole('link', { name: 'Theo dõi' }).click();
  await page.getByRole('link', { name: 'Xem các bản của Thành Đoàn Bạc Liêu' }).click();
  await page.getByRole('link', { name: 'Xem báo cáo' }).click();
  await expect(page.getByText('Nguyễn Văn An').first()).toBeVisible();
  await expectAxeClean(page, 'Xem báo cáo of a received version');

  // The province's own report, from what was accepted: its appendix is the consolidation
  // frozen (6/7, Đông Hải missing); Đông Hải accepted later raises the notice, the update
  // shows what changes and replaces the appendix. Both PDFs read back with pdftotext.
  await page.getByRole('link', { name: 'Báo cáo của Tỉnh' }).click();
  await expect(
    page.getByText('Số liệu tổng hợp hiện tại: Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Tạo báo cáo của Tỉnh Đoàn' }).click();
  await expect(page.getByLabel('Cơ quan ban hành')).toHaveValue('BCH TỈNH BẠC LIÊU');
  await page.getByLabel('Họ và tên người ký').fill('Lê Văn Bình');
  const reportHash = new URL(page.url()).hash.split('/').slice(0, 3).join('/');
  // Các đơn vị viết, beside the members' narrative: searched, a passage inserted with its
  // unit's name, and the sentence the totals give inserted when tapped.
  await page.evaluate((hash) => (window.location.hash = hash), `${reportHash}/members`);
  const written = page.getByRole('region', { name: 'Các đơn vị viết' }).first();
  const results = page.getByLabel('Kết quả đạt được');
  await expect(written.getByText('Không viết mục này:', { exact: false })).toBeVisible();
  await written.getByLabel('Tìm trong bài của các đơn vị').fill('lop tim hieu');
  await written
    .getByRole('button', { name: 'Kèm tên đơn vị, đoạn 1 của Huyện Đoàn Vĩnh Lợi' })
    .click();
  await expect(results).toHaveValue('- Huyện Đoàn Vĩnh Lợi: Tổ chức 45 lớp tìm hiểu về Đoàn.');
  // 6 units: 2009 10 + 20 + … + 60 = 210; 2013 each + 4: 234.
  const sentence = 'Toàn tỉnh có 234 đoàn viên, tăng 11,4 % so với năm 2009.';
  await written.getByRole('button', { name: `Chèn câu gợi ý: ${sentence}` }).click();
  await expect(results).toHaveValue(
    `- Huyện Đoàn Vĩnh Lợi: Tổ chức 45 lớp tìm hiểu về Đoàn.\n${sentence}`,
  );
  await expectAxeClean(page, 'A narrative step of the province report with Các đơn vị viết');
  const provincePdf = async (name: string) => {
    await page.evaluate((hash) => (window.location.hash = hash), `${reportHash}/xem-lai`);
    const path = join(dir, name);
    await (await new ReviewPage(page).exportPdf()).saveAs(path);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  };
  const first = await provincePdf('tinh-1.pdf');
  for (const line of [
    'ĐOÀN TNCS HỒ CHÍ MINH',
    'BCH TỈNH BẠC LIÊU',
    '- Ban Bí thư TW Đoàn;',
    '- Lưu BTC, VP.',
    'TM. BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ THƯỜNG TRỰC',
    'Lê Văn Bình',
    'Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải',
    'Thanh niên tình nguyện hè',
    'Huyện Đoàn Vĩnh Lợi: Tổ chức 45 lớp tìm hiểu về Đoàn.',
    'Biểu đồ 1. Tổng số đoàn viên',
  ])
    expect(first).toContain(line);

  await page.evaluate(() => (window.location.hash = '#/tinh'));
  await page.getByRole('link', { name: 'Xem các bản của Huyện Đoàn Đông Hải' }).click();
  await page.getByRole('button', { name: 'Tiếp nhận bản này' }).click();
  await expect(page.getByText('Đang được tiếp nhận')).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), reportHash);
  await expect(page.getByText('Số liệu tổng hợp đã thay đổi')).toBeVisible();
  await page.getByRole('link', { name: 'Xem thay đổi và cập nhật' }).click();
  const changes = page.getByRole('region', { name: 'Số liệu tổng hợp đã thay đổi' });
  await expect(changes).toContainText(
    'Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải → Tổng hợp 7/7 đơn vị',
  );
  await expect(changes).toContainText(/Huyện Đoàn Đông Hải: thêm bản mã [0-9a-f]{8}/);
  await changes.getByText(/^Xem \d+ ô số liệu thay đổi/).click();
  await expect(changes).toContainText(
    'Tập hợp thanh niên — Thanh niên từ 16 đến 30 tuổi trên địa bàn, năm 2009: 2.100 → 2.800',
  );
  // The comparison charts, previewed as they print (the default two), checked by axe with
  // the rest of the page.
  await expect(page.getByRole('img', { name: /^Biểu đồ 1\. Tổng số đoàn viên/ })).toBeVisible();
  await expectAxeClean(page, 'Báo cáo của Tỉnh with the consolidation changed');
  await changes.getByRole('button', { name: 'Cập nhật số liệu phụ lục' }).click();
  await expect(page.getByText('Đã cập nhật phụ lục theo số liệu tổng hợp hiện tại.')).toBeVisible();
  await expect(page.getByText('Phụ lục đúng với số liệu tổng hợp hiện tại.')).toBeVisible();
  // Another indicator for the second chart: kept with the report, printed in its PDF.
  await page
    .getByLabel('Biểu đồ 2', { exact: true })
    .selectOption({ label: 'Thanh niên từ 16 đến 30 tuổi trên địa bàn' });
  await expect(page.getByText('Đã lưu lựa chọn biểu đồ.')).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Biểu đồ 2\. Thanh niên từ 16 đến 30 tuổi/ }),
  ).toBeVisible();
  const updated = await provincePdf('tinh-2.pdf');
  expect(updated.replace(/\s+/g, ' ')).toContain(
    'Biểu đồ 2. Thanh niên từ 16 đến 30 tuổi trên địa bàn (số lượng)',
  );
  expect(updated).toContain('Tổng hợp 7/7 đơn vị');
  expect(updated).not.toContain('thiếu: Huyện Đoàn Đông Hải');
  expect(updated).toContain('2.800');

  // The province's good-models report: a model of Đông Hải (with its photo) and one of
  // Vĩnh Lợi (its photo not received) picked, the second pick of one refused, reordered
  // in the wizard, printed with the models report's PDF.
  await page.evaluate(() => (window.location.hash = '#/tinh/bao-cao'));
  await page
    .getByRole('link', { name: 'Chọn mô hình hay của các đơn vị cho báo cáo mô hình' })
    .click();
  const picker = page.getByRole('region', { name: 'Chọn mô hình hay của các đơn vị' });
  await picker.getByLabel('Tìm mô hình (tên, đơn vị, địa bàn, nội dung)').fill('tom quang canh');
  await expect(picker.getByRole('img', { name: `Ảnh: ${GOOD_MODELS[6]!.name}` })).toBeVisible();
  const pickButton = (index: number) =>
    picker.getByRole('button', {
      name: `Chọn vào báo cáo của Tỉnh: “${GOOD_MODELS[index]!.name}” của ${units[index]!.name}`,
    });
  await pickButton(6).click();
  await expect(picker.getByText(/^Đã chép mô hình .* \(mô hình 1\)\.$/)).toBeVisible();
  await picker.getByLabel('Tìm mô hình (tên, đơn vị, địa bàn, nội dung)').fill('');
  await pickButton(1).click();
  await expect(
    picker.getByText('1 ảnh chưa nhận nên chưa kèm theo.', { exact: false }),
  ).toBeVisible();
  await pickButton(1).click();
  await expect(picker.getByText('đã được chọn (mô hình 2', { exact: false })).toBeVisible();
  await expectAxeClean(page, 'Chọn mô hình hay của các đơn vị');
  await picker.getByRole('link', { name: 'Sắp xếp, sửa các mô hình' }).click();
  await page.getByRole('button', { name: `Đưa mô hình 2 “${GOOD_MODELS[1]!.name}” lên` }).click();
  await page.evaluate((hash) => (window.location.hash = hash), `${reportHash}/xem-lai/models`);
  const modelsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất PDF báo cáo mô hình', exact: true }).click();
  const modelsPath = join(dir, 'tinh-mo-hinh.pdf');
  await (await modelsDownload).saveAs(modelsPath);
  const modelsText = execFileSync('pdftotext', ['-enc', 'UTF-8', modelsPath, '-'], {
    encoding: 'utf8',
  });
  const at = (text: string) => modelsText.replace(/\s+/g, ' ').indexOf(text);
  expect(at(GOOD_MODELS[1]!.name)).toBeGreaterThan(0);
  expect(at(GOOD_MODELS[1]!.name)).toBeLessThan(at(GOOD_MODELS[6]!.name));
  expect(at('Huyện Đoàn Vĩnh Lợi – Đoàn xã Châu Hưng A')).toBeGreaterThan(0);
  expect(at('Huyện Đoàn Đông Hải – Chi đoàn ấp Cây Thẻ')).toBeGreaterThan(0);
  expect(at(`Ảnh: ${GOOD_MODELS[6]!.name}`)).toBeGreaterThan(0);

  // The .xlsx as LibreOffice read it.
  const sheets = await reading;
  const rollup = sheets.get('Tổng hợp')!;
  expect(rollup[1]![0]).toBe('Tổng hợp 6/7 đơn vị — thiếu: Huyện Đoàn Đông Hải');
  expect(
    rollup.find((r) => r[0] === 'Thanh niên từ 16 đến 30 tuổi trên địa bàn')!.slice(1, 3),
  ).toEqual(['2,100', '2,106']);
  expect(
    rollup.find((r) => r[0]!.startsWith('Thanh niên tình nguyện hè (gộp'))!.slice(1, 6),
  ).toEqual([
    ...Array(4).fill(
      `chưa đủ (${units
        .slice(0, 3)
        .map((u) => u.name)
        .join(', ')})`,
    ),
    '245',
  ]);
  const intake = sheets.get('Tiếp nhận')!;
  expect(intake.find((r) => r[0] === 'Huyện Đoàn Đông Hải')![1]).toBe('Nộp muộn 3 ngày');

  await context.setOffline(false);
});
