// The province office's records: received versions, expected units, accepted
// versions, settings. Every read passes the domain's schemas (one damaged record is
// left out and counted, never thrown); every write is validated first.
import type { z } from 'zod';
import { canonicalJson } from '@/domain/outbox/canonical-json';
import { canonicalReportFileJson, reportFingerprint } from '@/domain/report/fingerprint';
import { buildReportFile, type ReportFile } from '@/domain/report/report-schema';
import {
  acceptedVersionSchema,
  expectedUnitSchema,
  officeSettingsSchema,
  receivedVersionSchema,
  type AcceptedVersion,
  type ExpectedUnit,
  type OfficeBackup,
  type OfficeSettings,
  type ReceivedVersion,
  unitEmailSchema,
} from '@/domain/rollup/received';
import type { RollupUnit } from '@/domain/rollup/rollup';
import { rowMappingSchema, type RowMapping } from '@/domain/rollup/row-mapping';
import { sha256Hex } from '@/lib/sha256';
import { hasTable, type SoKetDatabase } from './db';
import { listLetters, restoreLetters } from './letter-repository';
import { exportProvinceReportStates, restoreProvinceReportStates } from './province-report-backup';

const SETTINGS_KEY = 'office';

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

function withoutPhotoBytes(file: ReportFile): ReportFile {
  return buildReportFile(
    file.report,
    file.answers,
    file.exportedAt,
    file.photos.map(({ data: _data, thumb: _thumb, ...photo }) => photo),
  );
}

// A version's identity: its content (report, answers, photos by hash), not when or how
// it was exported, so a PDF and a .json of the same revision are one version.
export async function versionIdOf(file: ReportFile): Promise<string> {
  const { exportedAt: _exportedAt, ...content } = withoutPhotoBytes(file);
  return sha256Hex(utf8(canonicalJson(content)));
}

// The fingerprint a PDF of this file prints (domain/report/fingerprint.ts).
export async function fingerprintOf(file: ReportFile): Promise<string> {
  return reportFingerprint(canonicalReportFileJson(file), sha256Hex);
}

function readAll<T>(
  rows: readonly unknown[],
  schema: z.ZodType<T>,
): { items: T[]; damaged: number } {
  const items: T[] = [];
  let damaged = 0;
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) items.push(parsed.data);
    else damaged += 1;
  }
  return { items, damaged };
}

export async function listReceivedVersions(db: SoKetDatabase) {
  if (!hasTable(db, 'provinceVersions')) return { items: [], damaged: 0 };
  return readAll(await db.provinceVersions.toArray(), receivedVersionSchema);
}

export async function getReceivedVersion(
  db: SoKetDatabase,
  id: string,
): Promise<ReceivedVersion | null> {
  const parsed = receivedVersionSchema.safeParse(await db.provinceVersions.get(id));
  return parsed.success ? parsed.data : null;
}

// Writes new versions and known ones with a source added, all or none.
export async function saveReceivedVersions(
  db: SoKetDatabase,
  versions: readonly ReceivedVersion[],
): Promise<void> {
  const rows = versions.map((v) => receivedVersionSchema.parse(v));
  await db.provinceVersions.bulkPut(rows);
}

// The expected units: the template's, until the office changes the list.
export async function listExpectedUnits(
  db: SoKetDatabase,
  defaults: readonly RollupUnit[],
): Promise<ExpectedUnit[]> {
  const { items } = readAll(await db.provinceUnits.toArray(), expectedUnitSchema);
  if (items.length > 0) return items.sort((a, b) => a.order - b.order);
  return defaults.map((unit, order) => ({ ...unit, addedByOffice: false, order, email: '' }));
}

export async function addExpectedUnit(
  db: SoKetDatabase,
  defaults: readonly RollupUnit[],
  unit: RollupUnit,
): Promise<ExpectedUnit[]> {
  return db.transaction('rw', db.provinceUnits, async () => {
    const current = await listExpectedUnits(db, defaults);
    if (current.some((u) => u.key === unit.key)) return current;
    const next = [
      ...current,
      expectedUnitSchema.parse({ ...unit, addedByOffice: true, order: current.length }),
    ];
    await db.provinceUnits.bulkPut(next);
    return next;
  });
}

// Sets the address of the office's letters to one expected unit ('' clears it). The
// address is checked first: a bad one changes nothing and throws.
export async function saveUnitEmail(
  db: SoKetDatabase,
  defaults: readonly RollupUnit[],
  unitKey: string,
  email: string,
): Promise<ExpectedUnit[]> {
  const address = unitEmailSchema.parse(email.trim());
  return db.transaction('rw', db.provinceUnits, async () => {
    const current = await listExpectedUnits(db, defaults);
    if (!current.some((u) => u.key === unitKey)) throw new Error(`no expected unit ${unitKey}`);
    const next = current.map((u) => (u.key === unitKey ? { ...u, email: address } : u));
    await db.provinceUnits.bulkPut(next);
    return next;
  });
}

