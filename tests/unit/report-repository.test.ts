import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { reportFileSchema } from '@/domain/report/report-schema';
import { SoKetDatabase } from '@/storage/db';
import {
  createReport,
  deleteReportForever,
  duplicateReport,
  exportReportFile,
  getAnswers,
  getReport,
  listReports,
  markExported,
  purgeTrash,
  rawReportData,
  renameReport,
  ReportMissingError,
  saveAnswers,
  trashReport,
  untrashReport,
} from '@/storage/report-repository';
import { makeNewReport, makeStoredReport, NOW } from './factories';

const LATER = '2024-03-02T09:30:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

let counter = 0;
const openDatabases: SoKetDatabase[] = [];
const names = new Set<string>();

function openDatabase(name = `test-${++counter}`): SoKetDatabase {
  const db = new SoKetDatabase(name);
  openDatabases.push(db);
  names.add(name);
  return db;
}

afterEach(async () => {
  for (const db of openDatabases.splice(0)) db.close();
  for (const name of names) await Dexie.delete(name);
  names.clear();
});

describe('the first change not yet off the device', () => {
  it('is kept through later saves and cleared by an export', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await markExported(db, 'report-1', LATER);
    const afterExport = await getReport(db, 'report-1');
    expect(afterExport.status === 'ok' && afterExport.report.changedSince).toBeNull();
    await saveAnswers(db, 'report-1', new Map([['place', 'A']]), '2024-03-05T00:00:00.000Z');
    await saveAnswers(db, 'report-1', new Map([['place', 'B']]), '2024-03-06T00:00:00.000Z');
    const afterSaves = await getReport(db, 'report-1');
    expect(afterSaves.status === 'ok' && afterSaves.report.changedSince).toBe(
      '2024-03-05T00:00:00.000Z',
    );
  });
});

describe('createReport and getAnswers', () => {
  it('stores a new report with its answers', async () => {
    const db = openDatabase();
    const input = makeNewReport();
    const created = await createReport(db, input);
    // A new report has changes only this device holds, from the moment it is made.
    expect(created).toEqual(makeStoredReport({ changedSince: input.now }));
    expect(await getReport(db, 'report-1')).toEqual({ status: 'ok', report: created });
    expect(await getAnswers(db, 'report-1')).toEqual({ answers: input.answers, damaged: [] });
  });

  it('keeps the answers of different reports apart', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport({ id: 'a', answers: { place: 'A' } }));
    await createReport(db, makeNewReport({ id: 'b', answers: { place: 'B' } }));
    expect((await getAnswers(db, 'a')).answers).toEqual({ place: 'A' });
    expect((await getAnswers(db, 'b')).answers).toEqual({ place: 'B' });
  });

  it('refuses a second report with the same id', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await expect(createReport(db, makeNewReport({ name: 'Khác' }))).rejects.toThrow();
    const { reports } = await listReports(db);
    expect(reports.map((r) => r.name)).toEqual(['Báo cáo sơ kết']);
  });

  it('returns missing for an unknown report and no answers for it', async () => {
    const db = openDatabase();
    expect(await getReport(db, 'nothing')).toEqual({ status: 'missing' });
    expect(await getAnswers(db, 'nothing')).toEqual({ answers: {}, damaged: [] });
  });

  it('reports a stored answer of the wrong shape as damaged', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport({ answers: { place: 'Hồng Dân' } }));
    await db.answers.put({ reportId: 'report-1', fieldId: 'broken', value: 7, updatedAt: NOW });
    expect(await getAnswers(db, 'report-1')).toEqual({
      answers: { place: 'Hồng Dân' },
      damaged: [{ fieldId: 'broken', raw: 7 }],
    });
  });
});

