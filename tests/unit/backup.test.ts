import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backupFileSchema,
  buildBackupFile,
  needsBackupReminder,
  type BackupFile,
} from '@/domain/report/backup';
import {
  MAX_IMPORT_BYTES,
  normalizeReportFile,
  parseImport,
  planImport,
  summarizePlan,
} from '@/domain/report/import-plan';
import { normalizeAnswers } from '@/domain/report/answers';
import { type ReportFile } from '@/domain/report/report-schema';
import { normalizeText } from '@/domain/report/text';
import { importProblemMessage, vi } from '@/i18n/vi-report';
import type { SoKetDatabase } from '@/storage/db';
import { applyImport, existingReports } from '@/storage/import-repository';
import {
  exportAllReports,
  exportReportFile,
  getAnswers,
  getReport,
  listReports,
  markExported,
  reportMeta,
  trashReport,
} from '@/storage/report-repository';
import { defaultTemplate, findTemplate } from '@/templates/template-registry';
import { readRestoreFile } from '@/storage/restore-file';
import {
  addPhotos,
  byteLength,
  CREATED,
  EDITED,
  EXPORTED,
  parseText,
  planFor,
  readFixtureFile,
  restoreText,
  seedReport,
  snapshot,
  testDatabases,
} from './backup-fixtures';

const LATER = '2024-03-08T16:45:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

const full = readFixtureFile('full');
const draft = readFixtureFile('draft');
const largest = readFixtureFile('largest');

const databases = testDatabases('backup');
afterEach(() => databases.removeAll());

// What the Settings screen shows for a problem (restore-panel.tsx).
const messageOf = importProblemMessage;

// A report file with other metadata (and, optionally, other answers).
function variant(
  file: ReportFile,
  report: Partial<ReportFile['report']>,
  answers = file.answers,
): ReportFile {
  return { ...file, report: { ...file.report, ...report }, answers };
}

function backupText(reports: ReportFile[]): string {
  return JSON.stringify(buildBackupFile(reports, EXPORTED), null, 2);
}

// The report as the app shows it: metadata and answers, read through restore.
async function readBack(db: SoKetDatabase, id: string) {
  const loaded = await getReport(db, id);
  if (loaded.status !== 'ok') throw new Error(`${id} is ${loaded.status}`);
  const { answers, damaged } = await getAnswers(db, id);
  expect(damaged).toEqual([]);
  return { meta: reportMeta(loaded.report), answers };
}

