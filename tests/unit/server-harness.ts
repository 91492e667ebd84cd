// Shared by the server tests: a real server on 127.0.0.1 (port 0) over a fresh data
// directory, valid report files made from the fixtures, a small HTTP client, and the
// real CLI run as a child process.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ReportFile } from '@/domain/report/report-schema';
import { createServerApp } from '@/server/app';
import { readConfig, type ServerConfig } from '@/server/config';
import { serverMessages, type ServerErrorCode } from '@/server/server-messages';
import { startServer, type RunningServer } from '@/server/start';
import { Store } from '@/server/store';
import { ROOT, spawnMain } from '../support/server-process';

export { freePort, ROOT, spawnMain, waitForHealth } from '../support/server-process';

export type FixtureName = 'draft' | 'full' | 'largest';

const fixtures = new Map<FixtureName, string>();

export function readFixture(name: FixtureName): ReportFile {
  let text = fixtures.get(name);
  if (text === undefined) {
    text = readFileSync(join(ROOT, 'tests/fixtures/reports', `${name}.json`), 'utf8');
    fixtures.set(name, text);
  }
  return JSON.parse(text) as ReportFile;
}

// A valid report file for `id`: a fixture with its id replaced, then changed by `edit`.
export function makeReportFile(
  id: string,
  edit: (file: ReportFile) => void = () => {},
  fixture: FixtureName = 'full',
): ReportFile {
  const file = readFixture(fixture);
  file.report.id = id;
  edit(file);
  return file;
}

// A temporary directory with a data/ directory and a dist/ holding a dummy index.html.
export function makeTempDirs(): { root: string; dataDir: string; distDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'so-ket-server-'));
  const dataDir = join(root, 'data');
  const distDir = join(root, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>so-ket</title>');
  return { root, dataDir, distDir };
}

// The app in this process (app.request, no socket) over a fresh store, with a clock the
// test moves: `advance(ms)`. No limits unless `overrides` sets them.
export function makeInProcessApp(overrides: Partial<ServerConfig> = {}) {
  const { dataDir, distDir } = makeTempDirs();
  const store = new Store(dataDir);
  let nowMs = Date.parse('2026-01-01T00:00:00Z');
  const app = createServerApp({
    config: {
      ...readConfig({}),
      dataDir,
      distDir,
      rateLimitPerMinute: 0,
      authFailuresPerMinute: 0,
      ...overrides,
    },
    store,
    version: 'test',
    now: () => new Date(nowMs),
  });
  return {
    app,
    store,
    dataDir,
    advance: (ms: number) => {
      nowMs += ms;
    },
    now: () => new Date(nowMs),
  };
}

export type TestServer = RunningServer & { dataDir: string; stop: () => Promise<void> };

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const { root, dataDir, distDir } = makeTempDirs();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    distDir,
    corsOrigins: [],
    rateLimitPerMinute: 0,
    authFailuresPerMinute: 0,
    ...overrides,
  });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export type ApiResponse = {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
};

export type CallOptions = {
  method?: string;
  code?: string;
  body?: BodyInit;
  contentType?: string | null;
  headers?: Record<string, string>;
};

export async function call(url: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.code !== undefined) headers.authorization = `Bearer ${options.code}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: tests that expect JSON check `body` and fail there.
  }
  return { status: response.status, headers: response.headers, text, body };
}

export function putRevision(
  baseUrl: string,
  code: string,
  reportId: string,
  revision: number | string,
  file: ReportFile | string,
): Promise<ApiResponse> {
  return call(`${baseUrl}/api/reports/${reportId}/revisions/${revision}`, {
    method: 'PUT',
    code,
    contentType: 'application/json',
    body: typeof file === 'string' ? file : JSON.stringify(file),
  });
}

export function expectError(response: ApiResponse, status: number, error: ServerErrorCode): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.body).toMatchObject({ error, message: serverMessages[error] });
}

export type Finished = {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
};

export function runMain(args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawnMain(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr }));
  });
}
