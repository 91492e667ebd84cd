// Photos in the files the user keeps and in submissions, over fake-indexeddb: export
// and restore byte for byte, refusal of a damaged photo with nothing changed, copies
// that share nothing, and photos kept while a submission still needs them.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalReportJson } from '@/domain/outbox/canonical-json';
import { photoIdsInValue } from '@/domain/report/answer-kinds';
import type { Answers } from '@/domain/report/answers';
import { BACKUP_VERSION, buildBackupFile } from '@/domain/report/backup';
import { base64ToBytes, bytesToBase64 } from '@/domain/report/base64';
import { planImport } from '@/domain/report/import-plan';
import { REPORT_FILE_VERSION, type ReportFile } from '@/domain/report/report-schema';
import { importProblemMessage, vi } from '@/i18n/vi-report';
import type { SoKetDatabase } from '@/storage/db';
import { applyImport, existingReports, ImportPhotoError } from '@/storage/import-repository';
import { enqueueSubmission, markSent, updateEntry } from '@/storage/outbox-repository';
import { deletePhotosIfUnreferenced, listPhotos } from '@/storage/photo-repository';
import {
  deleteReportForever,
  duplicateReport,
  exportAllReports,
  exportReportFile,
  getAnswers,
  saveAnswers,
} from '@/storage/report-repository';
import { applyRestore, readRestoreFile } from '@/storage/restore-file';
import {
  addPhotos,
  byteLength,
  CREATED,
  EDITED,
  EXPORTED,
  jpegBytes,
  parseText,
  readFixtureFile,
  restoreText,
  seedReport,
  snapshot,
  testDatabases,
} from './backup-fixtures';

const TIMES = { createdAt: CREATED, updatedAt: EDITED };

const draft = readFixtureFile('draft');
const full = readFixtureFile('full');

const databases = testDatabases('photo-files');
afterEach(() => databases.removeAll());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function seedWithPhotos(
  db: SoKetDatabase,
  count: number,
  file: ReportFile = draft,
  id = file.report.id,
) {
  await seedReport(db, file, { id, ...TIMES });
  return addPhotos(db, id, count, TIMES);
}