describe('backing up and restoring everything', () => {
  it('brings back every report outside the trash as it was, its text normalised', async () => {
    const name = 'backup-round-trip';
    let db = databases.open(name);
    const ids = [
      await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED }),
      await seedReport(db, draft, { createdAt: CREATED, updatedAt: LATER }),
      await seedReport(db, largest, { createdAt: EDITED, updatedAt: LATER }),
    ];
    await seedReport(db, draft, {
      id: 'in-the-trash',
      name: 'Bản đã xóa',
      createdAt: CREATED,
      updatedAt: EDITED,
    });
    await trashReport(db, 'in-the-trash', LATER);
    const before = await Promise.all(ids.map((id) => readBack(db, id)));
    expect(before.map((r) => r.meta.revision)).toEqual([2, 2, 2]);
    expect(before[0]!.answers['youth-table']).toEqual(full.answers['youth-table']);

    const files = await exportAllReports(db, EXPORTED);
    const text = `${JSON.stringify(buildBackupFile(files, EXPORTED), null, 2)}\n`;
    expect(files.map((f) => f.report.id).sort()).toEqual([...ids].sort());
    const { reports } = await listReports(db);
    expect(Object.fromEntries(reports.map((r) => [r.id, r.lastExportedAt]))).toEqual({
      [ids[0]!]: EXPORTED,
      [ids[1]!]: EXPORTED,
      [ids[2]!]: EXPORTED,
      'in-the-trash': null,
    });

    db.close();
    await databases.removeAll();
    db = databases.open(name);
    expect(Object.values(await snapshot(db)).flat()).toEqual([]);

    const parsed = parseText(text);
    expect(parsed).toMatchObject({ ok: true, kind: 'backup' });
    const { plan, result } = await restoreText(db, text);
    expect(plan.map((item) => [item.comparison, item.choice])).toEqual([
      ['new', 'import'],
      ['new', 'import'],
      ['new', 'import'],
    ]);
    expect(vi.restore.summary(summarizePlan(plan))).toBe('3 báo cáo mới');
    expect(result).toEqual({ imported: 3, replaced: 0, copied: 0, skipped: 0 });

    const after = await Promise.all(ids.map((id) => readBack(db, id)));
    // The seeded answers hold decomposed text (a keyboard's NFD): import stores it in NFC.
    expect(after).toEqual(
      before.map(({ meta, answers }) => ({
        meta: { ...meta, name: normalizeText(meta.name) },
        answers: normalizeAnswers(defaultTemplate, answers),
      })),
    );
    expect(after).not.toEqual(before);
    expect(await getReport(db, 'in-the-trash')).toEqual({ status: 'missing' });
    const list = await listReports(db);
    expect(list.damaged).toEqual([]);
    expect(list.reports.map((r) => [r.deletedAt, r.lastExportedAt, r.submittedRevision])).toEqual([
      [null, null, 0],
      [null, null, 0],
      [null, null, 0],
    ]);
    for (const id of ids) {
      const again = await exportReportFile(db, id, EXPORTED);
      expect(again).toEqual(
        normalizeReportFile(
          files.find((f) => f.report.id === id)!,
          findTemplate,
        ),
      );
    }
  });

  it('writes a backup file the backup schema reads back unchanged', async () => {
    const db = databases.open();
    await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED });
    const backup = buildBackupFile(await exportAllReports(db, EXPORTED), EXPORTED);
    expect(backup).toMatchObject({ format: 'so-ket/backup', version: 2, exportedAt: EXPORTED });
    const read: BackupFile = backupFileSchema.parse(JSON.parse(JSON.stringify(backup)));
    expect(read).toEqual(backup);
  });

  it('backs up nothing when every report is in the trash', async () => {
    const db = databases.open();
    await seedReport(db, draft, { createdAt: CREATED, updatedAt: EDITED });
    await trashReport(db, draft.report.id, LATER);
    expect(await exportAllReports(db, EXPORTED)).toEqual([]);
  });
});

