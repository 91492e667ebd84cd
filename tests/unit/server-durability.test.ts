// The real server process: every receipt it sent survives a SIGKILL in the middle of a
// burst of writes, and the CLI that creates access codes stores only their hashes.
//
// What the kill proves, and what it does not: SIGKILL ends the process but keeps the
// operating system's page cache, so it shows that the server answers only after SQLite
// has committed (a receipt is never sent for a write still in the process's memory). It
// would pass with synchronous=OFF too: surviving a power cut rests on the database
// running in WAL mode with synchronous=FULL, which the first test checks on the store the
// server opens (a power cut itself cannot be simulated here).
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashCode, Store, type Receipt } from '@/server/store';
import {
  call,
  freePort,
  makeReportFile,
  makeTempDirs,
  putRevision,
  runMain,
  spawnMain,
  waitForHealth,
} from './server-harness';

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDirs() {
  const dirs = makeTempDirs();
  cleanups.push(() => rmSync(dirs.root, { recursive: true, force: true }));
  return dirs;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function addUnit(dataDir: string, name: string, isAdmin: boolean): Promise<string> {
  const args = ['add-unit', '--name', name, ...(isAdmin ? ['--admin'] : [])];
  const result = await runMain(args, { DATA_DIR: dataDir });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').at(-1)!.trim();
}

function addUnitInStore(dataDir: string, name: string): string {
  const store = new Store(dataDir);
  try {
    return store.addUnit(name, false).code;
  } finally {
    store.close();
  }
}

async function startProcess(env: Record<string, string>) {
  const port = await freePort();
  const child = spawnMain([], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    throw new Error(`${String(error)}\n${output}`);
  }
  return { child, url };
}

describe('the server process', () => {
  it('opens its database in WAL mode with synchronous=FULL, as the README promises', () => {
    const { dataDir } = tempDirs();
    const store = new Store(dataDir);
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    } finally {
      store.close();
    }
  });

  it('keeps every acknowledged receipt after a SIGKILL in the middle of a burst', async () => {
    const { dataDir, distDir } = tempDirs();
    // The admin through the CLI (its --admin flag is tested nowhere else), the unit straight
    // in the store: each CLI run starts a process (1.7 s of CPU), and add-unit has its own
    // tests below.
    const admin = await addUnit(dataDir, 'Ban Tổ chức Tỉnh Đoàn', true);
    const unit = addUnitInStore(dataDir, 'Huyện Đoàn Hồng Dân');
    const env = { DATA_DIR: dataDir, DIST_DIR: distDir };
    const first = await startProcess(env);

    const REPORTS = 40;
    const REVISIONS = 5;
    const KILL_AFTER = 100;
    const acknowledged: Receipt[] = [];
    const refused: number[] = [];
    let isKilled = false;
    const writeReport = async (index: number) => {
      const id = `durable-${index}`;
      for (let revision = 1; revision <= REVISIONS && !isKilled; revision += 1) {
        const file = makeReportFile(id, (f) => {
          f.report.revision = revision;
          f.report.name = `Báo cáo sơ kết – lần ${revision}`;
        });
        let receipt: Receipt;
        try {
          const response = await putRevision(first.url, unit, id, revision, file);
          if (response.status !== 201) {
            refused.push(response.status);
            return;
          }
          receipt = response.body as Receipt;
        } catch {
          return; // No receipt: the process was killed before it answered.
        }
        acknowledged.push(receipt);
        if (acknowledged.length >= KILL_AFTER && !isKilled) {
          isKilled = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: REPORTS }, (_, i) => writeReport(i)));
    await exited(first.child);

    expect(first.child.signalCode).toBe('SIGKILL');
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(REPORTS * REVISIONS);

    const second = await startProcess(env);
    const missing: string[] = [];
    for (const receipt of acknowledged) {
      const { reportId, revision } = receipt;
      const stored = await call(`${second.url}/api/reports/${reportId}/revisions/${revision}`, {
        code: admin,
      });
      const report = (stored.body.report as { report?: { revision?: number } } | undefined)?.report;
      if (
        stored.status !== 200 ||
        stored.body.sha256 !== receipt.sha256 ||
        stored.body.receivedAt !== receipt.receivedAt ||
        report?.revision !== revision
      ) {
        missing.push(`${reportId}/${revision}: ${stored.status}`);
      }
    }
    expect(missing).toEqual([]);

    // The restarted server goes on from each report's head.
    const list = await call(`${second.url}/api/reports`, { code: admin });
    const heads = new Map(
      (list.body.reports as { reportId: string; revision: number }[]).map((r) => [
        r.reportId,
        r.revision,
      ]),
    );
    for (const receipt of acknowledged) {
      expect(heads.get(receipt.reportId)).toBeGreaterThanOrEqual(receipt.revision);
    }
    const id = acknowledged[0]!.reportId;
    const next = heads.get(id)! + 1;
    const file = makeReportFile(id, (f) => (f.report.revision = next));
    expect((await putRevision(second.url, unit, id, next, file)).status).toBe(201);

    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(second.child.exitCode).toBe(0);
  }, 30_000);
});

// Each case starts `tsx src/server/main.ts` (1.7 s of CPU): a guard, not a measure, as
// a busy 2-core machine takes 5-8 s.
describe('add-unit', { timeout: 30_000 }, () => {
  it('exits with 2 and the Vietnamese usage without --name', async () => {
    const { dataDir } = tempDirs();
    const results = await Promise.all(
      [['add-unit'], ['add-unit', '--name', '   ']].map((args) =>
        runMain(args, { DATA_DIR: dataDir }),
      ),
    );
    for (const result of results) {
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(
        'Cách dùng: npm run server -- add-unit --name "Tên đơn vị" [--admin]',
      );
      expect(result.stdout).toBe('');
    }
  });

  it('prints a new access code once and stores only its hash', async () => {
    const { dataDir } = tempDirs();
    const name = 'BCH Đoàn huyện Hồng Dân';
    const result = await runMain(['add-unit', '--name', name], { DATA_DIR: dataDir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`“${name}”`);
    const code = result.stdout.trim().split('\n').at(-1)!.trim();
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(result.stdout.split(code)).toHaveLength(2);

    const bytes = Buffer.concat(readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f))));
    expect(bytes.includes(code)).toBe(false);
    expect(bytes.includes(hashCode(code))).toBe(true);

    const store = new Store(dataDir);
    try {
      expect(store.unitByCode(code)).toMatchObject({ name, isAdmin: false });
    } finally {
      store.close();
    }
  });
});
