// The province's own report in backups: its appendix snapshot and the office's picks of
// units' models go through Sao lưu tất cả and Khôi phục (the code Settings runs); a
// device's newer snapshot is kept; a damaged or hostile snapshot in a backup is refused
// with a Vietnamese message and changes nothing.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBackupFile } from '@/domain/report/backup';
import {
  provinceReportAnswers,
  takeSnapshot,
  type AppendixSnapshot,
} from '@/domain/rollup/province-report';
import { unitModels } from '@/domain/rollup/province-models';
import { rollUp } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { coverageLine } from '@/i18n/vi-province';
import { viProvinceModels } from '@/i18n/vi-province-models';
import { importProblemMessage, vi } from '@/i18n/vi-report';
import { SoKetDatabase } from '@/storage/db';
import { getModelPicks, pickModelIntoReport } from '@/storage/province-models-repository';
import { exportOffice } from '@/storage/province-repository';
import { createProvinceReport, getProvinceSnapshot } from '@/storage/province-report-repository';
import { exportAllReports, listReports } from '@/storage/report-repository';
import { applyRestore, readRestoreFile } from '@/storage/restore-file';
import { defaultTemplate, findProvinceTemplate } from '@/templates/template-registry';
import { acceptedUnits } from '../fixtures/rollup-units';

const province = findProvinceTemplate(defaultTemplate)!;
const units = templateUnits(defaultTemplate);
const NOW = '2013-09-20T03:00:00.000Z';
const LATER = '2013-09-22T03:00:00.000Z';
const REPORT_ID = 'tinh-1';

// Six of the seven fixture units accepted: "Tổng hợp 6/7 đơn vị — thiếu: …".
function snapshot(takenAt = NOW): AppendixSnapshot {
  const accepted = acceptedUnits(defaultTemplate, units).slice(0, 6);
  const rollup = rollUp(defaultTemplate, units, accepted);
  return takeSnapshot({
    reportId: REPORT_ID,
    rollup,
    source: coverageLine(rollup.coverage),
    takenAt,
    versionOf: (key) => {
      const index = accepted.findIndex((a) => a.unitKey === key);
      return index < 0
        ? undefined
        : { versionId: String(index).repeat(64), fingerprint: `0000000${index}` };
    },
  });
}