describe('planning a restore', () => {
  const device = (file: ReportFile, updatedAt: string) =>
    new Map([[file.report.id, { name: file.report.name, updatedAt }]]);

  it('adds new reports and replaces one whose copy in the file is newer, by default', async () => {
    const db = databases.open();
    await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED });
    const fileCopy = variant(full, { updatedAt: LATER, revision: 9 });
    const text = backupText([
      variant(draft, { id: 'new-1' }),
      fileCopy,
      variant(draft, { id: 'new-2' }),
      variant(largest, { id: 'new-3' }),
    ]);
    const parsed = parseText(text);
    if (!parsed.ok) throw new Error('rejected');
    const plan = await planFor(db, parsed.reports);
    expect(plan.map((item) => [item.file.report.id, item.comparison, item.choice])).toEqual([
      ['new-1', 'new', 'import'],
      [full.report.id, 'fileNewer', 'replace'],
      ['new-2', 'new', 'import'],
      ['new-3', 'new', 'import'],
    ]);
    expect(plan[1]!.existing).toEqual({ name: full.report.name, updatedAt: EDITED });
    expect(vi.restore.summary(summarizePlan(plan))).toBe(
      '3 báo cáo mới, 1 báo cáo đã có — bản trong tệp mới hơn',
    );
  });

  it('skips a report whose copy in the file is older or the same, by default', () => {
    const older = planImport([variant(full, { updatedAt: EDITED })], device(full, LATER));
    const same = planImport([variant(full, { updatedAt: LATER })], device(full, LATER));
    expect(older.map((item) => [item.comparison, item.choice])).toEqual([['fileOlder', 'skip']]);
    expect(same.map((item) => [item.comparison, item.choice])).toEqual([['same', 'skip']]);
    expect(vi.restore.summary(summarizePlan([...older, ...same]))).toBe(
      '1 báo cáo đã có — bản trong tệp cũ hơn, 1 báo cáo đã có — giống bản trên máy',
    );
  });

  // 10:00 in Việt Nam is 03:00 UTC: older than the device's 08:00 UTC, though the text
  // sorts after it.
  it('compares times by the instant they name, whatever their offset', () => {
    const file = variant(full, { updatedAt: '2024-03-01T10:00:00+07:00' });
    expect(planImport([file], device(full, '2024-03-01T08:00:00.000Z'))).toMatchObject([
      { comparison: 'fileOlder', choice: 'skip' },
    ]);
    expect(planImport([file], device(full, '2024-03-01T03:00:00.000Z'))).toMatchObject([
      { comparison: 'same', choice: 'skip' },
    ]);
    expect(planImport([file], device(full, '2024-03-01T02:59:59.999Z'))).toMatchObject([
      { comparison: 'fileNewer', choice: 'replace' },
    ]);
  });

  it('replaces a device copy whose time cannot be read, by default', async () => {
    const db = databases.open();
    await db.reports.put({ id: full.report.id, name: full.report.name, updatedAt: 'hôm qua' });
    const plan = await planFor(db, [full]);
    expect(plan).toMatchObject([{ comparison: 'fileNewer', choice: 'replace' }]);
    await applyImport(db, plan, { newId: () => 'x', copyName: vi.restore.copyName });
    expect(await readBack(db, full.report.id)).toEqual({
      meta: full.report,
      answers: full.answers,
    });
  });

  it('reads what the device has for the ids in the file, trashed reports included', async () => {
    const db = databases.open();
    await seedReport(db, draft, { createdAt: CREATED, updatedAt: EDITED });
    await trashReport(db, draft.report.id, LATER);
    expect(await existingReports(db, [draft.report.id, 'unknown'])).toEqual(
      new Map([[draft.report.id, { name: draft.report.name, updatedAt: EDITED }]]),
    );
  });
});

