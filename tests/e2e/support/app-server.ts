// The production server (src/server/main.ts, what `npm start` runs) as a child process
// that a test owns: started on a port of its choosing with a build directory, stopped
// the hard way (SIGKILL, as when the machine loses power or the network goes away) and
// started again on the same port, possibly serving another build.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnMain, waitForHealth } from '../../support/server-process';

export { freePort } from '../../support/server-process';

const START_TIMEOUT_MS = 20_000;

export class AppServer {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    // The sync store (SQLite) of this server alone, kept across a switch of builds.
    private readonly dataDir: string,
  ) {}

  // Starts the server with `distDir` on a free port (or on `port`).
  static async start(distDir: string, port?: number): Promise<AppServer> {
    const dataDir = await mkdtemp(join(tmpdir(), 'so-ket-server-data-'));
    const server = new AppServer(port ?? (await freePort()), dataDir);
    await server.serve(distDir);
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // Starts serving `distDir` on this server's port; resolves once /api/health answers.
  async serve(distDir: string): Promise<void> {
    if (this.child) throw new Error('the server is already running');
    const child = spawnMain(
      [],
      { PORT: String(this.port), HOST: '127.0.0.1', DIST_DIR: distDir, DATA_DIR: this.dataDir },
      ['ignore', 'ignore', 'pipe'],
    );
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
    try {
      await waitForHealth(this.url, child, { timeoutMs: START_TIMEOUT_MS });
    } catch {
      await this.stop();
      throw new Error(`the server did not start on port ${this.port}:\n${stderr}`);
    }
  }

  // Kills the server process; nothing answers on the port afterwards.
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await this.exited;
  }

  // Stops the server for good and removes its data.
  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true, maxRetries: 3 });
  }

  // Stops the server and starts it again on the same port with another build.
  async switchTo(distDir: string): Promise<void> {
    await this.stop();
    await this.serve(distDir);
  }
}