const open: Dexie[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function database(): SoKetDatabase {
  const db = new SoKetDatabase(`province-backup-${++counter}`);
  open.push(db);
  return db;
}

// A device with the province report, its snapshot and one model picked.
async function officeDevice(taken = snapshot()): Promise<SoKetDatabase> {
  const db = database();
  const issuer = province.units[0]!;
  await createProvinceReport(
    db,
    {
      id: REPORT_ID,
      name: 'Báo cáo sơ kết NQ01 của Tỉnh Đoàn Bạc Liêu',
      unit: { id: issuer.id, name: issuer.name },
      templateId: province.id,
      templateVersion: province.version,
      answers: provinceReportAnswers(province, taken),
      now: taken.takenAt,
    },
    taken,
  );
  const [model] = unitModels(province, [
    {
      unitKey: 'huyen-doan-dong-hai',
      unitName: 'Huyện Đoàn Đông Hải',
      versionId: 'e'.repeat(64),
      fingerprint: '60d8b40a',
      answers: {
        models: [
          {
            id: 'mo-hinh-1',
            values: {
              name: 'Tổ hợp tác thanh niên nuôi tôm quảng canh',
              'run-by': 'Chi đoàn ấp Cây Thẻ',
            },
          },
        ],
      },
      photosWithBytes: new Set(),
    },
  ]);
  let n = 0;
  await pickModelIntoReport(db, REPORT_ID, model!, new Map(), {
    maxItems: 30,
    now: taken.takenAt,
    newId: () => `muc-${++n}`,
  });
  return db;
}

async function backupText(db: SoKetDatabase): Promise<string> {
  const files = await exportAllReports(db, NOW);
  return JSON.stringify(buildBackupFile(files, NOW, await exportOffice(db)));
}

async function restore(db: SoKetDatabase, text: string) {
  const read = await readRestoreFile(db, text, text.length);
  if (!read.ok) return read;
  let n = 0;
  await applyRestore(db, read.plan, read.office, {
    newId: () => `ban-sao-${++n}`,
    copyName: vi.restore.copyName,
  });
  return read;
}

describe('the province report in a backup', () => {
  it('keeps its appendix snapshot and model picks through a backup and restore', async () => {
    const source = await officeDevice();
    const text = await backupText(source);
    const target = database();
    expect((await restore(target, text)).ok).toBe(true);
    expect((await listReports(target)).reports.map((r) => r.id)).toEqual([REPORT_ID]);
    const restored = await getProvinceSnapshot(target, REPORT_ID);
    expect(restored).toEqual(await getProvinceSnapshot(source, REPORT_ID));
    expect(restored?.missing.map((u) => u.name)).toEqual(['Huyện Đoàn Đông Hải']);
    expect(await getModelPicks(target, REPORT_ID)).toEqual(await getModelPicks(source, REPORT_ID));
    expect(await getModelPicks(target, REPORT_ID)).toHaveLength(1);
  });

  it('keeps a device’s newer snapshot, and takes the backup’s newer one', async () => {
    const older = await backupText(await officeDevice(snapshot(NOW)));
    const device = await officeDevice(snapshot(LATER));
    await restore(device, older);
    expect((await getProvinceSnapshot(device, REPORT_ID))?.takenAt).toBe(LATER);

    const newer = await backupText(await officeDevice(snapshot(LATER)));
    const behind = await officeDevice(snapshot(NOW));
    await restore(behind, newer);
    expect((await getProvinceSnapshot(behind, REPORT_ID))?.takenAt).toBe(LATER);
  });

  type Backup = { office: { provinceReports: Record<string, unknown>[] } };
  const DAMAGE: [string, (state: Record<string, unknown>) => void][] = [
    [
      'a snapshot filed under another report',
      (s) => ((s.snapshot as AppendixSnapshot).reportId = 'khac'),
    ],
    [
      'a cell that is not a figure',
      (s) => {
        const [table] = Object.values((s.snapshot as AppendixSnapshot).tables);
        const [row] = Object.keys(table!.cells);
        (table!.cells as Record<string, unknown>)[row!] = { '2009': { giá_trị: 2800 } };
      },
    ],
    [
      'units that are not a list',
      (s) => ((s.snapshot as Record<string, unknown>).included = 'bảy'),
    ],
    [
      'a pick without a version',
      (s) => ((s.modelPicks as Record<string, unknown>[])[0]!.versionId = ''),
    ],
  ];

  it.each(DAMAGE)('refuses %s with a message, and changes nothing', async (_, damage) => {
    const text = await backupText(await officeDevice());
    const backup = JSON.parse(text) as Backup;
    damage(backup.office.provinceReports[0]!);
    const hostile = JSON.stringify(backup);
    const device = await officeDevice(snapshot(LATER));
    const before = {
      snapshot: await getProvinceSnapshot(device, REPORT_ID),
      picks: await getModelPicks(device, REPORT_ID),
      reports: await listReports(device),
    };
    const read = await restore(device, hostile);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toEqual({ code: 'damagedProvinceReport' });
    expect(importProblemMessage(read.problem)).toBe(viProvinceModels.damagedBackup);
    expect(await getProvinceSnapshot(device, REPORT_ID)).toEqual(before.snapshot);
    expect(await getModelPicks(device, REPORT_ID)).toEqual(before.picks);
    expect(await listReports(device)).toEqual(before.reports);
  });

  it('drops a table named __proto__ without reaching any prototype', async () => {
    const backup = JSON.parse(await backupText(await officeDevice())) as Backup;
    const tables = (backup.office.provinceReports[0]!.snapshot as AppendixSnapshot).tables;
    Object.defineProperty(tables, '__proto__', {
      value: { cells: { polluted: { '2009': 1 } }, targets: {} },
      enumerable: true,
    });
    const device = database();
    expect((await restore(device, JSON.stringify(backup))).ok).toBe(true);
    const restored = await getProvinceSnapshot(device, REPORT_ID);
    expect(Object.keys(restored!.tables)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).cells).toBeUndefined();
  });
});
