// Schema v1 → latest: a database written by the previous release opens with every
// report and answer intact, and another tab's upgrade saves what this tab holds before
// this tab lets go of the database.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answers } from '@/domain/report/answers';
import { DB_NAME, getDatabase, onDatabaseReplaced, SCHEMA, SoKetDatabase } from '@/storage/db';
import { registerFlush } from '@/storage/flush-registry';
import { listOutbox } from '@/storage/outbox-repository';
import { addPhoto, listPhotos } from '@/storage/photo-repository';
import { getAnswers, getReport, listReports, saveAnswers } from '@/storage/report-repository';
import { getEmailSettings, getSyncSettings, saveSyncSettings } from '@/storage/settings-repository';
import { makeReportMeta, NOW } from './factories';

const LATEST = Math.max(...SCHEMA.map((entry) => entry.version));

// One answer of every criterion kind, as the v1 app stored them.
const ANSWERS: Answers = {
  'signer-name': 'Nguyễn Văn An',
  'direction-results': 'Đã quán triệt Nghị quyết.\n- 100% chi đoàn\n+ 35 buổi sinh hoạt',
  'direction-prompts': ['plan', 'training'],
  'signer-position': 'bi-thu',
  'document-date': { day: '5', month: '9', year: '2013' },
  recipients: ['Ban Thường vụ Tỉnh Đoàn', 'Lưu VP'],
  'youth-table': {
    cells: { 'youth-total': { '2009': 1000, '2010': 1600 }, 'youth-gathered': { '2009': 'abc' } },
    targets: { 'youth-gathered-rate': 70 },
    notes: { 'bigChange:youth-total:2010': 'Sáp nhập thêm 2 xã.' },
    isMarkedComplete: true,
  },
};

// Report records as the v1 app wrote them: an early one with no lastExportedAt (and no
// deletedAt), one exported, one in the trash.
type RawReport = Record<string, unknown> & { id: string };
const V1_REPORTS: RawReport[] = [
  { ...makeReportMeta({ id: 'early' }), recordVersion: 1 },
  {
    ...makeReportMeta({ id: 'exported', name: 'Đã xuất', revision: 3 }),
    recordVersion: 1,
    deletedAt: null,
    lastExportedAt: '2024-03-01T09:00:00.000Z',
  },
  {
    ...makeReportMeta({ id: 'trashed', name: 'Trong thùng rác' }),
    recordVersion: 1,
    deletedAt: '2024-03-01T10:00:00.000Z',
  },
];

let counter = 0;
const names = new Set<string>();
const open: Dexie[] = [];

function track<T extends Dexie>(db: T): T {
  open.push(db);
  names.add(db.name);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names) await Dexie.delete(name);
  names.clear();
});

// A database as the previous release (schema v1) left it.
async function writeV1(name: string): Promise<void> {
  const v1 = track(new SoKetDatabase(name, 1));
  await v1.open();
  expect(v1.verno).toBe(1);
  expect(v1.tables.map((table) => table.name).sort()).toEqual(['answers', 'reports']);
  await v1.reports.bulkAdd(V1_REPORTS);
  for (const report of V1_REPORTS) {
    await v1.answers.bulkAdd(
      Object.entries(ANSWERS).map(([fieldId, value]) => ({
        reportId: report.id,
        fieldId,
        value,
        updatedAt: NOW,
      })),
    );
  }
  v1.close();
}