// Every stored photo of a report as plain data: its bytes as base64 and their SHA-256,
// recomputed from what is on disk; in the order of their bytes' SHA-256, so copies under
// other ids line up.
async function storedPhotos(db: SoKetDatabase, reportId: string) {
  const rows = await listPhotos(db, reportId);
  const photos = await Promise.all(
    rows.map(async (row) => {
      const bytes = new Uint8Array(await row.blob.arrayBuffer());
      return {
        id: row.id,
        reportId: row.reportId,
        sha256: row.sha256,
        actualSha256: sha256(bytes),
        size: row.size,
        width: row.width,
        height: row.height,
        bytes: bytesToBase64(bytes),
      };
    }),
  );
  return photos.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

// Reads a file the way "Khôi phục" does, photos included: the problem's message, or null.
async function problemOf(db: SoKetDatabase, text: string): Promise<string | null> {
  const read = await readRestoreFile(db, text, byteLength(text));
  return read.ok ? null : importProblemMessage(read.problem);
}

describe('base64', () => {
  it('round-trips bytes of every length, chunk edges included', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 200_001]) {
      const bytes = jpegBytes(length + 1, length);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it.each([
    ['a length that is not a multiple of 4', 'QUJD='],
    ['a character outside the alphabet', 'QU*D'],
    ['whitespace', 'QUJD\nQUJD'],
    ['padding in the middle', 'QQ==QUJD'],
    ['three padding characters', 'Q==='],
  ])('refuses %s', (_, text) => {
    expect(() => base64ToBytes(text)).toThrow();
  });
});

describe('a report file with photos', () => {
  it('carries every photo its answers show, with its bytes and thumbnail as base64', async () => {
    const db = databases.open();
    const photos = await seedWithPhotos(db, 3);
    const file = await exportReportFile(db, draft.report.id, EXPORTED);
    expect(file.version).toBe(REPORT_FILE_VERSION);
    expect(file.photos.map((photo) => photo.id).sort()).toEqual([...photos.keys()].sort());
    for (const photo of file.photos) {
      const bytes = photos.get(photo.id)!;
      expect(photo).toMatchObject({
        sha256: sha256(bytes),
        type: 'image/jpeg',
        width: 1600,
        height: 1200,
        size: bytes.length,
      });
      expect(base64ToBytes(photo.data!)).toEqual(bytes);
      expect(base64ToBytes(photo.thumb!).length).toBe(300);
    }
  });

  it('leaves out a photo lost on the device, and every reference to it', async () => {
    const db = databases.open();
    const photos = await seedWithPhotos(db, 3);
    const [lost] = photos.keys();
    await db.photos.delete(lost!);
    const file = await exportReportFile(db, draft.report.id, EXPORTED);
    expect(file.photos.map((photo) => photo.id).sort()).toEqual([...photos.keys()].slice(1).sort());
    expect(photoIdsInValue(Object.values(file.answers))).toEqual(
      new Set([...photos.keys()].slice(1)),
    );
    expect(await problemOf(db, JSON.stringify(file))).toBeNull();
  });

  it('restores into a fresh database byte for byte', async () => {
    const source = databases.open();
    await seedWithPhotos(source, 4);
    const before = await storedPhotos(source, draft.report.id);
    const text = JSON.stringify(await exportReportFile(source, draft.report.id, EXPORTED));

    const target = databases.open();
    expect(parseText(text)).toMatchObject({ ok: true, kind: 'report' });
    expect(await problemOf(target, text)).toBeNull();
    const { result } = await restoreText(target, text);
    expect(result).toEqual({ imported: 1, replaced: 0, copied: 0, skipped: 0 });
    const after = await storedPhotos(target, draft.report.id);
    expect(after).toEqual(before);
    for (const photo of after) expect(photo.actualSha256).toBe(photo.sha256);
    expect(await getAnswers(target, draft.report.id)).toEqual(
      await getAnswers(source, draft.report.id),
    );
  });
});

describe('a backup with photos', () => {
  it('restores every report and photo into a fresh database byte for byte', async () => {
    const source = databases.open();
    await seedWithPhotos(source, 5, draft);
    await seedWithPhotos(source, 2, full);
    const files = await exportAllReports(source, EXPORTED);
    const backup = buildBackupFile(files, EXPORTED);
    // Reports only: version 2 (version 3 adds the province office's data, version 4 the
    // submission history).
    expect(backup.version).toBe(2);
    expect(BACKUP_VERSION).toBe(4);
    const text = `${JSON.stringify(backup, null, 2)}\n`;

    const target = databases.open();
    expect(await problemOf(target, text)).toBeNull();
    const { result } = await restoreText(target, text);
    expect(result).toEqual({ imported: 2, replaced: 0, copied: 0, skipped: 0 });
    for (const id of [draft.report.id, full.report.id]) {
      const before = await storedPhotos(source, id);
      const after = await storedPhotos(target, id);
      expect(after).toEqual(before);
      expect(after.length).toBeGreaterThan(0);
      for (const photo of after) expect(photo.actualSha256).toBe(photo.sha256);
      expect(await getAnswers(target, id)).toEqual(await getAnswers(source, id));
      // Exported again, the file is the same.
      expect(await exportReportFile(target, id, EXPORTED)).toEqual(
        files.find((file) => file.report.id === id),
      );
    }
  });

  it('still reads a version 1 backup (no photos)', async () => {
    const text = JSON.stringify({ ...buildBackupFile([draft, full], EXPORTED), version: 1 });
    const target = databases.open();
    expect(await problemOf(target, text)).toBeNull();
    const { result } = await restoreText(target, text);
    expect(result.imported).toBe(2);
    expect(await target.photos.count()).toBe(0);
  });

  type Break = (file: ReportFile, photoId: string) => void;
  const photoOf = (file: ReportFile, id: string) => file.photos.find((p) => p.id === id)!;
  const refusals: [string, Break, 'missingPhoto' | 'damagedPhoto'][] = [
    [
      'a photo the answers show that is not in the file',
      (f, id) => {
        f.photos = f.photos.filter((p) => p.id !== id);
      },
      'missingPhoto',
    ],
    ['a photo without its bytes', (f, id) => void delete photoOf(f, id).data, 'missingPhoto'],
    [
      'bytes that are not base64',
      (f, id) => {
        const photo = photoOf(f, id);
        photo.data = `${photo.data!.slice(0, 100)}*${photo.data!.slice(101)}`;
      },
      'damagedPhoto',
    ],
    [
      'bytes that do not match the SHA-256',
      (f, id) => {
        const photo = photoOf(f, id);
        const bytes = base64ToBytes(photo.data!);
        bytes[500] = bytes[500]! ^ 0xff;
        photo.data = bytesToBase64(bytes);
      },
      'damagedPhoto',
    ],
    [
      'a SHA-256 that is not of these bytes',
      (f, id) => {
        photoOf(f, id).sha256 = 'f'.repeat(64);
      },
      'damagedPhoto',
    ],
    [
      'a size that is not the bytes’ length',
      (f, id) => {
        photoOf(f, id).size += 1;
      },
      'damagedPhoto',
    ],
    [
      'a truncated photo',
      (f, id) => {
        const photo = photoOf(f, id);
        photo.data = bytesToBase64(base64ToBytes(photo.data!).slice(0, 999));
        photo.size = 999;
      },
      'damagedPhoto',
    ],
    [
      'the same photo id twice with other bytes',
      (f, id) => {
        f.photos.push({ ...photoOf(f, id), sha256: 'e'.repeat(64) });
      },
      'damagedPhoto',
    ],
  ];

  it.each(refusals)(
    'refuses a file with %s, naming the report, and changes nothing',
    async (_, breakIt, code) => {
      const source = databases.open();
      const photos = await seedWithPhotos(source, 3, full);
      const good = await exportAllReports(source, EXPORTED);
      // The device: the draft with photos of its own.
      const target = databases.open();
      await seedWithPhotos(target, 2, draft);
      const before = await snapshot(target);

      const broken = structuredClone(good);
      breakIt(broken[0]!, [...photos.keys()][1]!);
      const text = JSON.stringify(buildBackupFile(broken, EXPORTED));
      expect(await problemOf(target, text)).toBe(vi.photoSync[code](full.report.name));
      expect(await snapshot(target)).toEqual(before);
      // The plan applied all the same (a file that was not checked first): the
      // transaction refuses it as well.
      const parsed = parseText(text);
      if (parsed.ok) {
        const plan = planImport(parsed.reports, await existingReports(target, [full.report.id]));
        const applying = applyRestore(target, plan, parsed.office, {
          newId: () => 'x',
          copyName: vi.restore.copyName,
          submissions: parsed.submissions,
        });
        await expect(applying).rejects.toMatchObject({ reportName: full.report.name, code });
      }
      expect(await snapshot(target)).toEqual(before);
    },
  );

  it('writes nothing when a photo is damaged though the file was not checked first', async () => {
    const source = databases.open();
    const photos = await seedWithPhotos(source, 2, full);
    const [file] = await exportAllReports(source, EXPORTED);
    const broken = structuredClone(file!);
    broken.photos.find((p) => p.id === [...photos.keys()][0])!.sha256 = '0'.repeat(64);
    const target = databases.open();
    await seedWithPhotos(target, 1, draft);
    const before = await snapshot(target);
    const applying = applyImport(
      target,
      [
        { file: draft, choice: 'replace' },
        { file: broken, choice: 'import' },
      ],
      { newId: () => 'x', copyName: vi.restore.copyName },
    );
    await expect(applying).rejects.toBeInstanceOf(ImportPhotoError);
    await expect(applying).rejects.toMatchObject({
      reportName: full.report.name,
      code: 'damagedPhoto',
    });
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('applying a restore with photos', () => {
  let idCounter = 0;
  const newId = () => `new-${(idCounter += 1)}`;

  it('gives a copy kept beside the original its own photos, same bytes, new ids', async () => {
    const db = databases.open();
    await seedWithPhotos(db, 3);
    const original = await storedPhotos(db, draft.report.id);
    const text = JSON.stringify(await exportReportFile(db, draft.report.id, EXPORTED));
    await restoreText(db, text, () => 'keepBoth', newId);
    const copyId = 'new-1';
    const copies = await storedPhotos(db, copyId);
    expect(copies.map((p) => p.bytes)).toEqual(original.map((p) => p.bytes));
    expect(copies.map((p) => p.sha256)).toEqual(original.map((p) => p.sha256));
    const copyIds = new Set(copies.map((p) => p.id));
    expect([...copyIds].some((id) => original.some((p) => p.id === id))).toBe(false);
    const { answers } = await getAnswers(db, copyId);
    expect(photoIdsInValue(Object.values(answers))).toEqual(copyIds);
    // The original keeps its own.
    expect(await storedPhotos(db, draft.report.id)).toEqual(original);
    await deleteReportForever(db, copyId);
    expect(await storedPhotos(db, draft.report.id)).toEqual(original);
  });

  it("replaces a report's photos with the file's, keeping those a waiting submission needs", async () => {
    const db = databases.open();
    const first = await seedWithPhotos(db, 2);
    const text = JSON.stringify(await exportReportFile(db, draft.report.id, EXPORTED));
    // Later on the device: two more photos, one of them in a submission still waiting.
    const later = await addPhotos(db, draft.report.id, 2, TIMES);
    const [waiting, dropped] = [...later.keys()];
    const shown = [{ id: 'm', values: { photo: [{ photoId: waiting!, caption: '' }] } }];
    await saveAnswers(
      db,
      draft.report.id,
      new Map<string, Answers[string]>([
        ['models', []],
        ['materials', shown],
      ]),
      EDITED,
    );
    await enqueueSubmission(db, draft.report.id, { id: 'entry-1', now: new Date(EDITED) });
    await restoreText(db, text, () => 'replace');
    const ids = (await storedPhotos(db, draft.report.id)).map((p) => p.id).sort();
    expect(ids).toEqual([...first.keys(), waiting!].sort());
    expect(ids).not.toContain(dropped);
    const { answers } = await getAnswers(db, draft.report.id);
    expect(photoIdsInValue(Object.values(answers))).toEqual(new Set(first.keys()));
  });

  it('gives a photo a new id when another report on the device has that id', async () => {
    const db = databases.open();
    const photos = await seedWithPhotos(db, 2, draft);
    const file = await exportReportFile(db, draft.report.id, EXPORTED);
    const other = structuredClone(file);
    other.report.id = 'another-report';
    await restoreText(db, JSON.stringify(other), undefined, newId);
    const copied = await storedPhotos(db, 'another-report');
    expect(copied.map((p) => p.id).some((id) => photos.has(id))).toBe(false);
    expect(copied.map((p) => p.bytes).sort()).toEqual(
      [...photos.values()].map((bytes) => bytesToBase64(bytes)).sort(),
    );
    const { answers } = await getAnswers(db, 'another-report');
    expect(photoIdsInValue(Object.values(answers))).toEqual(new Set(copied.map((p) => p.id)));
    expect((await storedPhotos(db, draft.report.id)).map((p) => p.id).sort()).toEqual(
      [...photos.keys()].sort(),
    );
  });
});

describe('photos of reports on the device', () => {
  it('gives a duplicate its own copies: other ids, same bytes, independent', async () => {
    const db = databases.open();
    await seedWithPhotos(db, 3);
    const original = await storedPhotos(db, draft.report.id);
    let n = 0;
    await duplicateReport(db, draft.report.id, {
      id: 'copy',
      name: 'Bản sao',
      now: EDITED,
      newId: () => `copy-photo-${(n += 1)}`,
    });
    const copies = await storedPhotos(db, 'copy');
    expect(copies.map((p) => p.id).sort()).toEqual([
      'copy-photo-1',
      'copy-photo-2',
      'copy-photo-3',
    ]);
    expect(copies.map((p) => [p.sha256, p.bytes])).toEqual(
      original.map((p) => [p.sha256, p.bytes]),
    );
    const { answers } = await getAnswers(db, 'copy');
    expect(photoIdsInValue(Object.values(answers))).toEqual(new Set(copies.map((p) => p.id)));

    await deleteReportForever(db, draft.report.id);
    expect(await storedPhotos(db, draft.report.id)).toEqual([]);
    expect(await storedPhotos(db, 'copy')).toEqual(copies);
  });

  it('deletes a report’s photos with the report', async () => {
    const db = databases.open();
    await seedWithPhotos(db, 2);
    await seedWithPhotos(db, 1, full);
    await deleteReportForever(db, draft.report.id);
    expect(await listPhotos(db, draft.report.id)).toEqual([]);
    expect(await listPhotos(db, full.report.id)).toHaveLength(1);
  });

  it('keeps a photo removed from the answers while a submission that shows it may be sent', async () => {
    const db = databases.open();
    const photos = await seedWithPhotos(db, 2);
    const [kept] = photos.keys();
    const entry = await enqueueSubmission(db, draft.report.id, {
      id: 'entry-1',
      now: new Date(EDITED),
    });
    await saveAnswers(
      db,
      draft.report.id,
      new Map([
        ['models', []],
        ['materials', []],
      ]),
      EDITED,
    );
    expect(await deletePhotosIfUnreferenced(db, draft.report.id, [kept!])).toBe(0);
    // In conflict it can still be sent as a new revision.
    await updateEntry(db, entry.id, { state: 'conflict' }, new Date(EDITED));
    expect(await deletePhotosIfUnreferenced(db, draft.report.id, [kept!])).toBe(0);
    await markSent(
      db,
      entry.id,
      { reportId: draft.report.id, revision: 1, sha256: entry.sha256, receivedAt: EDITED },
      new Date(EDITED),
    );
    expect(await deletePhotosIfUnreferenced(db, draft.report.id, [kept!])).toBe(1);
    expect(await listPhotos(db, draft.report.id)).toHaveLength(1);
  });

  it('lists the photos of a submission without their bytes, for separate uploads', async () => {
    const db = databases.open();
    const photos = await seedWithPhotos(db, 3);
    const entry = await enqueueSubmission(db, draft.report.id, {
      id: 'entry-1',
      now: new Date(EDITED),
    });
    expect(entry.uploadedFiles).toEqual([]);
    expect([...entry.body.photos].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...photos].map(([id, bytes]) => ({
        id,
        sha256: sha256(bytes),
        type: 'image/jpeg',
        width: 1600,
        height: 1200,
        size: bytes.length,
      })),
    );
    expect(entry.sha256).toBe(
      createHash('sha256').update(canonicalReportJson(entry.body)).digest('hex'),
    );
  });
});
