// A full disk: IndexedDB refuses every write. The typed text must stay on screen, the
// person must be told and offered a file, and saving must resume once there is room.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DataSettingsPage } from './pages/data-settings-page';
import { drawImage, ModelsPage } from './pages/models-page';
import { ReportListPage } from './pages/report-list-page';
import { SubmitPanel } from './pages/submit-panel';
import { SAVED_TEXT, WizardPage } from './pages/wizard-page';
import { expect, test } from './support/fixtures';
import { holdSaveRetries, installFailingWrites, setFailingWrites } from './support/failing-writes';
import { databaseDump, fillStorage, freeStorage, limitStorage } from './support/full-storage';
import { PersistentBrowser } from './support/persistent-browser';
import { storedAnswer } from './support/idb';

// "Storage is full", what did not happen, that nothing changed, and what to do.
const whatToDo = (then: string) =>
  `Hãy giải phóng dung lượng (xóa ảnh, video hoặc ứng dụng không dùng đến trên máy, hoặc xóa hẳn báo cáo trong Thùng rác) rồi ${then}. Để giữ an toàn những gì đã có, hãy Sao lưu tất cả (trong Cài đặt) và chép tệp sang máy khác.`;
const NOT_DONE = {
  create: 'chưa tạo được báo cáo; không có gì thay đổi.',
  submit: 'chưa đưa được báo cáo vào hàng chờ gửi; báo cáo vẫn như trước.',
  restore: 'chưa khôi phục được; không có gì thay đổi.',
};
const STORAGE_FULL = (action: keyof typeof NOT_DONE) =>
  `Bộ nhớ của máy đã đầy nên ${NOT_DONE[action]} ${whatToDo('làm lại')}`;
// On a really full disk Chromium often gives no cause ("AbortError") and closes the
// database: the app then says it could not write, usually because storage is full,
// and to reload once there is room.
const DISK_FULL = (action: keyof typeof NOT_DONE) => [
  STORAGE_FULL(action),
  `Không ghi được vào bộ nhớ của máy (thường là do bộ nhớ đã đầy) nên ${NOT_DONE[action]} ${whatToDo('tải lại trang và làm lại')}`,
];
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
    await holdSaveRetries(page);
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

// Chromium's own quota, filled for real (support/full-storage.ts): creating a report,
// submitting it and restoring a backup each say that storage is full and what to do,
// and leave the database exactly as it was; once there is room, the same step works.
test('a full browser storage: create, submit and restore say so and change nothing', async ({
  page,
  list,
  wizard,
}) => {
  const settings = new DataSettingsPage(page);
  const panel = new SubmitPanel(page);
  await limitStorage(page, new URL(test.info().project.use.baseURL ?? '').origin);
  await list.goto();
  const reportId = await list.createReport();
  await settings.goto();
  const backup = renamedBackup(await readFile(await (await settings.backupAll()).path(), 'utf8'));
  await wizard.gotoReview(reportId);

  await fillStorage(page);
  const before = await databaseDump(page);

  await panel.submitButton.click();
  await panel.submitAnywayButton.click();
  await expect(panel.region.getByRole('alert')).toHaveText(STORAGE_FULL('submit'));
  await expect(panel.entries).toHaveCount(0);

  await list.goto();
  await list.createButton.click();
  await list.unitSelect.selectOption({ label: 'Huyện Đoàn Hồng Dân' });
  await list.createSubmit.click();
  await expect(page.getByRole('alert')).toHaveText(STORAGE_FULL('create'));
  await expect(list.createSubmit).toBeEnabled();

  await settings.goto();
  await settings.chooseFile(backup);
  await settings.restoreButton.click();
  await expect(settings.restoreAlert).toHaveText(STORAGE_FULL('restore'));
  expect(await databaseDump(page)).toBe(before);

  // Typing an answer: the app says storage is full and never "Đã lưu"; the text stays on
  // screen and in the journal (localStorage, outside IndexedDB's quota).
  await wizard.gotoStep(reportId, 'direction', II_1);
  const text = 'Gõ khi bộ nhớ đầy: 35 chi đoàn đạt vững mạnh.';
  await wizard.field('Kết quả đạt được').fill(text);
  await expect(wizard.saveAlert).toContainText(
    'Bộ nhớ của máy đã đầy, chưa lưu được. Nội dung vẫn còn trên màn hình.',
  );
  await expect(wizard.field('Kết quả đạt được')).toHaveValue(text);
  await expect(page.getByText(SAVED_TEXT)).toHaveCount(0);
  expect(await journaled(page, reportId)).toContain(text);

  // Adding a photo: a clear message, and no photo (nor half of one) stored.
  const models = new ModelsPage(page);
  await models.goto(reportId);
  const model = await models.add('Mô hình khi bộ nhớ đầy');
  await models.choosePhotos(model, [
    await drawImage(page, 'anh.jpg', {
      width: 1200,
      height: 900,
      color: '#228b22',
      type: 'image/jpeg',
    }),
  ]);
  // (Chromium's estimate still reports room, so the write itself is refused.)
  await expect(model.getByRole('alert')).toHaveText(
    'Bộ nhớ của máy đã đầy: chưa lưu được ảnh “anh.jpg” và các ảnh sau nó. Những gì đã lưu không bị mất; hãy giải phóng dung lượng rồi thử lại.',
  );
  await expect(models.thumbnails(model)).toHaveCount(0);
  expect(await databaseDump(page)).toBe(before);

  // Room again: the same restore works, without a reload.
  await freeStorage(page);
  await settings.goto();
  await settings.chooseFile(backup);
  await settings.restoreButton.click();
  await expect(settings.status(/^Đã khôi phục: 1 báo cáo mới/)).toBeVisible();
  // And the answer typed while full is saved from the journal when the step opens again.
  await wizard.gotoStep(reportId, 'direction', II_1);
  await expect(wizard.field('Kết quả đạt được')).toHaveValue(text);
  await expect.poll(() => storedAnswer(page, reportId, 'direction-results')).toBe(text);
  // The model typed while full is saved too, without the photo that was never stored.
  const storedModels = await storedAnswer(page, reportId, 'models');
  expect(JSON.stringify(storedModels)).toContain('Mô hình khi bộ nhớ đầy');
  expect(JSON.stringify(storedModels)).not.toContain('photoId');
});

