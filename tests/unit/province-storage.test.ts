// The province office's storage: schema v4 over a v3 database, the repositories
// (every read checked), filing received files, the tracker's dates, and backups.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBackupFile } from '@/domain/report/backup';
import { parseImport } from '@/domain/report/import-plan';
import { buildReportFile, type ReportFile } from '@/domain/report/report-schema';
import { planIntake, type IncomingVersion } from '@/domain/rollup/intake';
import type { ReceiptSource, ReceivedVersion } from '@/domain/rollup/received';
import type { RowMapping } from '@/domain/rollup/row-mapping';
import { templateUnits } from '@/domain/rollup/units';
import { daysBetween, ictDate, trackerRows } from '@/domain/rollup/tracker';
import { SoKetDatabase } from '@/storage/db';
import {
  acceptVersion,
  addExpectedUnit,
  exportOffice,
  fingerprintOf,
  getOfficeSettings,
  listAcceptedVersions,
  listExpectedUnits,
  listReceivedVersions,
  listRowMappings,
  restoreOffice,
  saveOfficeSettings,
  saveReceivedVersions,
  saveRowMappings,
  saveUnitEmail,
  versionIdOf,
} from '@/storage/province-repository';
import { listLetters, saveIssuedLetter } from '@/storage/letter-repository';
import type { Letter } from '@/domain/letters/letter';
import { listReports } from '@/storage/report-repository';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';
import { makeReportMeta, NOW } from './factories';

const units = templateUnits(defaultTemplate);
let counter = 0;
const open: Dexie[] = [];

