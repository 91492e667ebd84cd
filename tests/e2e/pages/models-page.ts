// The "Mô hình hay, cách làm hiệu quả" step (#/r/<id>/models): the list of good models as
// cards that fold open and shut, their fields, photos and the undo bar.
import { expect, type Locator, type Page } from '@playwright/test';
import { appUrl } from '../support/urls';

export const MODELS_TITLE = 'Báo cáo tổng hợp các mô hình hay, cách làm hiệu quả';
export const MODELS_REVIEW_TITLE = 'Xem lại báo cáo mô hình hay, cách làm hiệu quả';

export type ImageFile = { name: string; mimeType: string; buffer: Buffer };

export class ModelsPage {
  readonly group: Locator;
  readonly addButton: Locator;
  readonly undoButton: Locator;
  readonly closeUndoButton: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole('group', { name: /^Các mô hình hay, cách làm hiệu quả/ });
    this.addButton = page.getByRole('button', { name: 'Thêm mô hình', exact: true });
    this.undoButton = page.getByRole('status').getByRole('button', { name: 'Hoàn tác' });
    this.closeUndoButton = page.getByRole('status').getByRole('button', { name: 'Đóng' });
  }

  async goto(reportId: string): Promise<void> {
    await this.page.goto(appUrl(this.page, `/#/r/${encodeURIComponent(reportId)}/models`));
    await expect(this.page.getByRole('heading', { level: 2, name: MODELS_TITLE })).toBeVisible();
  }

  async gotoReview(reportId: string): Promise<void> {
    await this.page.goto(appUrl(this.page, `/#/r/${encodeURIComponent(reportId)}/xem-lai/models`));
    await expect(
      this.page.getByRole('heading', { level: 2, name: MODELS_REVIEW_TITLE }),
    ).toBeVisible();
  }

  // The fold-out buttons of the entries, in order ("1. Nuôi bò sinh sản").
  get toggles(): Locator {
    return this.group.getByRole('heading', { level: 3 }).getByRole('button');
  }

  toggle(title: string): Locator {
    return this.group.getByRole('heading', { level: 3 }).getByRole('button', {
      name: titlePattern(title),
    });
  }

  // The entries' titles in order, as numbered on their fold-out buttons.
  async expectTitles(titles: string[]): Promise<void> {
    await expect(this.toggles).toHaveText(
      titles.map((title, index) => new RegExp(`${index + 1}\\. ${escapeRegExp(title)}$`)),
    );
  }

  // An entry's card, by the title on its fold-out button.
  entry(title: string): Locator {
    const toggle = this.page
      .getByRole('heading', { level: 3 })
      .getByRole('button', { name: titlePattern(title) });
    return this.group.getByRole('listitem').filter({ has: toggle });
  }

  // Adds an entry and types its name into the field that receives focus.
  async add(name: string): Promise<Locator> {
    await this.addButton.click();
    const input = this.page.locator(':focus');
    await expect(input).toHaveAccessibleName(/^Tên mô hình, cách làm/);
    await input.fill(name);
    return this.entry(name);
  }

  // The screens' usual model: one entry with one 800 × 600 photo, shown as a thumbnail.
  async addWithPhoto(name = 'Nuôi bò sinh sản giúp đoàn viên lập nghiệp'): Promise<Locator> {
    const model = await this.add(name);
    await this.choosePhotos(model, [
      await drawImage(this.page, 'bo.png', {
        width: 800,
        height: 600,
        color: '#8b4513',
        type: 'image/png',
      }),
    ]);
    await expect(this.thumbnails(model)).toHaveCount(1);
    return model;
  }

  field(entry: Locator, label: string | RegExp): Locator {
    return entry.getByRole('textbox', { name: label });
  }

  async choosePhotos(entry: Locator, files: ImageFile[]): Promise<void> {
    await entry.getByLabel('Chọn ảnh', { exact: true }).setInputFiles(files);
  }

  thumbnails(entry: Locator): Locator {
    return entry.getByRole('img');
  }

  caption(entry: Locator, number: number): Locator {
    return entry.getByRole('textbox', { name: `Chú thích ảnh ${number}`, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}

function titlePattern(title: string): RegExp {
  return new RegExp(`^\\d+\\. ${escapeRegExp(title)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A small PNG or JPEG drawn in the page: a coloured rectangle with a white top-left
// quarter, so orientation and content survive the pipeline visibly.
export async function drawImage(
  page: Page,
  name: string,
  options: { width: number; height: number; color: string; type: 'image/png' | 'image/jpeg' },
): Promise<ImageFile> {
  const dataUrl = await page.evaluate(({ width, height, color, type }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    context.fillStyle = color;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width / 2, height / 2);
    return canvas.toDataURL(type, 0.9);
  }, options);
  return {
    name,
    mimeType: options.type,
    buffer: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'),
  };
}

// Whether every image of the locator has been decoded (a broken object URL decodes to 0).
export async function areDecoded(images: Locator): Promise<boolean> {
  return images.evaluateAll((elements) =>
    elements.every(
      (element) =>
        (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth > 0,
    ),
  );
}