// What the answer journal (localStorage) holds for a report, as its raw text.
function journaled(page: Page, reportId: string): Promise<string> {
  return page.evaluate((key) => localStorage.getItem(key) ?? '', `so-ket.journal.${reportId}`);
}

// The same on a disk that is really full: Chromium's IndexedDB folder on a 64 MB tmpfs,
// filled by a file. Chromium then fails IndexedDB writes with "AbortError" (no cause),
// DataError "Failed to write blobs" or UnknownError "FILE_ERROR_NO_SPACE", not
// QuotaExceededError. Only the IndexedDB folder is on the small disk: with the whole
// profile there, Chromium's own SQLite files (History, Web Data) delete their journals
// after each commit, which frees a few pages that the submission then fits into, and
// the test saw a disk with room. LevelDB's log may still take a small write into its
// last page, so what is written here is 12,000 characters of varied text (it does not
// compress). Mounting needs root.
test('a full disk under the profile: submit and restore say so and change nothing', async ({
  baseURL,
}) => {
  test.setTimeout(90_000);
  const profileDir = await mkdtemp(join(tmpdir(), 'so-ket-full-disk-'));
  const mountPoint = join(profileDir, 'Default', 'IndexedDB');
  await mkdir(mountPoint, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint], {
      stdio: 'ignore',
    });
  } catch {
    await rm(profileDir, { recursive: true, force: true });
    test.skip(true, 'mounting a tmpfs needs root');
    return;
  }
  const filler = join(mountPoint, 'filler');
  const chromium = await PersistentBrowser.launch(profileDir);
  try {
    const page = await chromium.context.newPage();
    const list = new ReportListPage(page);
    const wizard = new WizardPage(page);
    const panel = new SubmitPanel(page);
    const settings = new DataSettingsPage(page);
    await page.goto(`${baseURL}/`);
    const reportId = await list.createReport();
    await wizard.gotoStep(reportId, 'direction', II_1);
    await wizard.field('Kết quả đạt được').fill(variedText(12_000));
    await wizard.waitUntilSaved();
    await settings.goto();
    // A browser reached over CDP has no download events: read the backup's Blob instead.
    await page.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        (window as { lastBlob?: Blob }).lastBlob = blob;
        return create(blob);
      };
    });
    await settings.backupButton.click();
    await page.waitForFunction(() => (window as { lastBlob?: Blob }).lastBlob);
    const backup = renamedBackup(
      await page.evaluate(() => (window as { lastBlob?: Blob }).lastBlob!.text()),
    );
    await wizard.gotoReview(reportId);

    const before = await databaseDump(page);
    fillDisk(filler);
    await panel.submitButton.click();
    await panel.submitAnywayButton.click();
    // Chromium takes seconds to give up on a write to a full disk.
    await expect(panel.region.getByRole('alert')).toHaveText(oneOf(DISK_FULL('submit')), {
      timeout: 20_000,
    });

    // The failed write may have closed the database (Chromium does on FILE_ERROR_NO_SPACE):
    // then reading the plan fails as well, with the same message.
    await settings.goto();
    await settings.chooseFile(backup);
    await settings.restoreButton.or(settings.restoreAlert).first().waitFor();
    if (await settings.restoreButton.isVisible()) await settings.restoreButton.click();
    await expect(settings.restoreAlert).toHaveText(oneOf(DISK_FULL('restore')), {
      timeout: 20_000,
    });

    // Room again. Chromium closed the database, so the app is opened afresh.
    await rm(filler);
    await page.reload();
    expect(await databaseDump(page)).toBe(before);
    await settings.chooseFile(backup);
    await settings.restoreButton.click();
    await expect(settings.status(/^Đã khôi phục: 1 báo cáo mới/)).toBeVisible();
  } finally {
    await chromium.kill();
    execFileSync('umount', [mountPoint]);
    await rm(profileDir, { recursive: true, force: true });
  }
});

// A backup whose reports are new to the device: other ids and a name of their own.
function renamedBackup(json: string) {
  const backup = JSON.parse(json) as {
    reports: { report: { id: string; name: string } }[];
  };
  for (const file of backup.reports) {
    file.report.id = `${file.report.id}-restored`;
    file.report.name = 'Bản từ tệp sao lưu';
  }
  return {
    name: 'sao-luu.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  };
}

// Vietnamese-looking words from a fixed generator: text a compressor cannot shrink much.
function variedText(length: number): string {
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệòỏõóọ';
  let seed = 14;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += seed % 7 === 0 ? ' ' : letters[seed % letters.length];
  }
  return text;
}

// Writes to `path` until the file system has no byte left.
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (let size = 1 << 20; size >= 1; size >>= 4) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // full at this size: try a smaller one
      }
    }
  } finally {
    closeSync(fd);
  }
}

function oneOf(texts: string[]): RegExp {
  return new RegExp(
    `^(${texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
  );
}