describe('saveAnswers', () => {
  it('writes the changed fields and bumps the revision and time of the report', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport({ answers: { place: 'Hồng Dân', 'signer-name': 'A' } }));
    await saveAnswers(db, 'report-1', new Map([['signer-name', 'Nguyễn Văn B']]), LATER);
    await saveAnswers(db, 'report-1', new Map([['recipients', ['Lưu VP']]]), LATER);
    expect((await getAnswers(db, 'report-1')).answers).toEqual({
      place: 'Hồng Dân',
      'signer-name': 'Nguyễn Văn B',
      recipients: ['Lưu VP'],
    });
    expect(await getReport(db, 'report-1')).toMatchObject({
      status: 'ok',
      report: { revision: 2, updatedAt: LATER, createdAt: NOW },
    });
  });

  it('keeps the values of two connections writing different fields of one report', async () => {
    const name = `test-shared-${++counter}`;
    const first = openDatabase(name);
    const second = openDatabase(name);
    await createReport(first, makeNewReport({ answers: {} }));
    await Promise.all([
      saveAnswers(first, 'report-1', new Map([['place', 'Hồng Dân']]), LATER),
      saveAnswers(second, 'report-1', new Map([['signer-name', 'Nguyễn Văn A']]), LATER),
    ]);
    const third = openDatabase(name);
    expect((await getAnswers(third, 'report-1')).answers).toEqual({
      place: 'Hồng Dân',
      'signer-name': 'Nguyễn Văn A',
    });
    expect(await getReport(third, 'report-1')).toMatchObject({ report: { revision: 2 } });
  });

  it('keeps the later of two writes to the same field', async () => {
    const name = `test-shared-${++counter}`;
    const first = openDatabase(name);
    const second = openDatabase(name);
    await createReport(first, makeNewReport({ answers: {} }));
    await saveAnswers(first, 'report-1', new Map([['place', 'Cũ']]), NOW);
    await saveAnswers(second, 'report-1', new Map([['place', 'Mới']]), LATER);
    expect((await getAnswers(first, 'report-1')).answers).toEqual({ place: 'Mới' });
  });

  it('throws ReportMissingError for a report that does not exist and writes nothing', async () => {
    const db = openDatabase();
    const saving = saveAnswers(db, 'gone', new Map([['place', 'Hồng Dân']]), LATER);
    await expect(saving).rejects.toBeInstanceOf(ReportMissingError);
    await expect(saving).rejects.toMatchObject({ name: 'ReportMissingError' });
    expect(await db.answers.count()).toBe(0);
  });
});

describe('renameReport', () => {
  it('changes the name and bumps the revision and time', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await renameReport(db, 'report-1', 'Báo cáo mới', LATER);
    expect(await getReport(db, 'report-1')).toMatchObject({
      status: 'ok',
      report: { name: 'Báo cáo mới', revision: 1, updatedAt: LATER },
    });
  });

  it('throws ReportMissingError for a report that does not exist', async () => {
    const db = openDatabase();
    await expect(renameReport(db, 'gone', 'Tên', LATER)).rejects.toBeInstanceOf(ReportMissingError);
  });
});

describe('trash', () => {
  it('moves a report to the trash and back', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await trashReport(db, 'report-1', LATER);
    expect(await getReport(db, 'report-1')).toMatchObject({ report: { deletedAt: LATER } });
    await untrashReport(db, 'report-1');
    expect(await getReport(db, 'report-1')).toMatchObject({ report: { deletedAt: null } });
    expect((await getAnswers(db, 'report-1')).answers).toEqual(makeNewReport().answers);
  });

  it.each([
    ['trash', (db: SoKetDatabase) => trashReport(db, 'gone', LATER)],
    ['untrash', (db: SoKetDatabase) => untrashReport(db, 'gone')],
    ['mark as exported', (db: SoKetDatabase) => markExported(db, 'gone', LATER)],
  ])('throws ReportMissingError when asked to %s a missing report', async (_, act) => {
    await expect(act(openDatabase())).rejects.toBeInstanceOf(ReportMissingError);
  });

  it('purges only reports trashed more than 30 days ago, with their answers', async () => {
    const db = openDatabase();
    const now = new Date('2024-04-10T08:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const cases = [
      { id: 'trashed-31-days-ago', deletedAt: daysAgo(31) },
      { id: 'trashed-30-days-ago', deletedAt: daysAgo(30) },
      { id: 'trashed-29-days-ago', deletedAt: daysAgo(29) },
      { id: 'not-trashed', deletedAt: null },
    ];
    for (const { id, deletedAt } of cases) {
      await createReport(db, makeNewReport({ id, answers: { place: id } }));
      if (deletedAt) await trashReport(db, id, deletedAt);
    }

    expect(await purgeTrash(db, now)).toBe(1);

    const { reports } = await listReports(db);
    expect(reports.map((r) => r.id).sort()).toEqual([
      'not-trashed',
      'trashed-29-days-ago',
      'trashed-30-days-ago',
    ]);
    expect(await getReport(db, 'trashed-31-days-ago')).toEqual({ status: 'missing' });
    expect(await db.answers.where('reportId').equals('trashed-31-days-ago').count()).toBe(0);
    expect((await getAnswers(db, 'trashed-29-days-ago')).answers).toEqual({
      place: 'trashed-29-days-ago',
    });
  });

  it('deletes a report forever with its answers only', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport({ id: 'a' }));
    await createReport(db, makeNewReport({ id: 'b' }));
    await deleteReportForever(db, 'a');
    expect(await getReport(db, 'a')).toEqual({ status: 'missing' });
    expect(await db.answers.where('reportId').equals('a').count()).toBe(0);
    expect((await getAnswers(db, 'b')).answers).toEqual(makeNewReport().answers);
  });
});