export async function listAcceptedVersions(db: SoKetDatabase): Promise<AcceptedVersion[]> {
  return readAll(await db.provinceAccepted.toArray(), acceptedVersionSchema).items;
}

export async function acceptVersion(
  db: SoKetDatabase,
  unitKey: string,
  versionId: string,
  now: Date,
): Promise<void> {
  await db.provinceAccepted.put(
    acceptedVersionSchema.parse({ unitKey, versionId, acceptedAt: now.toISOString() }),
  );
}

export async function getOfficeSettings(db: SoKetDatabase): Promise<OfficeSettings> {
  if (!hasTable(db, 'provinceSettings')) return officeSettingsSchema.parse({});
  const row = await db.provinceSettings.get(SETTINGS_KEY);
  const parsed = officeSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : officeSettingsSchema.parse({});
}

export async function saveOfficeSettings(
  db: SoKetDatabase,
  settings: OfficeSettings,
): Promise<void> {
  await db.provinceSettings.put({ key: SETTINGS_KEY, value: officeSettingsSchema.parse(settings) });
}

// The office's mappings of units' own rows, in the order they were made.
export async function listRowMappings(db: SoKetDatabase): Promise<RowMapping[]> {
  if (!hasTable(db, 'provinceRowMaps')) return [];
  const rows = await db.provinceRowMaps.toArray();
  return readAll(
    rows.sort((a, b) => Number(a.order) - Number(b.order)).map(({ order: _order, ...m }) => m),
    rowMappingSchema,
  ).items;
}

// Replaces the mappings with `mappings` (mapRows/unmapRows give the whole list), all or none.
export async function saveRowMappings(
  db: SoKetDatabase,
  mappings: readonly RowMapping[],
): Promise<void> {
  const rows = mappings.map((m, order) => ({ ...rowMappingSchema.parse(m), order }));
  await db.transaction('rw', db.provinceRowMaps, async () => {
    await db.provinceRowMaps.clear();
    await db.provinceRowMaps.bulkPut(rows);
  });
}

// The office's data for a backup: null when the office never received, listed or sent
// anything.
export async function exportOffice(db: SoKetDatabase): Promise<OfficeBackup | null> {
  if (!hasTable(db, 'provinceVersions')) return null;
  const versions = (await listReceivedVersions(db)).items;
  const units = readAll(await db.provinceUnits.toArray(), expectedUnitSchema).items;
  const letters = await listLetters(db);
  const provinceReports = await exportProvinceReportStates(db);
  if (
    versions.length === 0 &&
    units.length === 0 &&
    letters.length === 0 &&
    provinceReports.length === 0
  )
    return null;
  return {
    versions,
    units,
    accepted: await listAcceptedVersions(db),
    settings: await getOfficeSettings(db),
    rowMappings: await listRowMappings(db),
    letters,
    provinceReports,
  };
}

// Restoring a backup's office data adds what is missing and never drops what is here:
// versions are merged by content (sources joined), units by key; an accepted version,
// the settings and the row mappings already on the device win (the backup's mappings
// are taken only where the device has none: a row is in one mapping at most); a unit's
// email is taken where the device has none; letters are joined by id; the province
// reports' snapshots and model picks as province-report-backup.ts says.
export async function restoreOffice(db: SoKetDatabase, backup: OfficeBackup): Promise<void> {
  await db.transaction(
    'rw',
    [
      db.provinceVersions,
      db.provinceUnits,
      db.provinceAccepted,
      db.provinceSettings,
      db.provinceRowMaps,
      db.reports,
    ],
    async () => {
      for (const version of backup.versions) {
        const here = receivedVersionSchema.safeParse(await db.provinceVersions.get(version.id));
        if (!here.success) {
          await db.provinceVersions.put(version);
          continue;
        }
        const sources = [...here.data.sources];
        for (const source of version.sources)
          if (!sources.some((s) => s.kind === source.kind && s.name === source.name))
            sources.push(source);
        await db.provinceVersions.put({ ...here.data, sources });
      }
      const units = readAll(await db.provinceUnits.toArray(), expectedUnitSchema).items;
      for (const unit of backup.units) {
        const here = units.find((u) => u.key === unit.key);
        if (!here) await db.provinceUnits.put({ ...unit, order: units.length + unit.order });
        // A unit's address comes with the backup where the device has none.
        else if (here.email === '' && unit.email !== '')
          await db.provinceUnits.put({ ...here, email: unit.email });
      }
      for (const accepted of backup.accepted)
        if (!(await db.provinceAccepted.get(accepted.unitKey)))
          await db.provinceAccepted.put(accepted);
      if (!(await db.provinceSettings.get(SETTINGS_KEY)))
        await db.provinceSettings.put({ key: SETTINGS_KEY, value: backup.settings });
      if ((await db.provinceRowMaps.count()) === 0 && backup.rowMappings.length > 0)
        await saveRowMappings(db, backup.rowMappings);
      await restoreLetters(db, backup.letters);
      await restoreProvinceReportStates(db, backup.provinceReports);
    },
  );
}
