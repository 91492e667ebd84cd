// The reference sync server under load: the real server (src/server/main.ts) in its own
// process over a fresh data directory, and a load client in a second process
// (server-load.ts) sending 2,000 first revisions of distinct reports, 20 at a time over
// keep-alive connections. Throughput over the wall time of the run, and the 95th
// percentile of one request's latency (request sent to response read).
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '@/server/store';
import { freePort, spawnMain, spawnTsx, waitForHealth } from '../../tests/support/server-process';
import { percentile } from './stats';
import type { BenchResult } from './types';

const REQUESTS = 2000;
const CONCURRENCY = 20;

// What a child process writes, as it comes.
export function output(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// The real server in its own process over a fresh data directory with one unit, rate
// limit off, ready to answer; `stop` ends it and removes its data.
export async function spawnBenchServer(label: string) {
  const root = mkdtempSync(join(tmpdir(), `so-ket-bench-${label}-`));
  const dataDir = join(root, 'data');
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>so-ket</title>');
  const store = new Store(dataDir);
  const { code } = store.addUnit('Huyện Đoàn Hồng Dân', false);
  store.close();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawnMain([], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DIST_DIR: distDir,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await exited(server);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server, { timeoutMs: 30_000, log: output(server) });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, code, stop };
}

export async function run(): Promise<BenchResult[]> {
  const { url, code, stop } = await spawnBenchServer('server');
  try {
    const client = spawnTsx('scripts/bench/server-load.ts', [], {
      SERVER_URL: url,
      ACCESS_CODE: code,
      REQUESTS: String(REQUESTS),
      CONCURRENCY: String(CONCURRENCY),
    });
    const clientLog = output(client);
    if ((await exited(client)) !== 0) throw new Error(`the load client failed:\n${clientLog()}`);
    const { wallMs, latenciesMs } = JSON.parse(clientLog().trim().split('\n').at(-1)!) as {
      wallMs: number;
      latenciesMs: number[];
    };
    return [
      { name: 'server-put-rps', value: Math.round(REQUESTS / (wallMs / 1000)), unit: 'req/s' },
      {
        name: 'server-put-p95',
        value: Math.round(percentile(latenciesMs, 95) * 10) / 10,
        unit: 'ms',
      },
    ];
  } finally {
    await stop();
  }
}
