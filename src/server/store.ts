// Embedded storage: SQLite through better-sqlite3, WAL with synchronous=FULL, so a
// receipt is only sent after its row is durable. Idempotency lives in the schema: a
// revision is the primary key (report_id, revision), inserted inside an immediate
// transaction; a repeat with the same hash returns the stored receipt. A revision that
// lists photos is stored only once every one of them is in `files` for its report (the
// app uploads them first); a file is keyed by (report, SHA-256), so its bytes are the
// same whoever sent them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sha256Hex } from './sha256';

export type Unit = { id: string; name: string; isAdmin: boolean };
export type Receipt = { reportId: string; revision: number; sha256: string; receivedAt: string };

export type PutRevisionResult =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeated'; receipt: Receipt }
  | { kind: 'conflict'; head: number }
  | { kind: 'outOfOrder'; head: number }
  | { kind: 'missingFiles'; missing: string[] }
  | { kind: 'otherUnit' };

// A stored revision as the admin's lists read it (without its body).
export type ListedRevisionRow = {
  report_id: string;
  revision: number;
  sha256: string;
  received_at: string;
  unit_name: string;
  // 1 when the unit sent it knowing required items were missing.
  incomplete: number | null;
};

export type PutFileResult =
  | { kind: 'created' | 'repeated' }
  | { kind: 'otherUnit' }
  | { kind: 'quotaExceeded' }
  | { kind: 'pendingQuotaExceeded' }
  // No revision of this unit listed it (as missing) in the last day.
  | { kind: 'notExpected' };

// What a unit may keep in files: all of them, and those for reports it has not yet sent
// a revision of (uploaded after the revision's 422; removed after a day if none comes).
export type FileQuota = { unitBytes: number; pendingBytes: number };

export const ORPHAN_FILE_AGE_MS = 24 * 60 * 60 * 1000;

const dayBefore = (now: Date) => new Date(now.getTime() - ORPHAN_FILE_AGE_MS).toISOString();

const MIGRATIONS = [
  `CREATE TABLE units (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     code_hash TEXT NOT NULL UNIQUE,
     is_admin INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE reports (
     report_id TEXT PRIMARY KEY,
     unit_id TEXT NOT NULL REFERENCES units(id),
     head INTEGER NOT NULL
   );
   CREATE TABLE revisions (
     report_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     unit_id TEXT NOT NULL REFERENCES units(id),
     sha256 TEXT NOT NULL,
     body TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (report_id, revision)
   );
   CREATE TABLE files (
     sha256 TEXT NOT NULL,
     report_id TEXT NOT NULL,
     unit_id TEXT NOT NULL REFERENCES units(id),
     size INTEGER NOT NULL,
     bytes BLOB NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (report_id, sha256)
   );`,
  `CREATE INDEX files_by_unit ON files (unit_id);
   CREATE INDEX files_by_age ON files (received_at);`,
  // Files a unit may upload: those a revision it sent listed and the server lacked (the
  // 422 missingFiles answer), for a day.
  `CREATE TABLE expected_files (
     report_id TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     unit_id TEXT NOT NULL REFERENCES units(id),
     expected_at TEXT NOT NULL,
     PRIMARY KEY (report_id, sha256, unit_id)
   );
   CREATE INDEX expected_files_by_age ON expected_files (expected_at);`,
];

export function hashCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export { sha256Hex };

export class Store {
  readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'so-ket.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v += 1) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  countUnits(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  }

