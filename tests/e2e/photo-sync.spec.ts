// Photos leaving the device: submitted through a network that loses requests and
// responses (each photo uploaded once the report's 422 asks for it, stored once on the
// server), and carried by a backup that restores them byte for byte. The photos are written into
// IndexedDB from the page (OffscreenCanvas JPEGs) with a good model that shows them.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SENT_TEXT } from './pages/submit-panel';
import { startFlakyProxy } from './support/flaky-proxy';
import { databaseDump } from './support/full-storage';
import { deleteRawReport, putRawReport, storedReport } from './support/idb';
import { addPhotosToReport, storedPhotos } from './support/photo-store';
import { expect, test, untilDrainedThrough } from './support/sync-test';

const NAME = 'Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân';
const PHOTOS = 5;

test.describe('photos', () => {
  test.setTimeout(120_000);

  test('a report with 5 photos through the flaky proxy ends with the report and exactly 5 files on the server', async ({
    page,
    api,
    list,
    wizard,
    panel,
    settings,
  }) => {
    const proxy = await startFlakyProxy({ upstream: api.url, seed: 8 });
    await page.clock.install();
    try {
      await page.goto(`${proxy.url}/#/`);
      await expect(list.heading).toBeVisible();
      await settings.goto();
      await settings.save(api.unitCode);
      await list.goto();
      const reportId = await list.createReport();
      await list.goto();
      await addPhotosToReport(page, reportId, PHOTOS);
      const photos = await storedPhotos(page);
      expect(photos).toHaveLength(PHOTOS);

      await wizard.gotoReview(reportId);
      await panel.submit(1);

      // The engine alone, no "Gửi ngay": the page's clock is moved on past each backoff.
      await list.goto();
      await untilDrainedThrough(proxy, page, () => api.server.store.countRevisions()).toEqual({
        stored: 1,
        isWaiting: false,
      });

      expect(api.server.store.countFiles()).toBe(PHOTOS);
      expect(api.server.store.countFiles(reportId)).toBe(PHOTOS);
      for (const photo of photos) {
        const bytes = api.server.store.getFile(reportId, photo.sha256);
        expect(bytes, photo.id).toBeDefined();
        expect(createHash('sha256').update(bytes!).digest('hex')).toBe(photo.sha256);
        expect(Buffer.from(bytes!).toString('base64')).toBe(photo.base64);
      }
      const stored = JSON.parse(api.server.store.getRevision(reportId, 1)!.body) as {
        photos: { id: string; sha256: string; data?: string }[];
      };
      expect(stored.photos.map((p) => [p.id, p.sha256]).sort()).toEqual(
        photos.map((p) => [p.id, p.sha256]).sort(),
      );
      expect(stored.photos.some((p) => p.data !== undefined)).toBe(false);

      await wizard.gotoReview(reportId);
      await expect(panel.entry(1)).toContainText('Lần nộp 1 · Đã nộp');
      await expect(panel.entry(1)).toContainText(SENT_TEXT);

      const { stats } = proxy;
      test.info().annotations.push({ type: 'flaky-proxy', description: JSON.stringify(stats) });
      expect(stats.droppedRequests + stats.droppedResponses + stats.duplicated).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  test('backup round trip with photos byte-identical', async ({ page, api, list, data }) => {
    await page.goto(`${api.url}/#/`);
    await expect(list.heading).toBeVisible();
    const reportId = await list.createReport();
    await list.goto();
    await addPhotosToReport(page, reportId, 3);
    const before = await storedPhotos(page);
    expect(before).toHaveLength(3);
    for (const photo of before) expect(photo.actualSha256).toBe(photo.sha256);

    await data.goto();
    const download = await data.backupAll();
    // A copy of our own: the run's artifacts folder may be emptied meanwhile.
    const folder = await mkdtemp(join(tmpdir(), 'so-ket-e2e-backup-'));
    const backupPath = join(folder, download.suggestedFilename());
    await download.saveAs(backupPath);
    const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
      version: number;
      reports: { photos: { id: string; sha256: string; data: string }[] }[];
    };
    expect(backup.version).toBe(2);
    expect(backup.reports[0]!.photos.map((p) => [p.id, p.sha256, p.data]).sort()).toEqual(
      before.map((p) => [p.id, p.sha256, p.base64]).sort(),
    );

    // Damaged copies of that backup, chosen in Khôi phục on this device (a report and its
    // photos): each is refused with its message and the whole database stays as it was.
    const damaged = damagedBackups(await readFile(backupPath, 'utf8'));
    const dumpBefore = { rows: await databaseDump(page), photos: before };
    const dumpNow = async () => ({
      rows: await databaseDump(page),
      photos: await storedPhotos(page),
    });
    await data.goto();
    for (const [file, message] of damaged.refused) {
      await data.chooseFile(file);
      await expect(data.restoreAlert, file.name).toHaveText(message);
      expect(await dumpNow(), file.name).toEqual(dumpBefore);
    }
    // A backup that passes every check and fails while it is written: two new copies of
    // the report, the second of which another tab creates after the plan was shown. The
    // first copy, its photos included, was written in the same transaction: none of it
    // stays.
    await data.chooseFile(damaged.twoCopies);
    await expect(data.status('2 báo cáo mới')).toBeVisible();
    await putRawReport(page, { id: damaged.secondCopyId, name: 'Tạo ở thẻ khác' });
    const withOtherTab = await dumpNow();
    await data.restoreButton.click();
    await expect(data.restoreAlert).toHaveText(
      'Không khôi phục được; không có gì thay đổi. Vui lòng thử lại.',
    );
    expect(await dumpNow()).toEqual(withOtherTab);
    await deleteRawReport(page, damaged.secondCopyId);
    expect(await dumpNow()).toEqual(dumpBefore);

    // Deleted for good: the report and its photos are gone from the device.
    await list.goto();
    await list.delete(NAME);
    await list.trashToggle(1).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await list.trashedCard(NAME).getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
    await expect.poll(() => storedReport(page, reportId)).toBeUndefined();
    await expect.poll(() => storedPhotos(page)).toEqual([]);

    await data.goto();
    await data.chooseFile(backupPath);
    await expect(data.status('1 báo cáo mới')).toBeVisible();
    await data.restoreButton.click();
    await expect(
      data.status('Đã khôi phục: 1 báo cáo mới, 0 thay thế, 0 bản sao; bỏ qua 0.'),
    ).toBeVisible();
    const after = await storedPhotos(page);
    expect(after).toEqual(before);
    for (const photo of after) expect(photo.actualSha256).toBe(photo.sha256);
    await rm(folder, { recursive: true, force: true });
  });
});

type BackupJson = {
  reports: {
    report: { id: string; name: string };
    answers: Record<string, unknown>;
    photos: { data: string }[];
  }[];
};

// Damaged copies of a backup of one report with photos, each with the message Khôi phục
// gives; and a valid backup of two new copies of the report (ids of their own).
function damagedBackups(text: string) {
  const file = (name: string, content: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  const edited = (edit: (backup: BackupJson) => void) => {
    const backup = JSON.parse(text) as BackupJson;
    edit(backup);
    return JSON.stringify(backup);
  };
  const name = (JSON.parse(text) as BackupJson).reports[0]!.report.name;
  const notJson =
    'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc bị cắt ngắn). Không có gì thay đổi.';
  const refused: [ReturnType<typeof file>, string][] = [
    [file('cat-ngan.json', text.slice(0, Math.floor(text.length / 2))), notJson],
    [
      // A photo's bytes changed, still base64 of the same length: only its SHA-256 tells.
      file(
        'anh-hong.json',
        edited((backup) => {
          const photo = backup.reports[0]!.photos[1]!;
          const at = Math.floor(photo.data.length / 2);
          const swapped = photo.data[at] === 'A' ? 'B' : 'A';
          photo.data = `${photo.data.slice(0, at)}${swapped}${photo.data.slice(at + 1)}`;
        }),
      ),
      `Ảnh của báo cáo “${name}” bị hỏng: dữ liệu ảnh trong tệp không đọc được hoặc không khớp mã kiểm tra. Không có gì thay đổi.`,
    ],
    [
      file(
        'thieu-anh.json',
        edited((backup) => void backup.reports[0]!.photos.pop()),
      ),
      `Báo cáo “${name}” thiếu ảnh: câu trả lời có ảnh nhưng tệp không chứa ảnh đó (tệp có thể đã bị sửa hoặc bị cắt). Không có gì thay đổi.`,
    ],
    [
      file(
        'tra-loi-sai.json',
        edited((backup) => void (backup.reports[0]!.answers['signer-name'] = 5)),
      ),
      `Báo cáo “${name}” có dữ liệu không hợp lệ ở mục answers.signer-name. Không có gì thay đổi.`,
    ],
  ];
  const secondCopyId = 'ban-sao-thu-hai';
  const twoCopies = file(
    'hai-ban-sao.json',
    edited((backup) => {
      const [report] = backup.reports;
      backup.reports = ['ban-sao-thu-nhat', secondCopyId].map((id) => ({
        ...structuredClone(report!),
        report: { ...report!.report, id },
      }));
    }),
  );
  return { refused, twoCopies, secondCopyId };
}
