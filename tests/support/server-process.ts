// The production server (src/server/main.ts, what `npm start` runs) as a child process:
// a free port to give it, the process itself, and waiting until /api/health answers.
// Shared by the server tests, the e2e support and the benches, so it imports no test
// runner.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// A TCP port nobody listens on right now.
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// A TypeScript script of the repository run by `node --import tsx` rather than the tsx
// CLI: the CLI runs the script in yet another process, so a signal sent to the child
// (SIGKILL included) would leave the real script running.
export function spawnTsx(
  script: string,
  args: string[],
  env: Record<string, string>,
  stdio: StdioOptions = ['ignore', 'pipe', 'pipe'],
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio,
  });
}

// The server's main with `args`, configured by `env` (PORT, HOST, DATA_DIR, …).
export function spawnMain(
  args: string[],
  env: Record<string, string>,
  stdio?: StdioOptions,
): ChildProcess {
  return spawnTsx('src/server/main.ts', args, env, stdio);
}

export type HealthWait = {
  timeoutMs?: number;
  // What the process wrote so far, added to the error when it does not get ready.
  log?: () => string;
};

// Resolves once `${baseUrl}/api/health` answers 200; throws if the child exits first or
// the time runs out.
export async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  { timeoutMs = 20_000, log }: HealthWait = {},
): Promise<void> {
  const withLog = (message: string) => (log ? `${message}:\n${log()}` : message);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        withLog(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready`),
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(withLog(`the server at ${baseUrl} was not ready within ${timeoutMs} ms`));
}