  // Returns the access code, shown once; only its hash is stored.
  addUnit(name: string, isAdmin: boolean, now = new Date()): { unit: Unit; code: string } {
    const code = randomBytes(18).toString('base64url');
    const id = randomBytes(8).toString('hex');
    this.db
      .prepare(
        'INSERT INTO units (id, name, code_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, name, hashCode(code), isAdmin ? 1 : 0, now.toISOString());
    return { unit: { id, name, isAdmin }, code };
  }

  unitByCode(code: string): Unit | undefined {
    const row = this.db
      .prepare('SELECT id, name, is_admin FROM units WHERE code_hash = ?')
      .get(hashCode(code)) as { id: string; name: string; is_admin: number } | undefined;
    return row ? { id: row.id, name: row.name, isAdmin: row.is_admin === 1 } : undefined;
  }

  private readonly putRevisionTx = (
    unitId: string,
    reportId: string,
    revision: number,
    sha256: string,
    body: string,
    receivedAt: string,
    files: readonly string[],
  ): PutRevisionResult => {
    const owner = this.db
      .prepare('SELECT unit_id, head FROM reports WHERE report_id = ?')
      .get(reportId) as { unit_id: string; head: number } | undefined;
    if (owner && owner.unit_id !== unitId) return { kind: 'otherUnit' };
    const existing = this.db
      .prepare('SELECT sha256, received_at FROM revisions WHERE report_id = ? AND revision = ?')
      .get(reportId, revision) as { sha256: string; received_at: string } | undefined;
    if (existing) {
      return existing.sha256 === sha256
        ? {
            kind: 'repeated',
            receipt: { reportId, revision, sha256, receivedAt: existing.received_at },
          }
        : { kind: 'conflict', head: owner?.head ?? 0 };
    }
    const head = owner?.head ?? 0;
    if (revision !== head + 1) return { kind: 'outOfOrder', head };
    const missing = this.missingFiles(reportId, files);
    if (missing.length > 0) {
      this.expectFiles(unitId, reportId, missing, receivedAt);
      return { kind: 'missingFiles', missing };
    }
    // The primary key makes a concurrent duplicate fail here rather than store twice.
    this.db
      .prepare(
        'INSERT INTO revisions (report_id, revision, unit_id, sha256, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(reportId, revision, unitId, sha256, body, receivedAt);
    this.db
      .prepare(
        'INSERT INTO reports (report_id, unit_id, head) VALUES (?, ?, ?) ON CONFLICT(report_id) DO UPDATE SET head = excluded.head',
      )
      .run(reportId, unitId, revision);
    this.db.prepare('DELETE FROM expected_files WHERE report_id = ?').run(reportId);
    return { kind: 'created', receipt: { reportId, revision, sha256, receivedAt } };
  };

  putRevision(
    unitId: string,
    reportId: string,
    revision: number,
    sha256: string,
    body: string,
    now = new Date(),
    files: readonly string[] = [],
  ) {
    return this.db
      .transaction(this.putRevisionTx)
      .immediate(unitId, reportId, revision, sha256, body, now.toISOString(), files);
  }

  // Lets the unit upload these files of the report for a day (a revision it sent listed
  // them and the server lacked them).
  expectFiles(unitId: string, reportId: string, files: readonly string[], at: string): void {
    const expect = this.db.prepare(
      `INSERT INTO expected_files (report_id, sha256, unit_id, expected_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET expected_at = excluded.expected_at`,
    );
    for (const sha256 of files) expect.run(reportId, sha256, unitId, at);
  }

  // Those of `files` (SHA-256) not stored for the report.
  missingFiles(reportId: string, files: readonly string[]): string[] {
    if (files.length === 0) return [];
    const stored = new Set(
      (
        this.db.prepare('SELECT sha256 FROM files WHERE report_id = ?').all(reportId) as {
          sha256: string;
        }[]
      ).map((row) => row.sha256),
    );
    return [...new Set(files)].filter((sha256) => !stored.has(sha256));
  }

  countFiles(reportId?: string): number {
    const row = (
      reportId === undefined
        ? this.db.prepare('SELECT count(*) AS n FROM files').get()
        : this.db.prepare('SELECT count(*) AS n FROM files WHERE report_id = ?').get(reportId)
    ) as { n: number };
    return row.n;
  }

  // The stored bytes of a file, or undefined.
  getFile(reportId: string, sha256: string): Uint8Array | undefined {
    const row = this.db
      .prepare('SELECT bytes FROM files WHERE report_id = ? AND sha256 = ?')
      .get(reportId, sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : undefined;
  }

  putFile(
    unitId: string,
    reportId: string,
    sha256: string,
    bytes: Uint8Array,
    now = new Date(),
    quota: FileQuota = { unitBytes: Infinity, pendingBytes: Infinity },
  ): PutFileResult {
    return this.db
      .transaction((): PutFileResult => {
        const owner = this.db
          .prepare('SELECT unit_id FROM reports WHERE report_id = ?')
          .get(reportId) as { unit_id: string } | undefined;
        if (owner && owner.unit_id !== unitId) return { kind: 'otherUnit' };
        const stored = this.db
          .prepare('SELECT 1 FROM files WHERE report_id = ? AND sha256 = ?')
          .get(reportId, sha256);
        if (stored) return { kind: 'repeated' };
        const expected = this.db
          .prepare(
            'SELECT 1 FROM expected_files WHERE report_id = ? AND sha256 = ? AND unit_id = ? AND expected_at >= ?',
          )
          .get(reportId, sha256, unitId, dayBefore(now));
        if (!expected) return { kind: 'notExpected' };
        const used = this.fileBytes(unitId);
        if (used.all + bytes.length > quota.unitBytes) return { kind: 'quotaExceeded' };
        if (!owner && used.pending + bytes.length > quota.pendingBytes) {
          return { kind: 'pendingQuotaExceeded' };
        }
        this.db
          .prepare(
            'INSERT INTO files (sha256, report_id, unit_id, size, bytes, received_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(sha256, reportId, unitId, bytes.length, Buffer.from(bytes), now.toISOString());
        return { kind: 'created' };
      })
      .immediate();
  }

  // Bytes of a unit's files: all of them, and those of reports with no revision yet.
  fileBytes(unitId: string): { all: number; pending: number } {
    return this.db
      .prepare(
        `SELECT coalesce(sum(f.size), 0) AS "all",
                coalesce(sum(CASE WHEN p.report_id IS NULL THEN f.size END), 0) AS pending
           FROM files f LEFT JOIN reports p ON p.report_id = f.report_id
          WHERE f.unit_id = ?`,
      )
      .get(unitId) as { all: number; pending: number };
  }

  // Removes files uploaded more than a day before `now` for reports that never got a
  // revision (the app sends the report again right after its photos), and expectations
  // of files older than a day; returns how many files.
  removeOrphanFiles(now = new Date()): number {
    const before = dayBefore(now);
    this.db.prepare('DELETE FROM expected_files WHERE expected_at < ?').run(before);
    return this.db
      .prepare(
        `DELETE FROM files
          WHERE received_at < ?
            AND NOT EXISTS (SELECT 1 FROM reports p WHERE p.report_id = files.report_id)`,
      )
      .run(before).changes;
  }

  getRevision(reportId: string, revision: number) {
    return this.db
      .prepare(
        `SELECT r.report_id, r.revision, r.sha256, r.body, r.received_at, u.name AS unit_name
           FROM revisions r JOIN units u ON u.id = r.unit_id
          WHERE r.report_id = ? AND r.revision = ?`,
      )
      .get(reportId, revision) as
      | {
          report_id: string;
          revision: number;
          sha256: string;
          body: string;
          received_at: string;
          unit_name: string;
        }
      | undefined;
  }

  listLatest() {
    return this.db
      .prepare(
        `SELECT r.report_id, r.revision, r.sha256, r.received_at, u.name AS unit_name,
                json_extract(r.body, '$.incomplete') AS incomplete
           FROM reports p
           JOIN revisions r ON r.report_id = p.report_id AND r.revision = p.head
           JOIN units u ON u.id = p.unit_id
          ORDER BY r.received_at DESC`,
      )
      .all() as ListedRevisionRow[];
  }

  // Every stored revision of every report (the province office reads them all: a
  // correction does not hide what came before), oldest receipt first.
  listRevisions() {
    return this.db
      .prepare(
        `SELECT r.report_id, r.revision, r.sha256, r.received_at, u.name AS unit_name,
                json_extract(r.body, '$.incomplete') AS incomplete
           FROM revisions r
           JOIN units u ON u.id = r.unit_id
          ORDER BY r.received_at, r.report_id, r.revision`,
      )
      .all() as ListedRevisionRow[];
  }

  countRevisions(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
  }
}