function database(maxVersion?: number): SoKetDatabase {
  const db = new SoKetDatabase(`province-${++counter}`, maxVersion);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function reportFile(unitIndex: number, revision = 1, text = 'Đã quán triệt.'): ReportFile {
  const unit = units[unitIndex]!;
  return buildReportFile(
    makeReportMeta({
      id: `report-${unit.key}`,
      name: `Báo cáo ${unit.name}`,
      unit: { id: unit.key, name: unit.name },
      revision,
    }),
    { 'signer-name': 'Nguyễn Văn An', 'direction-results': text },
    NOW,
  );
}

function source(receivedOn: string, kind: ReceiptSource['kind'] = 'pdf', name = 'a.pdf') {
  return { kind, name, receivedOn, addedAt: NOW };
}

async function incoming(file: ReportFile, src: ReceiptSource): Promise<IncomingVersion> {
  return { id: await versionIdOf(file), fingerprint: await fingerprintOf(file), file, source: src };
}

const MAPPING: RowMapping = {
  id: 'm1',
  criterionId: 'youth-table',
  label: 'Thanh niên tình nguyện hè',
  members: [
    { unitKey: units[0]!.key, label: 'Số thanh niên tham gia tình nguyện hè' },
    { unitKey: units[2]!.key, label: 'Số TN tham gia tình nguyện hè' },
  ],
};

describe('the office storage', () => {
  it('opens a v3 database at the latest schema with its reports intact and empty office tables', async () => {
    const v3 = database(3);
    await v3.open();
    await v3.reports.add({ ...makeReportMeta({ id: 'kept' }), recordVersion: 1 });
    v3.close();
    const db = new SoKetDatabase(v3.name);
    open.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect((await listReports(db)).reports.map((r) => r.id)).toEqual(['kept']);
    expect((await listReceivedVersions(db)).items).toEqual([]);
    expect((await listExpectedUnits(db, units)).map((u) => u.name)).toHaveLength(7);
    expect(await getOfficeSettings(db)).toEqual({
      unitDeadline: '2013-09-08',
      provinceDeadline: '2013-09-25',
      adminCode: '',
    });
    expect(await exportOffice(db)).toBeNull();
  });

  it('keeps the v3 build running without the office tables', async () => {
    const v3 = database(3);
    expect((await listReceivedVersions(v3)).items).toEqual([]);
    expect(await exportOffice(v3)).toBeNull();
    expect((await getOfficeSettings(v3)).unitDeadline).toBe('2013-09-08');
  });

  it('files versions by content: the same revision by PDF and by .json is one version', async () => {
    const db = database();
    const pdf = reportFile(0);
    const json = { ...reportFile(0), exportedAt: '2024-03-02T08:00:00.000Z' };
    expect(await versionIdOf(pdf)).toBe(await versionIdOf(json));
    expect(await fingerprintOf(pdf)).not.toBe(await fingerprintOf(json));
    const first = planIntake([], [await incoming(pdf, source('2013-09-07'))]);
    expect(first.outcomes.map((o) => o.kind)).toEqual(['new']);
    await saveReceivedVersions(db, first.writes);
    const second = planIntake((await listReceivedVersions(db)).items, [
      await incoming(json, source('2013-09-08', 'json', 'bao-cao.json')),
      await incoming(json, source('2013-09-08', 'json', 'bao-cao.json')),
    ]);
    expect(second.outcomes.map((o) => o.kind)).toEqual(['duplicate', 'duplicate']);
    await saveReceivedVersions(db, second.writes);
    const [stored] = (await listReceivedVersions(db)).items;
    expect(stored!.sources.map((s) => s.kind)).toEqual(['pdf', 'json']);
  });

  it('refuses a file claiming a received revision with other content, changing nothing', async () => {
    const received = planIntake([], [await incoming(reportFile(1, 4), source('2013-09-05'))]);
    const other = reportFile(1, 4, 'Nội dung khác.');
    const plan = planIntake(received.writes, [await incoming(other, source('2013-09-06'))]);
    expect(plan.outcomes).toEqual([
      { kind: 'conflict', unitName: units[1]!.name, reportName: other.report.name, revision: 4 },
    ]);
    expect(plan.writes).toEqual([]);
  });

  it('files a later revision as a correction', async () => {
    const first = planIntake([], [await incoming(reportFile(2, 1), source('2013-09-05'))]);
    const plan = planIntake(first.writes, [
      await incoming(reportFile(2, 2, 'Bản sửa.'), source('2013-09-10')),
    ]);
    expect(plan.outcomes[0]).toMatchObject({ kind: 'new', isCorrection: true });
  });

  it('skips a damaged record on read and counts it', async () => {
    const db = database();
    const plan = planIntake([], [await incoming(reportFile(0), source('2013-09-07'))]);
    await saveReceivedVersions(db, plan.writes);
    await db.provinceVersions.put({ id: 'broken', unitKey: 'x' });
    const read = await listReceivedVersions(db);
    expect(read.items).toHaveLength(1);
    expect(read.damaged).toBe(1);
  });

  it('adds a unit to the expected list once, after the template’s seven', async () => {
    const db = database();
    const extra = { key: 'ten-doan-khoi', name: 'Đoàn Khối các cơ quan tỉnh' };
    await addExpectedUnit(db, units, extra);
    const list = await addExpectedUnit(db, units, extra);
    expect(list).toHaveLength(8);
    expect(list[7]).toMatchObject({ ...extra, addedByOffice: true, order: 7 });
    expect(await listExpectedUnits(db, units)).toEqual(list);
  });

  it('carries the office data through a backup and restores it beside what is there', async () => {
    const db = database();
    const plan = planIntake([], [await incoming(reportFile(0), source('2013-09-07'))]);
    await saveReceivedVersions(db, plan.writes);
    await acceptVersion(db, units[0]!.key, plan.writes[0]!.id, new Date(NOW));
    await saveOfficeSettings(db, {
      unitDeadline: '2013-09-10',
      provinceDeadline: '2013-09-25',
      adminCode: 'abc',
    });
    const office = await exportOffice(db);
    const backup = buildBackupFile([], NOW, office);
    expect(backup.version).toBe(3);
    const parsed = parseImport(JSON.stringify(backup), 100, findTemplate);
    if (!parsed.ok) throw new Error('not parsed');
    expect(parsed.office).not.toBeNull();

    const other = database();
    const theirs = planIntake([], [await incoming(reportFile(3), source('2013-09-08'))]);
    await saveReceivedVersions(other, theirs.writes);
    await restoreOffice(other, parsed.office!);
    expect((await listReceivedVersions(other)).items.map((v) => v.unitKey).sort()).toEqual(
      [units[0]!.key, units[3]!.key].sort(),
    );
    expect(await listAcceptedVersions(other)).toEqual(office!.accepted);
    expect((await getOfficeSettings(other)).unitDeadline).toBe('2013-09-10');
  });

  it('opens a v4 office at v5 with its data intact, and keeps row mappings in order', async () => {
    const v4 = database(4);
    const plan = planIntake([], [await incoming(reportFile(0), source('2013-09-07'))]);
    await saveReceivedVersions(v4, plan.writes);
    expect(await listRowMappings(v4)).toEqual([]);
    v4.close();
    const db = new SoKetDatabase(v4.name);
    open.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect((await listReceivedVersions(db)).items).toEqual(plan.writes);
    await saveRowMappings(db, [MAPPING, { ...MAPPING, id: 'm0', label: 'Khác' }]);
    expect((await listRowMappings(db)).map((m) => m.id)).toEqual(['m1', 'm0']);
    await saveRowMappings(db, [MAPPING]);
    expect(await listRowMappings(db)).toEqual([MAPPING]);
    // A damaged record is left out; a bad mapping is never written.
    await db.provinceRowMaps.put({ id: 'broken', order: 9 });
    expect(await listRowMappings(db)).toEqual([MAPPING]);
    await expect(saveRowMappings(db, [{ ...MAPPING, members: [] }])).rejects.toThrow();
    expect((await listRowMappings(db)).map((m) => m.id)).toEqual(['m1']);
  });

  it('carries row mappings through a backup; the device’s own mappings win', async () => {
    const db = database();
    const plan = planIntake([], [await incoming(reportFile(0), source('2013-09-07'))]);
    await saveReceivedVersions(db, plan.writes);
    await saveRowMappings(db, [MAPPING]);
    const backup = buildBackupFile([], NOW, await exportOffice(db));
    const parsed = parseImport(JSON.stringify(backup), 100, findTemplate);
    if (!parsed.ok) throw new Error('not parsed');
    expect(parsed.office!.rowMappings).toEqual([MAPPING]);
    const empty = database();
    await restoreOffice(empty, parsed.office!);
    expect(await listRowMappings(empty)).toEqual([MAPPING]);
    const own = database();
    const mine = { ...MAPPING, id: 'mine', label: 'Của máy này' };
    await saveRowMappings(own, [mine]);
    await restoreOffice(own, parsed.office!);
    expect(await listRowMappings(own)).toEqual([mine]);
    // A backup made before mappings existed reads as having none.
    const { rowMappings: _none, ...older } = backup.office!;
    const reparsed = parseImport(JSON.stringify({ ...backup, office: older }), 100, findTemplate);
    expect(reparsed).toMatchObject({ ok: true, office: { rowMappings: [] } });
  });

  it('still reads a version 2 backup, with no office data', () => {
    const backup = buildBackupFile([reportFile(0)], NOW);
    expect(backup.version).toBe(2);
    const parsed = parseImport(JSON.stringify(backup), 100, findTemplate);
    expect(parsed).toMatchObject({ ok: true, office: null });
  });
});

describe('the tracker', () => {
  it('takes dates in Việt Nam: 23:30 UTC on 8 September is 9 September', () => {
    expect(ictDate(new Date('2013-09-08T16:59:59Z'))).toBe('2013-09-08');
    expect(ictDate(new Date('2013-09-08T17:00:00Z'))).toBe('2013-09-09');
    expect(daysBetween('2013-09-08', '2013-09-11')).toBe(3);
  });

  it('shows not received, on time, late by N days and corrected against the expected list', async () => {
    const list = await listExpectedUnits(database(), units);
    const received: ReceivedVersion[] = planIntake(
      [],
      [
        await incoming(reportFile(0), source('2013-09-08')),
        await incoming(reportFile(1), source('2013-09-11', 'json', 'b.json')),
        await incoming(reportFile(2, 1), source('2013-09-01')),
        await incoming(reportFile(2, 2, 'Bản sửa.'), source('2013-09-12')),
      ],
    ).writes;
    const rows = trackerRows(defaultTemplate, list, received, [], '2013-09-08');
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => [r.status, r.daysLate])).toEqual([
      ['onTime', 0],
      ['late', 3],
      ['corrected', 0],
      ['notReceived', 0],
      ['notReceived', 0],
      ['notReceived', 0],
      ['notReceived', 0],
    ]);
    expect(rows[1]!.kinds).toEqual(['json']);
    expect(rows[0]!.required!.total).toBeGreaterThan(rows[0]!.required!.done);
  });
});

