// End-to-end tests: the built app (dist/, built before this runs) served by the Hono
// server, driven in the Debian Chromium. No browser is ever downloaded.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 4199);
const baseURL = `http://127.0.0.1:${port}`;
// Worker processes load this file too; only the main process starts the web server.
// Set once in the main process (workers inherit it); removed by the global teardown.
process.env.E2E_DATA_DIR ??= join(tmpdir(), `so-ket-e2e-data-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // A stray test.only fails the run, on CI or not (a skip is counted and fails `npm test`).
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  webServer: {
    // node with tsx's loader: npx and the tsx CLI would each start another node.
    command: 'node --import tsx src/server/main.ts',
    // A data directory of this run's own, never the repository's data/.
    // Every test's browser comes from 127.0.0.1: the tests that enter a wrong access code
    // on purpose must not use up the others' allowance of wrong codes (10 a minute).
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_FAILURES_PER_MINUTE: '600',
    },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    // Traces cost a third of the run time on a 2-core machine: ask for them when needed.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
});
