// The sync server run in this process for one test (or one bench): the real API and the
// built app over a fresh data directory, on a free loopback port, with no rate limit
// unless asked and one unit, whose access code the app is given. Imports no test runner,
// so the benches can use it too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../../../src/server/start';

export const SYNC_UNIT = 'Huyện Đoàn Hồng Dân';

export type SyncServer = {
  server: RunningServer;
  url: string;
  // The access code of SYNC_UNIT.
  unitCode: string;
  // Stops the server and removes its data directory.
  close: () => Promise<void>;
};

export type SyncServerOptions = {
  // The build to serve; DIST_DIR, else dist/.
  distDir?: string;
  // The version the server reports.
  version?: string;
  // Of the temporary data directory's name.
  prefix?: string;
  // Requests a minute per access code (0, the default here: no limit).
  rateLimitPerMinute?: number;
  // The server's clock, when the test moves it on itself.
  now?: () => Date;
};

export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), options.prefix ?? 'so-ket-e2e-sync-'));
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir: options.distDir ?? resolve(process.env.DIST_DIR ?? 'dist'),
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    },
    options.version ?? 'e2e',
    options.now,
  );
  const close = async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const unitCode = server.store.addUnit(SYNC_UNIT, false).code;
    return { server, url: server.url, unitCode, close };
  } catch (error) {
    await close();
    throw error;
  }
}