describe('duplicateReport', () => {
  it('copies a report with its answers under a new id', async () => {
    const db = openDatabase();
    const original = await createReport(db, makeNewReport());
    await saveAnswers(db, 'report-1', new Map([['signer-name', 'Nguyễn Văn A']]), LATER);
    const copy = await duplicateReport(db, 'report-1', {
      id: 'report-2',
      name: 'Bản sao',
      now: LATER,
    });
    expect(copy).toEqual({
      ...original,
      id: 'report-2',
      name: 'Bản sao',
      createdAt: LATER,
      updatedAt: LATER,
      changedSince: LATER,
      revision: 0,
    });
    expect((await getAnswers(db, 'report-2')).answers).toEqual(
      (await getAnswers(db, 'report-1')).answers,
    );
  });

  it('leaves the original unchanged when the copy changes', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await duplicateReport(db, 'report-1', { id: 'report-2', name: 'Bản sao', now: LATER });
    await saveAnswers(
      db,
      'report-2',
      new Map<string, string[]>([['recipients', ['Lưu VP', 'Ban Tổ chức']]]),
      LATER,
    );
    expect((await getAnswers(db, 'report-1')).answers.recipients).toEqual(['Lưu VP']);
    expect((await getAnswers(db, 'report-2')).answers.recipients).toEqual([
      'Lưu VP',
      'Ban Tổ chức',
    ]);
    expect(await getReport(db, 'report-1')).toMatchObject({ report: { revision: 0 } });
  });

  it('throws ReportMissingError for a report that does not exist', async () => {
    const db = openDatabase();
    await expect(
      duplicateReport(db, 'gone', { id: 'copy', name: 'Bản sao', now: LATER }),
    ).rejects.toBeInstanceOf(ReportMissingError);
    expect(await getReport(db, 'copy')).toEqual({ status: 'missing' });
  });
});

describe('exportReportFile', () => {
  it('returns a file the report file schema accepts', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await saveAnswers(db, 'report-1', new Map([['place', 'Hồng Dân']]), LATER);
    const file = await exportReportFile(db, 'report-1', LATER);
    expect(reportFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(file).toMatchObject({
      exportedAt: LATER,
      report: { id: 'report-1', revision: 1, updatedAt: LATER },
      answers: { ...makeNewReport().answers, place: 'Hồng Dân' },
    });
    expect(file.report).not.toHaveProperty('deletedAt');
    expect(file.report).not.toHaveProperty('recordVersion');
  });

  it('records when the report was last exported', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await markExported(db, 'report-1', LATER);
    expect(await getReport(db, 'report-1')).toMatchObject({ report: { lastExportedAt: LATER } });
  });

  it.each([
    ['a missing report', async (_db: SoKetDatabase) => {}],
    ['a damaged report', (db: SoKetDatabase) => db.reports.put({ id: 'gone', name: 5 })],
  ])('throws ReportMissingError for %s', async (_, arrange) => {
    const db = openDatabase();
    await arrange(db);
    await expect(exportReportFile(db, 'gone', LATER)).rejects.toBeInstanceOf(ReportMissingError);
  });
});

describe('damaged records', () => {
  it('lists a damaged record apart without breaking the list', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport());
    await db.reports.put({ id: 'x', name: 5 });
    const list = await listReports(db);
    expect(list.reports.map((r) => r.id)).toEqual(['report-1']);
    expect(list.damaged).toEqual([
      { id: 'x', raw: { id: 'x', name: 5 }, reason: expect.any(String) },
    ]);
  });

  it('loads a damaged record as damaged', async () => {
    const db = openDatabase();
    await db.reports.put({ id: 'x', name: 5 });
    expect(await getReport(db, 'x')).toMatchObject({
      status: 'damaged',
      damaged: { id: 'x', raw: { id: 'x', name: 5 } },
    });
  });

  it('returns the raw data of a damaged record with its answers', async () => {
    const db = openDatabase();
    await db.reports.put({ id: 'x', name: 5 });
    const row = { reportId: 'x', fieldId: 'place', value: 12, updatedAt: NOW };
    await db.answers.put(row);
    expect(await rawReportData(db, 'x')).toEqual({ report: { id: 'x', name: 5 }, answers: [row] });
  });

  it('returns no raw data for a record without an id', async () => {
    expect(await rawReportData(openDatabase(), null)).toBeNull();
  });
});

describe('listReports', () => {
  it('lists reports, trashed ones included, most recently changed first', async () => {
    const db = openDatabase();
    await createReport(db, makeNewReport({ id: 'old', now: '2024-01-01T00:00:00.000Z' }));
    await createReport(db, makeNewReport({ id: 'new', now: '2024-02-01T00:00:00.000Z' }));
    await createReport(db, makeNewReport({ id: 'mid', now: '2024-01-15T00:00:00.000Z' }));
    await trashReport(db, 'mid', LATER);
    const list = await listReports(db);
    expect(list.reports.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(list.damaged).toEqual([]);
  });
});