// The unit's address for the office's letters (issue 17): an optional field of the
// expected unit, checked before it is stored, read as '' from records made before it, and
// carried by a backup (restored where the device has none).
const DONG_HAI = 'huyen-doan-dong-hai';
// The office's data written to a backup file and read back as Khôi phục reads it.
async function officeThroughBackup(db: SoKetDatabase) {
  const parsed = parseImport(
    JSON.stringify(buildBackupFile([], NOW, await exportOffice(db))),
    100,
    findTemplate,
  );
  if (!parsed.ok || !parsed.office) throw new Error('not parsed');
  return parsed.office;
}

const emailOf = async (db: SoKetDatabase, key: string) =>
  (await listExpectedUnits(db, units)).find((u) => u.key === key)?.email;

describe('a unit’s email for the office’s letters', () => {
  it('is stored for one unit, and a bad address changes nothing', async () => {
    const db = database();
    await saveUnitEmail(db, units, DONG_HAI, ' huyendoandonghai@gmail.com ');
    expect(await emailOf(db, DONG_HAI)).toBe('huyendoandonghai@gmail.com');
    expect(await emailOf(db, 'huyen-doan-hong-dan')).toBe('');
    await expect(saveUnitEmail(db, units, DONG_HAI, 'huyendoan@')).rejects.toThrow();
    await expect(saveUnitEmail(db, units, 'khong-co', 'a@b.vn')).rejects.toThrow();
    expect(await emailOf(db, DONG_HAI)).toBe('huyendoandonghai@gmail.com');
    await saveUnitEmail(db, units, DONG_HAI, '');
    expect(await emailOf(db, DONG_HAI)).toBe('');
  });

  it('reads a unit stored before the field existed as having no address', async () => {
    const db = database();
    await db.provinceUnits.put({
      key: 'ten-doan-khoi',
      name: 'Đoàn Khối',
      addedByOffice: true,
      order: 0,
    });
    expect(await listExpectedUnits(db, units)).toEqual([
      { key: 'ten-doan-khoi', name: 'Đoàn Khối', addedByOffice: true, order: 0, email: '' },
    ]);
  });

  it('goes with a backup, and fills a unit without an address on the restoring device', async () => {
    const db = database();
    await addExpectedUnit(db, units, { key: 'ten-doan-khoi', name: 'Đoàn Khối các cơ quan tỉnh' });
    await saveUnitEmail(db, units, DONG_HAI, 'huyendoandonghai@gmail.com');
    await saveUnitEmail(db, units, 'ten-doan-khoi', 'doankhoi@baclieu.gov.vn');
    const office = await officeThroughBackup(db);

    const other = database();
    await addExpectedUnit(other, units, {
      key: 'ten-doan-khoi',
      name: 'Đoàn Khối các cơ quan tỉnh',
    });
    await saveUnitEmail(other, units, 'ten-doan-khoi', 'khac@baclieu.gov.vn');
    await restoreOffice(other, office);
    expect(await emailOf(other, DONG_HAI)).toBe('huyendoandonghai@gmail.com');
    // The device's own address wins.
    expect(await emailOf(other, 'ten-doan-khoi')).toBe('khac@baclieu.gov.vn');
  });

  it('keeps the register of letters: a number given once, carried by a backup', async () => {
    const letter = (unitKey: string, unitName: string, number: string): Letter => ({
      kind: 'reminder',
      unitKey,
      unitName,
      issuingBody: 'BCH TỈNH BẠC LIÊU',
      number,
      symbol: 'CV/TĐTN-BTC',
      place: 'Bạc Liêu',
      date: '2013-09-12',
      subjectLine: 'V/v nhắc nộp báo cáo',
      salutation: `Ban Thường vụ ${unitName}`,
      body: 'Đề nghị gửi báo cáo./.',
      recipients: ['Như trên', 'Lưu BTC, VP'],
      signingLine: 'TM. BAN THƯỜNG VỤ',
      position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
      signerName: 'Phạm Thành Phước',
      email: '',
    });
    const db = database();
    const issue = (id: string, l: Letter) =>
      saveIssuedLetter(db, {
        id,
        letter: l,
        replyBy: '2013-09-17',
        channel: 'pdf',
        now: new Date(NOW),
      });
    expect((await issue('a', letter(DONG_HAI, 'Huyện Đoàn Đông Hải', '27'))).ok).toBe(true);
    // Two tabs giving 28 at once: one of them gets it.
    const both = await Promise.all([
      issue('b', letter('huyen-doan-hong-dan', 'Huyện Đoàn Hồng Dân', '28')),
      issue('c', letter('huyen-doan-gia-rai', 'Huyện Đoàn Giá Rai', '28')),
    ]);
    expect(both.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    expect((await listLetters(db)).map((r) => r.letter.number)).toEqual(['27', '28']);

    const office = await officeThroughBackup(db);
    const other = database();
    await saveIssuedLetter(other, {
      id: 'own',
      letter: letter('huyen-doan-vinh-loi', 'Huyện Đoàn Vĩnh Lợi', '5'),
      replyBy: '2013-09-17',
      channel: 'email',
      now: new Date(NOW),
    });
    await restoreOffice(other, office);
    await restoreOffice(other, office);
    expect((await listLetters(other)).map((r) => r.letter.number)).toEqual(['5', '27', '28']);
  });
});
