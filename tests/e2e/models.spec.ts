// The good models and effective practices: entries with photos taken through the real
// file input and processed by the real image pipeline, reordered, deleted with undo; the
// photos of a deleted entry leave IndexedDB once the undo window has passed; and the
// review of the models document, reached from the report's review.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { storedAnswer } from './support/idb';
import { photoIdsIn, storedPhotoIds } from './support/photo-store';
import {
  areDecoded,
  drawImage,
  MODELS_REVIEW_TITLE,
  MODELS_TITLE,
  ModelsPage,
} from './pages/models-page';
import { appUrl } from './support/urls';
import { clippedTextBoxes } from './support/whole-text';

const COWS = 'Nuôi bò sinh sản giúp đoàn viên lập nghiệp';
const LIGHTS = 'Thắp sáng đường quê';
const CAPTION = 'Chuồng trại của đoàn viên Nguyễn Văn Bình ở ấp Vĩnh Lộc, dựng bằng vốn vay ưu đãi';

type Entry = { id: string; values: Record<string, unknown> };

async function storedModels(page: Page, reportId: string) {
  return ((await storedAnswer(page, reportId, 'models')) ?? []) as Entry[];
}

test.describe('the good models', () => {
  test('are written with photos, reordered, deleted with undo and all there after a reload', async ({
    page,
    list,
    wizard,
  }) => {
    const models = new ModelsPage(page);
    await list.goto();
    const reportId = await list.createReport();
    await models.goto(reportId);
    const red = await drawImage(page, 'trao-bo.png', {
      width: 900,
      height: 600,
      color: '#b22222',
      type: 'image/png',
    });
    const green = await drawImage(page, 'chuong-trai.jpg', {
      width: 600,
      height: 800,
      color: '#228b22',
      type: 'image/jpeg',
    });
    const blue = await drawImage(page, 'den-duong.png', {
      width: 400,
      height: 300,
      color: '#1e3a8a',
      type: 'image/png',
    });

    // Two models, the first with two photos, the second with one.
    const cows = await models.add(COWS);
    await models.field(cows, 'Đơn vị, người thực hiện').fill('Chi đoàn ấp Vĩnh Lộc');
    await models
      .field(cows, 'Kết quả đạt được (có số liệu cụ thể)')
      .fill('12 đoàn viên thoát nghèo.');
    await models.choosePhotos(cows, [red, green]);
    await expect(models.thumbnails(cows)).toHaveCount(2);
    await expect.poll(() => areDecoded(models.thumbnails(cows))).toBe(true);
    await models.caption(cows, 2).fill(CAPTION);
    await models.button('Đưa ảnh 2 sang trái').click();
    await expect(models.caption(cows, 1)).toHaveValue(CAPTION);
    // A caption uses the width and wraps over several lines, here and on a phone.
    const captions = cows.getByRole('textbox', { name: /^Chú thích ảnh/ });
    expect(await clippedTextBoxes(captions), 'captions cut off').toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await clippedTextBoxes(captions), 'captions cut off on a phone').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    const lights = await models.add(LIGHTS);
    await models.choosePhotos(lights, [blue]);
    await expect(models.thumbnails(lights)).toHaveCount(1);
    await wizard.waitUntilSaved();
    const [cowsStored, lightsStored] = await storedModels(page, reportId);
    const cowPhotos = photoIdsIn(cowsStored?.values.photos);
    const lightPhotos = photoIdsIn(lightsStored?.values.photos);
    expect(cowPhotos).toHaveLength(2);
    expect(lightPhotos).toHaveLength(1);
    expect(await storedPhotoIds(page, reportId)).toEqual([...cowPhotos, ...lightPhotos].sort());

    // Reorder: the second model goes up.
    await models.button(`Đưa mô hình 2 “${LIGHTS}” lên`).click();
    await models.expectTitles([LIGHTS, COWS]);
    await expect
      .poll(async () => (await storedModels(page, reportId)).map((m) => m.values.name))
      .toEqual([LIGHTS, COWS]);

    // Delete and undo: it comes back in its place.
    await models.button(`Xóa mô hình 1 “${LIGHTS}”`).click();
    await models.expectTitles([COWS]);
    await expect(page.getByRole('status').filter({ hasText: 'Đã xóa mô hình' })).toContainText(
      `Đã xóa mô hình “${LIGHTS}”. Hoàn tác`,
    );
    await models.undoButton.click();
    await models.expectTitles([LIGHTS, COWS]);
    await expect
      .poll(async () => (await storedModels(page, reportId)).map((m) => m.values.name))
      .toEqual([LIGHTS, COWS]);

    // Delete again: the photo stays until the undo window has passed, then goes.
    await models.button(`Xóa mô hình 1 “${LIGHTS}”`).click();
    await expect
      .poll(async () => (await storedModels(page, reportId)).map((m) => m.values.name))
      .toEqual([COWS]);
    expect(await storedPhotoIds(page, reportId)).toContain(lightPhotos[0]);
    await page.clock.runFor(11_000);
    await expect(models.undoButton).toHaveCount(0);
    await expect.poll(() => storedPhotoIds(page, reportId)).toEqual(cowPhotos);

    // Everything is there after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: MODELS_TITLE })).toBeVisible();
    await models.expectTitles([COWS]);
    const reopened = models.entry(COWS);
    await expect(models.field(reopened, 'Đơn vị, người thực hiện')).toHaveValue(
      'Chi đoàn ấp Vĩnh Lộc',
    );
    await expect(models.caption(reopened, 1)).toHaveValue(CAPTION);
    await expect(models.caption(reopened, 2)).toHaveValue('');
    await expect(models.thumbnails(reopened)).toHaveCount(2);
    await expect.poll(() => areDecoded(models.thumbnails(reopened))).toBe(true);
  });

  test('are shown from the review as their own document, numbered, with their photos', async ({
    page,
    list,
    wizard,
    review,
  }) => {
    const models = new ModelsPage(page);
    await list.goto();
    const reportId = await list.createReport();
    await models.goto(reportId);
    const photo = await drawImage(page, 'mo-hinh.png', {
      width: 640,
      height: 480,
      color: '#8a2be2',
      type: 'image/png',
    });
    const cows = await models.add(COWS);
    await models.choosePhotos(cows, [photo]);
    await models.caption(cows, 1).fill('Trao bò giống cho đoàn viên');
    await models.add(LIGHTS);
    await wizard.waitUntilSaved();
    // A publication of the models report's appendix, its title still missing.
    await page.goto(appUrl(page, `/#/r/${reportId}/materials`));
    await page.getByRole('button', { name: 'Thêm ấn phẩm, tài liệu', exact: true }).click();
    await page.getByRole('textbox', { name: 'Số lượng', exact: true }).fill('1.200');
    await wizard.waitUntilSaved();

    // Each review lists its own document's issues: the report's body here, and beside
    // the link to the models report how much that one lacks...
    const materials = review.issueLink(
      'Ấn phẩm, tài liệu tuyên truyền',
      'Danh mục ấn phẩm, sản phẩm, tài liệu',
    );
    await wizard.gotoReview(reportId);
    await expect(review.issueLink('II.2.2. Đoàn viên', 'Kết quả đạt được')).toBeVisible();
    await expect(materials).toHaveCount(0);
    const toModels = page.getByRole('link', { name: 'Xem báo cáo mô hình hay, cách làm hiệu quả' });
    await expect(page.getByRole('listitem').filter({ has: toModels })).toHaveText(
      'Xem báo cáo mô hình hay, cách làm hiệu quả (còn 1 mục thiếu hoặc có lỗi)',
    );
    await toModels.click();
    await expect(page).toHaveURL(/#\/r\/[^/]+\/xem-lai\/models$/);
    await expect(page.getByRole('heading', { level: 2, name: MODELS_REVIEW_TITLE })).toBeFocused();

    // ...and the models report's there, with the header and closing fields it shares.
    await expect(materials).toBeVisible();
    await expect(review.issueLink('Thông tin văn bản', 'Họ và tên người ký')).toBeVisible();
    await expect(review.issueLink('II.2.2. Đoàn viên', 'Kết quả đạt được')).toHaveCount(0);

    // The models as numbered sections with their photos, the materials as a table.
    const document = review.document;
    await expect(
      document.getByText(/^Tổng hợp các mô hình hay, cách làm hiệu quả trong/),
    ).toBeVisible();
    await expect(document.getByRole('heading', { level: 4 })).toHaveText([
      `1. ${COWS}`,
      `2. ${LIGHTS}`,
    ]);
    const image = document.getByRole('img', { name: 'Trao bò giống cho đoàn viên' });
    await expect(image).toBeVisible();
    await expect.poll(() => areDecoded(image)).toBe(true);
    await expect(document.getByText('Trao bò giống cho đoàn viên', { exact: true })).toBeVisible();
    const table = page.getByRole('region', { name: 'Danh mục ấn phẩm, sản phẩm, tài liệu' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'STT',
      'Tên ấn phẩm, tài liệu',
      'Loại',
      'Số lượng',
      'Thời gian phát hành',
      'Ghi chú',
    ]);
    await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([
      '1',
      '',
      '',
      '1.200',
      '',
      '',
    ]);

    await page.getByRole('link', { name: '← Về báo cáo sơ kết' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Xem lại báo cáo' })).toBeFocused();
  });
});