describe('a database written by schema v1', () => {
  it('opens with the latest schema with every report and answer intact', async () => {
    const name = `migration-${++counter}`;
    await writeV1(name);

    const db = track(new SoKetDatabase(name));
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['reports', 'answers', 'settings']),
    );

    const list = await listReports(db);
    expect(list.damaged).toEqual([]);
    expect(list.reports.map((report) => report.id).sort()).toEqual([
      'early',
      'exported',
      'trashed',
    ]);
    for (const raw of V1_REPORTS) {
      const loaded = await getReport(db, raw.id);
      expect(loaded.status).toBe('ok');
      if (loaded.status !== 'ok') continue;
      expect(loaded.report).toMatchObject({
        id: raw.id,
        name: raw.name,
        unit: raw.unit,
        revision: raw.revision,
        deletedAt: raw.deletedAt ?? null,
        lastExportedAt: raw.lastExportedAt ?? null,
      });
      expect(await getAnswers(db, raw.id)).toEqual({ answers: ANSWERS, damaged: [] });
    }
  });

  it('gives every report an explicit lastExportedAt, null unless it was exported', async () => {
    const name = `migration-${++counter}`;
    await writeV1(name);
    const db = track(new SoKetDatabase(name));
    const raw = await db.reports.toArray();
    expect(Object.fromEntries(raw.map((record) => [record.id, record.lastExportedAt]))).toEqual({
      early: null,
      exported: '2024-03-01T09:00:00.000Z',
      trashed: null,
    });
  });

  it('has a working settings table after the upgrade', async () => {
    const name = `migration-${++counter}`;
    await writeV1(name);
    const db = track(new SoKetDatabase(name));
    expect(await getSyncSettings(db)).toEqual({ endpoint: null, accessCode: '' });
    await saveSyncSettings(db, { endpoint: 'https://so-ket.example/api', accessCode: 'abc' });
    expect(await getSyncSettings(db)).toEqual({
      endpoint: 'https://so-ket.example/api',
      accessCode: 'abc',
    });
    await db.settings.put({ key: 'other', value: { a: 1 } });
    expect(await db.settings.get('other')).toEqual({ key: 'other', value: { a: 1 } });
    expect(await listOutbox(db)).toEqual([]);
  });

  it('keeps the v1 build running without the tables of newer schemas', async () => {
    const name = `migration-${++counter}`;
    await writeV1(name);
    const v1 = track(new SoKetDatabase(name, 1));
    expect(await listOutbox(v1)).toEqual([]);
    expect(await getSyncSettings(v1)).toEqual({ endpoint: null, accessCode: '' });
    expect(await getEmailSettings(v1)).toEqual({ recipient: null });
    expect((await listReports(v1)).reports).toHaveLength(3);
  });
});

// A database as the release before photos (schema v2) left it: reports, answers,
// settings and an outbox entry queued by that release (no uploadedFiles, a version 1
// body without photos).
async function writeV2(name: string): Promise<void> {
  const v2 = track(new SoKetDatabase(name, 2));
  await v2.open();
  expect(v2.verno).toBe(2);
  expect(v2.tables.map((table) => table.name).sort()).toEqual([
    'answers',
    'outbox',
    'reports',
    'settings',
  ]);
  await v2.reports.bulkAdd(
    V1_REPORTS.map((report) => ({ ...report, lastExportedAt: report.lastExportedAt ?? null })),
  );
  for (const report of V1_REPORTS) {
    await v2.answers.bulkAdd(
      Object.entries(ANSWERS).map(([fieldId, value]) => ({
        reportId: report.id,
        fieldId,
        value,
        updatedAt: NOW,
      })),
    );
  }
  await saveSyncSettings(v2, { endpoint: 'https://so-ket.example/api', accessCode: 'abc' });
  await v2.outbox.add({
    id: 'entry-1',
    reportId: 'exported',
    revision: 1,
    body: {
      format: 'so-ket/report',
      version: 1,
      exportedAt: NOW,
      report: makeReportMeta({ id: 'exported', name: 'Đã xuất', revision: 3 }),
      answers: ANSWERS,
    },
    sha256: 'a'.repeat(64),
    state: 'retrying',
    attempts: 2,
    nextAttemptAt: Date.parse(NOW),
    lastError: null,
    serverHead: null,
    receipt: null,
    createdAt: NOW,
    updatedAt: NOW,
  });
  v2.close();
}