describe('applying the choices', () => {
  // On the device: the draft with one more answer than the file has, exported and
  // submitted once, then edited.
  async function deviceWithDraft() {
    const db = databases.open();
    await seedReport(
      db,
      { ...draft, answers: { ...draft.answers, limitations: 'Chỉ có trên máy.' } },
      { createdAt: CREATED, updatedAt: EDITED },
    );
    await markExported(db, draft.report.id, EDITED);
    await db.reports.update(draft.report.id, { submittedRevision: 1 });
    return db;
  }

  it('replaces the device copy with the file, answers included, keeping its history', async () => {
    const db = await deviceWithDraft();
    const file = variant(draft, { updatedAt: LATER, revision: 7, name: 'Bản nháp (mới)' });
    const { plan, result } = await restoreText(db, backupText([file]));
    expect(plan[0]).toMatchObject({ comparison: 'fileNewer', choice: 'replace' });
    expect(result).toEqual({ imported: 0, replaced: 1, copied: 0, skipped: 0 });
    expect(await readBack(db, draft.report.id)).toEqual({
      meta: file.report,
      answers: draft.answers,
    });
    expect(await getReport(db, draft.report.id)).toMatchObject({
      report: { lastExportedAt: EDITED, submittedRevision: 1, deletedAt: null },
    });
  });

  it('brings a trashed report back out of the trash when replacing it', async () => {
    const db = await deviceWithDraft();
    await trashReport(db, draft.report.id, LATER);
    await restoreText(db, backupText([variant(draft, { updatedAt: LATER })]), () => 'replace');
    expect(await getReport(db, draft.report.id)).toMatchObject({ report: { deletedAt: null } });
  });

  it('keeps both: the file copy under a new id and name, the device copy untouched', async () => {
    const db = await deviceWithDraft();
    const before = await readBack(db, draft.report.id);
    const file = variant(draft, { updatedAt: LATER });
    const { result } = await restoreText(
      db,
      backupText([file]),
      () => 'keepBoth',
      () => 'copy-1',
    );
    expect(result).toEqual({ imported: 0, replaced: 0, copied: 1, skipped: 0 });
    expect(await readBack(db, draft.report.id)).toEqual(before);
    expect(await readBack(db, 'copy-1')).toEqual({
      meta: { ...file.report, id: 'copy-1', name: 'Bản nháp (bản khôi phục)' },
      answers: draft.answers,
    });
    expect(await getReport(db, 'copy-1')).toMatchObject({
      report: { lastExportedAt: null, submittedRevision: 0, deletedAt: null },
    });
  });

  it('keeps a copy of a report with a name of the longest length readable', async () => {
    const db = databases.open();
    const longName = 'Báo cáo '.repeat(25).slice(0, 200);
    await seedReport(db, draft, { name: longName, createdAt: CREATED, updatedAt: EDITED });
    const file = variant(draft, { name: longName });
    await restoreText(
      db,
      backupText([file]),
      () => 'keepBoth',
      () => 'copy-1',
    );
    const { damaged } = await listReports(db);
    expect(damaged).toEqual([]);
    const copy = await readBack(db, 'copy-1');
    expect(copy.meta.name).toBe(`${longName.slice(0, 184)} (bản khôi phục)`);
    expect(copy.meta.name).toHaveLength(200);
  });

  it('skips: nothing on the device changes', async () => {
    const db = await deviceWithDraft();
    const before = await snapshot(db);
    const { result } = await restoreText(
      db,
      backupText([variant(draft, { updatedAt: LATER })]),
      () => 'skip',
    );
    expect(result).toEqual({ imported: 0, replaced: 0, copied: 0, skipped: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('skips a file copy older than the device copy unless told otherwise', async () => {
    const db = await deviceWithDraft();
    const before = await snapshot(db);
    const { plan, result } = await restoreText(
      db,
      backupText([variant(draft, { updatedAt: CREATED })]),
    );
    expect(plan[0]).toMatchObject({ comparison: 'fileOlder', choice: 'skip' });
    expect(result.skipped).toBe(1);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing when one item of the plan fails', async () => {
    const db = await deviceWithDraft();
    const before = await snapshot(db);
    const items = [
      { file: variant(full, { id: 'new-report' }), choice: 'import' as const },
      // Planned as new, but the device has it by the time the plan is applied.
      { file: draft, choice: 'import' as const },
    ];
    await expect(
      applyImport(db, items, { newId: () => 'x', copyName: vi.restore.copyName }),
    ).rejects.toThrow(/appeared meanwhile/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('files that are refused, each with its own message', () => {
  const report = (overrides: Record<string, unknown>) => JSON.stringify({ ...full, ...overrides });
  const backup = (overrides: Record<string, unknown>) =>
    JSON.stringify({ ...buildBackupFile([full, draft], EXPORTED), ...overrides });

  const cases: [string, string, number | null, string][] = [
    [
      'a file over 150 MB (by its size, unread)',
      '{}',
      MAX_IMPORT_BYTES + 1,
      'Tệp lớn hơn 150 MB, không khôi phục được. Không có gì thay đổi.',
    ],
    [
      'truncated JSON',
      report({}).slice(0, 500),
      null,
      'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc bị cắt ngắn). Không có gì thay đổi.',
    ],
    [
      'an empty file',
      '',
      null,
      'Tệp không phải JSON hợp lệ (có thể bị hỏng hoặc bị cắt ngắn). Không có gì thay đổi.',
    ],
    ...[
      ['other JSON', '{"name":"Báo cáo","data":[1,2,3]}'],
      ['an array', '[]'],
      ['an array of report files', `[${report({})}]`],
      ['null', 'null'],
      ['a string', '"so-ket/report"'],
      ['a number', '42'],
      ['another format', report({ format: 'so-ket/other' })],
      ['a file without a format', report({ format: undefined })],
    ].map(
      ([what, text]) =>
        [
          what!,
          text!,
          null,
          'Tệp này không phải tệp báo cáo hay tệp sao lưu của ứng dụng Sơ kết NQ01. Không có gì thay đổi.',
        ] as [string, string, null, string],
    ),
    [
      'a backup of format version 5',
      backup({ version: 5 }),
      null,
      'Tệp được tạo bởi phiên bản ứng dụng mới hơn (định dạng phiên bản 5). Hãy cập nhật ứng dụng rồi thử lại. Không có gì thay đổi.',
    ],
    [
      'a report file of format version 3',
      report({ version: 3 }),
      null,
      'Tệp được tạo bởi phiên bản ứng dụng mới hơn (định dạng phiên bản 3). Hãy cập nhật ứng dụng rồi thử lại. Không có gì thay đổi.',
    ],
    [
      'a report written against a template this app lacks',
      backup({
        reports: [full, variant(draft, { templateId: 'so-ket-khac', templateVersion: 3 })],
      }),
      null,
      'Báo cáo “Bản nháp” dùng mẫu so-ket-khac phiên bản 3 mà ứng dụng này chưa có. Không có gì thay đổi.',
    ],
    [
      'a report written against a newer version of the template',
      report({ report: { ...full.report, templateVersion: 9 } }),
      null,
      'Báo cáo “Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân” dùng mẫu so-ket-5-nam-nq01-bac-lieu phiên bản 9 mà ứng dụng này chưa có. Không có gì thay đổi.',
    ],
    [
      'a report with a bad time (in a backup)',
      backup({ reports: [full, variant(draft, { createdAt: 'hôm qua' })] }),
      null,
      'Báo cáo “Bản nháp” có dữ liệu không hợp lệ ở mục report.createdAt. Không có gì thay đổi.',
    ],
    [
      'a report with an answer of the wrong shape',
      report({ answers: { ...full.answers, 'signer-name': 5 } }),
      null,
      'Báo cáo “Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân” có dữ liệu không hợp lệ ở mục answers.signer-name. Không có gì thay đổi.',
    ],
    [
      'a report with an answer the template has no field for',
      backup({ reports: [variant(draft, {}, { ...draft.answers, 'khong-co': 'x' })] }),
      null,
      'Báo cáo “Bản nháp” có dữ liệu không hợp lệ ở mục answers.khong-co. Không có gì thay đổi.',
    ],
    [
      'a report with a text where a table belongs',
      report({ answers: { ...full.answers, 'youth-table': 'bảng' } }),
      null,
      'Báo cáo “Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân” có dữ liệu không hợp lệ ở mục answers.youth-table. Không có gì thay đổi.',
    ],
    [
      'a report with a reserved key in a table',
      report({}).replace('"cells":{', '"cells":{"constructor":{},'),
      null,
      'Báo cáo “Báo cáo sơ kết NQ01 – Huyện Đoàn Hồng Dân” có dữ liệu không hợp lệ ở mục answers.youth-table. Không có gì thay đổi.',
    ],
    [
      'a report without a name',
      report({ report: { ...full.report, name: undefined } }),
      null,
      'Báo cáo “không rõ tên” có dữ liệu không hợp lệ ở mục report.name. Không có gì thay đổi.',
    ],
    [
      'a backup whose reports are not a list',
      backup({ reports: { a: full } }),
      null,
      'Báo cáo “không rõ tên” có dữ liệu không hợp lệ ở mục reports. Không có gì thay đổi.',
    ],
    [
      'a report in it twice',
      backup({ reports: [full, draft, variant(full, { name: 'Bản khác' })] }),
      null,
      'Tệp chứa báo cáo “Bản khác” hai lần. Không có gì thay đổi.',
    ],
  ];

  // Read as "Khôi phục" reads it, on a device holding reports with photos: the whole
  // database is the same afterwards.
  it.each(cases)('refuses %s', async (_, text, size, message) => {
    const db = databases.open();
    await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED });
    await seedReport(db, draft, { createdAt: CREATED, updatedAt: EDITED });
    await addPhotos(db, full.report.id, 2, { createdAt: CREATED, updatedAt: EDITED });
    const before = await snapshot(db);
    expect(before.photos).toHaveLength(2);
    const read = await readRestoreFile(db, text, size ?? byteLength(text));
    if (read.ok) throw new Error('accepted');
    expect(messageOf(read.problem)).toBe(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts a file whose given size is exactly the 150 MB limit', () => {
    const text = JSON.stringify(full);
    expect(parseImport(text, MAX_IMPORT_BYTES, findTemplate)).toMatchObject({
      ok: true,
      kind: 'report',
    });
  });

  it('reads a single report file as one report', () => {
    expect(parseText(JSON.stringify(full))).toEqual({
      ok: true,
      kind: 'report',
      reports: [full],
      office: null,
      submissions: [],
    });
  });

  it('reads a backup with no reports as an empty plan', () => {
    const parsed = parseText(backupText([]));
    expect(parsed).toEqual({
      ok: true,
      kind: 'backup',
      reports: [],
      office: null,
      submissions: [],
    });
    expect(vi.restore.summary(summarizePlan([]))).toBe('');
  });
});

describe('needsBackupReminder', () => {
  const now = new Date('2024-03-10T12:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it.each([
    ['a report created 2 days ago, never exported', ago(2 * DAY), ago(DAY), null, false],
    ['a report created exactly 3 days ago, never exported', ago(3 * DAY), ago(DAY), null, false],
    [
      'a report created 3 days and 1 ms ago, never exported',
      ago(3 * DAY + 1),
      ago(DAY),
      null,
      true,
    ],
    ['a report created 10 days ago, never exported', ago(10 * DAY), ago(10 * DAY), null, true],
    [
      'a report exported 10 days ago, unchanged since',
      ago(20 * DAY),
      ago(11 * DAY),
      ago(10 * DAY),
      false,
    ],
    ['a report exported when last changed', ago(20 * DAY), ago(10 * DAY), ago(10 * DAY), false],
    ['a report changed after its export 10 days ago', ago(20 * DAY), ago(DAY), ago(10 * DAY), true],
    [
      'a report changed after its export exactly 3 days ago',
      ago(20 * DAY),
      ago(DAY),
      ago(3 * DAY),
      false,
    ],
    [
      'a report changed after its export 3 days and 1 ms ago',
      ago(20 * DAY),
      ago(DAY),
      ago(3 * DAY + 1),
      true,
    ],
    ['a report changed after its export 1 day ago', ago(20 * DAY), ago(1), ago(DAY), false],
  ])('%s', (_, createdAt, updatedAt, lastExportedAt, expected) => {
    expect(needsBackupReminder({ createdAt, updatedAt, lastExportedAt }, now)).toBe(expected);
  });

  it('compares a change and an export by instant, whatever their offset', () => {
    // Exported at 10:00 UTC; the change was at 09:00 UTC (16:00 in Việt Nam), before it.
    const report = {
      createdAt: ago(20 * DAY),
      updatedAt: '2024-03-01T16:00:00+07:00',
      lastExportedAt: '2024-03-01T10:00:00.000Z',
    };
    expect(needsBackupReminder(report, now)).toBe(false);
  });

  it.each([
    ['the oldest unexported change is 3 days old', 3 * DAY, false],
    ['the oldest unexported change is just over 3 days old', 3 * DAY + 1, true],
  ])(
    'counts from the first change after an export when the record knows it: %s',
    (_, age, expected) => {
      // Exported ten days ago, then changed: the reminder waits three days from the change.
      const report = {
        createdAt: ago(20 * DAY),
        updatedAt: ago(60_000),
        lastExportedAt: ago(10 * DAY),
        changedSince: ago(age),
      };
      expect(needsBackupReminder(report, now)).toBe(expected);
    },
  );
});
