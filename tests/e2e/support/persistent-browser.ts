// A Chromium that this test owns as an OS process: spawned in its own process group
// with a profile directory on disk, so a test can kill it the hard way (SIGKILL to the
// whole group, as when a phone kills the app) and start it again on the same profile.
// Playwright's launch() refuses --user-data-dir, and launchPersistentContext() does not
// let us kill the process group, hence the spawn + connectOverCDP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';

const START_TIMEOUT_MS = 20_000;
const EXIT_TIMEOUT_MS = 5_000;

type Running = { child: ChildProcess; browser: Browser; exited: Promise<void> };

// True while a process of the group still runs. Killed children are re-parented to
// init, which may reap them late: a zombie has released everything, so it counts as
// gone. Reads /proc where there is one, else asks kill(-pgid, 0).
export function isGroupAlive(pgid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited while we looked
      }
      // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z' && state !== 'X') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

// Reads stderr until Chromium says where its DevTools endpoint listens. The wrapper
// script's harmless "[: … unexpected operator" line is skipped like any other.
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`Chromium did not report a DevTools endpoint:\n${seen}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        finish();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      finish();
      reject(
        new Error(`Chromium exited (code ${code}, signal ${signal}) before starting:\n${seen}`),
      );
    };
    const finish = () => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stderr so a chatty browser never blocks on a full pipe.
      child.stderr?.resume();
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export class PersistentBrowser {
  private running: Running | null = null;

  private constructor(readonly profileDir: string) {}

  // Starts Chromium on a fresh profile directory (or on an empty one given).
  static async launch(dir?: string): Promise<PersistentBrowser> {
    const profileDir = dir ?? (await mkdtemp(join(tmpdir(), 'so-ket-profile-')));
    const instance = new PersistentBrowser(profileDir);
    await instance.start();
    return instance;
  }

  get pid(): number {
    const pid = this.running?.child.pid;
    if (pid === undefined) throw new Error('Chromium is not running');
    return pid;
  }

  get browser(): Browser {
    if (!this.running) throw new Error('Chromium is not running');
    return this.running.browser;
  }

  // The profile's own context: what it stores on disk survives a relaunch.
  get context(): BrowserContext {
    const context = this.browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    return context;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('Chromium is already running');
    const child = spawn(
      chromiumPath,
      [
        ...chromiumArgs,
        '--headless=new',
        `--user-data-dir=${this.profileDir}`,
        '--remote-debugging-port=0',
        '--remote-debugging-address=127.0.0.1',
        'about:blank',
      ],
      { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const endpoint = await devToolsEndpoint(child);
      const browser = await chromium.connectOverCDP(endpoint);
      this.running = { child, browser, exited };
    } catch (error) {
      if (child.pid !== undefined && isGroupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
      throw error;
    }
  }

  // Sends `signal` to every process of the browser's group (browser, renderers, GPU,
  // utilities) and waits until they are gone. Nothing gets a chance to flush.
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    const pid = running.child.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    }
    await Promise.race([
      running.exited,
      new Promise((resolve) => setTimeout(resolve, EXIT_TIMEOUT_MS)),
    ]);
    // Orphaned children are reaped by init; they may linger as zombies briefly.
    if (pid !== undefined) await waitUntil(() => !isGroupAlive(pid), EXIT_TIMEOUT_MS);
    await running.browser.close().catch(() => undefined);
  }

  // Kills (if running) and starts again on the same profile directory.
  async relaunch(): Promise<void> {
    await this.kill('SIGKILL');
    await this.start();
  }

  // Kills what is left and removes the profile.
  async dispose(): Promise<void> {
    await this.kill('SIGKILL');
    await rm(this.profileDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
