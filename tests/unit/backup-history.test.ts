// A backup carries each report's submissions (format version 4): restored, a report keeps
// its history ("Lần nộp N" with its receipt), its next revision number and what it last
// submitted ("Nội dung không đổi so với lần nộp N").
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { submissionStatus, type OutboxEntry } from '@/domain/outbox/outbox-entry';
import { BACKUP_VERSION, buildBackupFile } from '@/domain/report/backup';
import type { ReportFile } from '@/domain/report/report-schema';
import { importProblemMessage } from '@/i18n/vi-report';
import type { SoKetDatabase } from '@/storage/db';
import {
  enqueueSubmission,
  listOutbox,
  markSent,
  UnchangedSubmissionError,
} from '@/storage/outbox-repository';
import { exportAllReports, getReport, saveAnswers } from '@/storage/report-repository';
import {
  CREATED,
  EDITED,
  EXPORTED,
  parseText,
  readFixtureFile,
  restoreText,
  seedReport,
  snapshot,
  testDatabases,
} from './backup-fixtures';

const SENT = '2024-03-06T09:00:00.000Z';

const draft = readFixtureFile('draft');
const full = readFixtureFile('full');

const databases = testDatabases('backup-history');
afterEach(() => databases.removeAll());

async function submittedRevision(db: SoKetDatabase, id: string): Promise<number> {
  const loaded = await getReport(db, id);
  if (loaded.status !== 'ok') throw new Error(`${id} is ${loaded.status}`);
  return loaded.report.submittedRevision;
}

// The draft submitted once (sent, with its receipt), edited and submitted again (still
// waiting); the full report never submitted.
async function submittedDevice() {
  const db = databases.open();
  const id = await seedReport(db, draft, { createdAt: CREATED, updatedAt: EDITED });
  await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED });
  const first = await enqueueSubmission(db, id, { id: 'sub-1', now: new Date(EDITED) });
  await markSent(
    db,
    first.id,
    { reportId: id, revision: 1, sha256: first.sha256, receivedAt: SENT },
    new Date(SENT),
  );
  await saveAnswers(db, id, new Map([['limitations', 'Thêm sau lần nộp 1.']]), SENT);
  await enqueueSubmission(db, id, { id: 'sub-2', now: new Date(SENT) });
  return { db, id };
}

async function backupOf(db: SoKetDatabase): Promise<string> {
  const files = await exportAllReports(db, EXPORTED);
  return JSON.stringify(buildBackupFile(files, EXPORTED, null, await listOutbox(db)));
}