describe('a database written by schema v2', () => {
  it('opens with the latest schema, its data intact and a photos table', async () => {
    const name = `migration-${++counter}`;
    await writeV2(name);
    const db = track(new SoKetDatabase(name));
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['reports', 'answers', 'settings', 'outbox', 'photos']),
    );
    const list = await listReports(db);
    expect(list.damaged).toEqual([]);
    expect(list.reports.map((report) => report.id).sort()).toEqual([
      'early',
      'exported',
      'trashed',
    ]);
    for (const raw of V1_REPORTS) {
      expect(await getAnswers(db, raw.id)).toEqual({ answers: ANSWERS, damaged: [] });
    }
    expect(await getSyncSettings(db)).toEqual({
      endpoint: 'https://so-ket.example/api',
      accessCode: 'abc',
    });
    // The queued entry reads with nothing uploaded and no photos, its body unchanged.
    const [entry] = await listOutbox(db);
    expect(entry).toMatchObject({
      id: 'entry-1',
      state: 'retrying',
      attempts: 2,
      uploadedFiles: [],
      body: { version: 1, photos: [], answers: ANSWERS },
    });

    expect(await listPhotos(db, 'exported')).toEqual([]);
    const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    await addPhoto(db, {
      id: 'photo-1',
      reportId: 'exported',
      blob,
      thumb: blob,
      width: 1,
      height: 1,
      now: NOW,
    });
    const [photo] = await listPhotos(db, 'exported');
    expect(photo).toMatchObject({ id: 'photo-1', size: 4, width: 1 });
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(
      new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    );
  });
});

describe('another tab opening a newer schema', () => {
  it('gets a versionchange on the old connection and finds the old data intact', async () => {
    const name = `migration-${++counter}`;
    const v1 = track(new SoKetDatabase(name, 1));
    let versionChanges = 0;
    v1.on('versionchange', () => {
      versionChanges += 1;
    });
    await v1.reports.add({ ...makeReportMeta({ id: 'r1' }), recordVersion: 1 });
    await saveAnswers(v1, 'r1', new Map(Object.entries(ANSWERS)), NOW);

    const latest = track(new SoKetDatabase(name));
    await latest.open();
    expect(versionChanges).toBe(1);
    expect(v1.isOpen()).toBe(false);
    expect(await getAnswers(latest, 'r1')).toEqual({ answers: ANSWERS, damaged: [] });
    expect(await getReport(latest, 'r1')).toMatchObject({
      status: 'ok',
      report: { id: 'r1', revision: 1, lastExportedAt: null },
    });
  });

  it("saves this tab's pending answers before getDatabase() closes for the upgrade", async () => {
    names.add(DB_NAME);
    const db = getDatabase();
    await db.reports.add({ ...makeReportMeta({ id: 'r1' }), recordVersion: 1 });
    const events: string[] = [];
    // A typed answer still waiting for its autosave.
    const unregister = registerFlush(async () => {
      events.push(`flush starts, open: ${db.isOpen()}`);
      await saveAnswers(db, 'r1', new Map([['signer-name', 'Lê Thị Bích']]), NOW);
      events.push(`flush saved, open: ${db.isOpen()}`);
    });
    const replaced = new Promise<void>((resolve) => {
      const stop = onDatabaseReplaced(() => {
        events.push(`replaced, open: ${db.isOpen()}`);
        stop();
        resolve();
      });
    });

    // The other tab: a raw connection asking for a newer version.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, (LATEST + 1) * 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await replaced;
    unregister();
    expect(events).toEqual([
      'flush starts, open: true',
      'flush saved, open: true',
      'replaced, open: false',
    ]);
    const saved = await new Promise<unknown>((resolve, reject) => {
      const request = other
        .transaction('answers', 'readonly')
        .objectStore('answers')
        .get(['r1', 'signer-name']);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    other.close();
    expect(saved).toMatchObject({ reportId: 'r1', fieldId: 'signer-name', value: 'Lê Thị Bích' });
  });
});
