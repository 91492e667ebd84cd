// Demo mode: CHẾ ĐỘ THỬ at every start, the codes printed once and kept 0600; DEMO=0
// makes no account and prints no code. The first case runs the real server (npm start's
// main) on loopback.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoFilePath, prepareDemo } from '@/server/demo';
import { Store } from '@/server/store';
import { freePort, makeTempDirs, spawnMain, waitForHealth } from './server-harness';

describe('demo mode', () => {
  it('the real server on an empty data directory says CHẾ ĐỘ THỬ and prints the codes', async () => {
    const { root, dataDir, distDir } = makeTempDirs();
    const port = await freePort();
    const child = spawnMain([], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, child, { timeoutMs: 40_000 });
      const codes = JSON.parse(readFileSync(demoFilePath(dataDir), 'utf8')) as {
        unit: string;
        admin: string;
      };
      expect(stdout).toContain('CHẾ ĐỘ THỬ');
      expect(stdout).toContain(codes.unit);
      expect(stdout).toContain(codes.admin);
      expect(statSync(demoFilePath(dataDir)).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the codes on the first start only, and says CHẾ ĐỘ THỬ every time', () => {
    const { dataDir } = makeTempDirs();
    const store = new Store(dataDir);
    const first = prepareDemo(store, dataDir, {}).join('\n');
    const codes = JSON.parse(readFileSync(demoFilePath(dataDir), 'utf8')) as {
      unit: string;
      admin: string;
    };
    expect(first).toContain(codes.unit);
    expect(first).toContain(codes.admin);
    expect(statSync(demoFilePath(dataDir)).mode & 0o777).toBe(0o600);
    const second = prepareDemo(store, dataDir, {}).join('\n');
    expect(second).toContain('CHẾ ĐỘ THỬ');
    expect(second).not.toContain(codes.unit);
    expect(second).not.toContain(codes.admin);
    expect(store.countUnits()).toBe(2);
    store.close();
  });

  it('with DEMO=0 makes no account, prints no code and says how to make the admin', () => {
    const { dataDir } = makeTempDirs();
    const store = new Store(dataDir);
    const lines = prepareDemo(store, dataDir, { DEMO: '0' }).join('\n');
    expect(store.countUnits()).toBe(0);
    expect(existsSync(demoFilePath(dataDir))).toBe(false);
    expect(lines).not.toContain('CHẾ ĐỘ THỬ');
    expect(lines).toContain('add-unit --name "…" --admin');
    store.close();
  });
});
