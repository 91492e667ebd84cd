// The IndexedDB database. Reports and their answers live in separate tables: answers
// are rows keyed by [reportId+fieldId], so two tabs that edit different fields of one
// report never overwrite each other.
//
// Schema versions only go forward. Each new version adds a `.version(n)` call below
// (with an `upgrade` where records change shape) and a test that opens a database
// written by version n - 1.
import Dexie, { type EntityTable } from 'dexie';

export const DB_NAME = 'so-ket';
export const DB_VERSION = 1;

export type AnswerRow = { reportId: string; fieldId: string; value: unknown; updatedAt: string };

export class SoKetDatabase extends Dexie {
  // Records are read through restore (./restore.ts): never trust their shape here.
  reports!: EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  answers!: Dexie.Table<AnswerRow, [string, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      reports: 'id',
      answers: '[reportId+fieldId], reportId',
    });
  }
}

let shared: SoKetDatabase | undefined;

export function getDatabase(): SoKetDatabase {
  shared ??= new SoKetDatabase();
  return shared;
}