describe('a backup with submissions (version 4)', () => {
  it('brings back every submission, its receipt and the next revision number', async () => {
    const { db: source, id } = await submittedDevice();
    const text = await backupOf(source);
    const backup = JSON.parse(text) as { version: number; submissions: OutboxEntry[] };
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(BACKUP_VERSION).toBe(4);
    expect(backup.submissions.map((entry) => [entry.id, entry.state])).toEqual([
      ['sub-1', 'sent'],
      ['sub-2', 'queued'],
    ]);

    const target = databases.open();
    const { result } = await restoreText(target, text);
    expect(result).toEqual({ imported: 2, replaced: 0, copied: 0, skipped: 0 });
    const restored = await listOutbox(target, id);
    expect(restored).toEqual(await listOutbox(source, id));
    expect(restored[0]!.receipt).toEqual({
      reportId: id,
      revision: 1,
      sha256: restored[0]!.sha256,
      receivedAt: SENT,
    });
    expect(submissionStatus(restored)).toBe('waiting');
    expect(await submittedRevision(target, id)).toBe(2);
    expect(await listOutbox(target, full.report.id)).toEqual([]);
    expect(await submittedRevision(target, full.report.id)).toBe(0);

    // It knows what it last submitted, and numbers the next one after it.
    await expect(
      enqueueSubmission(target, id, {
        id: 'sub-x',
        now: new Date(EXPORTED),
        unlessUnchanged: true,
      }),
    ).rejects.toEqual(new UnchangedSubmissionError(2));
    await saveAnswers(target, id, new Map([['limitations', 'Sửa sau khi khôi phục.']]), EXPORTED);
    const next = await enqueueSubmission(target, id, {
      id: 'sub-3',
      now: new Date(EXPORTED),
      unlessUnchanged: true,
    });
    expect(next.revision).toBe(3);
  });

  it('stays version 2 when nothing was submitted, and leaves out a trashed report’s submissions', async () => {
    const db = databases.open();
    await seedReport(db, full, { createdAt: CREATED, updatedAt: EDITED });
    const entries = [
      {
        ...(await enqueueSubmission(db, full.report.id, { id: 's', now: new Date(EDITED) })),
        reportId: 'gone',
      },
    ];
    const files = await exportAllReports(db, EXPORTED);
    expect(buildBackupFile(files, EXPORTED, null, entries)).not.toHaveProperty('submissions');
    expect(buildBackupFile(files, EXPORTED, null, entries).version).toBe(2);
    expect(buildBackupFile(files, EXPORTED).version).toBe(2);
  });

  it('keeps what the device knows of a submission when replacing the report', async () => {
    const { db: source, id } = await submittedDevice();
    // Caught while sending: restored, it waits in the queue again.
    await source.outbox.update('sub-2', { state: 'sending' });
    const text = await backupOf(source);

    // The device has its own first submission, a revision the backup also has.
    const device = databases.open();
    await seedReport(device, draft, { createdAt: CREATED, updatedAt: CREATED });
    await enqueueSubmission(device, id, { id: 'device-1', now: new Date(CREATED) });
    const { result } = await restoreText(device, text);
    expect(result.replaced).toBe(1);
    expect(
      (await listOutbox(device, id)).map((entry) => [entry.id, entry.revision, entry.state]),
    ).toEqual([
      ['device-1', 1, 'queued'],
      ['sub-2', 2, 'queued'],
    ]);
    expect(await submittedRevision(device, id)).toBe(2);
  });

  it('gives a copy kept beside the original no history', async () => {
    const { db: source, id } = await submittedDevice();
    const text = await backupOf(source);
    const { result } = await restoreText(
      source,
      text,
      () => 'keepBoth',
      () => 'copy-1',
    );
    expect(result.copied).toBe(2);
    expect(await listOutbox(source, 'copy-1')).toEqual([]);
    expect(await submittedRevision(source, 'copy-1')).toBe(0);
    expect((await listOutbox(source, id)).map((entry) => entry.id)).toEqual(['sub-1', 'sub-2']);
  });

  it('numbers after submissions a report deleted for good left on the device', async () => {
    const { db, id } = await submittedDevice();
    const text = JSON.stringify(buildBackupFile(await exportAllReports(db, EXPORTED), EXPORTED));
    await db.reports.delete(id);
    await restoreText(db, text);
    expect(await submittedRevision(db, id)).toBe(2);
  });

  it.each([1, 2, 3])('still restores a version %i backup, without a history', async (version) => {
    const { db: source } = await submittedDevice();
    const backup = JSON.parse(await backupOf(source)) as Record<string, unknown>;
    delete backup.submissions;
    const target = databases.open();
    const { result } = await restoreText(target, JSON.stringify({ ...backup, version }));
    expect(result.imported).toBe(2);
    expect(await target.outbox.count()).toBe(0);
  });
});

describe('a version 4 backup with a damaged history', () => {
  type Backup = { reports: ReportFile[]; submissions: Record<string, unknown>[] };
  const cases: [string, (backup: Backup) => void, string | null][] = [
    ['a history that is not a list', (b) => void (b.submissions = {} as never), null],
    ['an entry that is not an object', (b) => void (b.submissions[1] = 42 as never), null],
    ['an entry without its body', (b) => void delete b.submissions[0]!.body, draft.report.name],
    [
      'a receipt with a revision that is not a number',
      (b) => void ((b.submissions[0]!.receipt as { revision: unknown }).revision = 'một'),
      draft.report.name,
    ],
    ['an unknown state', (b) => void (b.submissions[1]!.state = 'lost'), draft.report.name],
    [
      'an entry of a report the backup lacks',
      (b) => void (b.submissions[1]!.reportId = 'not-in-backup'),
      null,
    ],
    [
      'a body of another report',
      (b) => void (b.submissions[1]!.body = b.reports[1]),
      draft.report.name,
    ],
    ['a revision twice', (b) => void (b.submissions[1]!.revision = 1), draft.report.name],
    ['an entry id twice', (b) => void (b.submissions[1]!.id = 'sub-1'), draft.report.name],
  ];

  it.each(cases)('refuses %s with its message, and changes nothing', async (_, damage, name) => {
    const { db, id } = await submittedDevice();
    const backup = JSON.parse(await backupOf(db)) as Backup;
    expect(backup.reports[1]!.report.id).toBe(full.report.id);
    damage(backup);
    const parsed = parseText(JSON.stringify(backup));
    expect(parsed).toEqual({ ok: false, problem: { code: 'damagedHistory', reportName: name } });
    if (parsed.ok) return;
    expect(importProblemMessage(parsed.problem)).toBe(
      name === null
        ? 'Lịch sử các lần nộp trong tệp sao lưu bị hỏng, nên không khôi phục được. Không có gì thay đổi.'
        : `Lịch sử các lần nộp của báo cáo “${name}” trong tệp sao lưu bị hỏng, nên không khôi phục được. Không có gì thay đổi.`,
    );
    // Read before anything is written: the device is as it was.
    const before = { ...(await snapshot(db)), outbox: await listOutbox(db, id) };
    await expect(restoreText(db, JSON.stringify(backup))).rejects.toThrow(/rejected/);
    expect({ ...(await snapshot(db)), outbox: await listOutbox(db, id) }).toEqual(before);
  });
});
