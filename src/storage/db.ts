// The IndexedDB database. Reports and their answers live in separate tables: answers
// are rows keyed by [reportId+fieldId], so two tabs that edit different fields of one
// report never overwrite each other.
//
// Schema versions only go forward. Each new version is an entry of SCHEMA below (with
// an upgrade where records change shape) and a test that opens a database written by
// the version before it. Database upgrades are independent of app updates: any app
// version opens any older database.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { tellDatabaseReplaced } from './db-events';
import { flushAll } from './flush-registry';

import { DB_NAME, forgetFirstVisit } from './first-visit';

export { DB_NAME };

export type AnswerRow = { reportId: string; fieldId: string; value: unknown; updatedAt: string };
export type SettingRow = { key: string; value: unknown };
// Read through restorePhoto (photo-repository.ts).
export type PhotoRow = {
  id: string;
  reportId: string;
  // A JPEG, resized on the device, without metadata.
  blob: Blob;
  thumb: Blob;
  width: number;
  height: number;
  size: number;
  sha256: string;
  createdAt: string;
};

type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

export const SCHEMA: readonly SchemaVersion[] = [
  { version: 1, stores: { reports: 'id', answers: '[reportId+fieldId], reportId' } },
  {
    // 2: a settings table (sync endpoint, access code, the sync lock), the outbox of
    // submissions, and an explicit lastExportedAt on every report (backup reminder).
    version: 2,
    stores: { settings: 'key', outbox: 'id, reportId, state' },
    upgrade: async (tx) => {
      await tx
        .table('reports')
        .toCollection()
        .modify((record: Record<string, unknown>) => {
          if (!('lastExportedAt' in record)) record.lastExportedAt = null;
        });
    },
  },
  {
    // 3: photos (good models, materials) as Blobs with a thumbnail, by report; answers
    // refer to them by id. Nothing existing changes shape.
    version: 3,
    stores: { photos: 'id, reportId, sha256' },
  },
  {
    // 4: the province office (PROVINCE.md): versions of units' reports it received,
    // the expected units, the version accepted per unit, and its settings. Nothing
    // existing changes shape.
    version: 4,
    stores: {
      provinceVersions: 'id, unitKey',
      provinceUnits: 'key',
      provinceAccepted: 'unitKey',
      provinceSettings: 'key',
    },
  },
  {
    // 5: the office's mappings of units' own rows into one province row
    // (domain/rollup/row-mapping.ts). Nothing existing changes shape.
    version: 5,
    stores: { provinceRowMaps: 'id' },
  },
];

declare const __DB_SCHEMA_MAX__: number | null | undefined;
// Builds of an older release (tests only) stop at an older schema version.
const schemaMax = typeof __DB_SCHEMA_MAX__ === 'number' ? __DB_SCHEMA_MAX__ : Infinity;

export class SoKetDatabase extends Dexie {
  // Records are read through restore (./restore.ts): never trust their shape here.
  reports!: EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  answers!: Dexie.Table<AnswerRow, [string, string]>;
  settings!: EntityTable<SettingRow, 'key'>;
  // Entries are read through outboxEntrySchema (outbox-repository.ts).
  outbox!: EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  photos!: EntityTable<PhotoRow, 'id'>;
  // The province office's tables, read through province-repository.ts.
  provinceVersions!: EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  provinceUnits!: EntityTable<Record<string, unknown> & { key: string }, 'key'>;
  provinceAccepted!: EntityTable<Record<string, unknown> & { unitKey: string }, 'unitKey'>;
  provinceSettings!: EntityTable<SettingRow, 'key'>;
  provinceRowMaps!: EntityTable<Record<string, unknown> & { id: string }, 'id'>;

  constructor(name = DB_NAME, maxVersion = schemaMax) {
    super(name);
    for (const entry of SCHEMA) {
      if (entry.version > maxVersion) break;
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
  }
}

// False for a table of a newer schema than this build declares: a build capped with
// SO_KET_DB_SCHEMA_MAX (the previous release, in tests) runs without what needs it.
export function hasTable(db: Dexie, name: string): boolean {
  return db.tables.some((table) => table.name === name);
}

export const DB_VERSION = Math.max(
  ...SCHEMA.filter((s) => s.version <= schemaMax).map((s) => s.version),
);

export { onDatabaseReplaced } from './db-events';

let shared: SoKetDatabase | undefined;

export function getDatabase(): SoKetDatabase {
  if (!shared) {
    forgetFirstVisit();
    const db = new SoKetDatabase();
    db.on('versionchange', () => {
      void flushAll().finally(() => {
        db.close();
        tellDatabaseReplaced();
      });
      return false;
    });
    shared = db;
  }
  return shared;
}
