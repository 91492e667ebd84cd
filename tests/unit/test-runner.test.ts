// `npm test` never skips silently: a stray .only fails vitest and Playwright with the
// project's own configs, a skipped test is counted on the closing line, and a step that
// fails without a failing test is named there instead of counted as a test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closingLine, countTests } from '../../scripts/test-all.mjs';

const repo = resolve(import.meta.dirname, '../..');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// The package's own bin run by this node: `npx` would add a second of CPU per run.
function run(command: 'vitest' | 'playwright', args: string[]) {
  const bin = join(repo, 'node_modules/.bin', command);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A scratch vitest root holding one test file; runs it with the project's vitest config. */
function runVitest(body: string) {
  const root = mkdtempSync(join(tmpdir(), 'so-ket-runner-'));
  scratch.push(root);
  mkdirSync(join(root, 'tests/unit'), { recursive: true });
  writeFileSync(
    join(root, 'tests/unit/stray.test.ts'),
    `import { expect, it } from 'vitest';\n${body}`,
  );
  const report = join(root, 'report.json');
  const result = run('vitest', [
    'run',
    '--config',
    join(repo, 'vitest.config.ts'),
    '--root',
    root,
    '--project',
    'unit',
    '--reporter=json',
    `--outputFile=${report}`,
  ]);
  return { ...result, report: JSON.parse(readFileSync(report, 'utf8')) as unknown };
}

/** A scratch Playwright folder (inside the repository so that @playwright/test resolves)
 * with one spec, run with the project's config minus its web server. */
function runPlaywright(body: string, list: boolean) {
  mkdirSync(join(repo, 'test-results'), { recursive: true });
  const dir = mkdtempSync(join(repo, 'test-results', 'runner-'));
  scratch.push(dir);
  writeFileSync(join(dir, 'stray.spec.ts'), `import { test } from '@playwright/test';\n${body}`);
  const config = {
    testDir: dir,
    testMatch: '*.spec.ts',
    outputDir: join(dir, 'out'),
    reporter: [['json', { outputFile: join(dir, 'report.json') }]],
  };
  writeFileSync(
    join(dir, 'pw.config.ts'),
    "import base from '../../playwright.config';\n" +
      `export default { ...base, ...${JSON.stringify(config)},` +
      ' webServer: undefined, globalTeardown: undefined };\n',
  );
  const result = run('playwright', [
    'test',
    '--config',
    join(dir, 'pw.config.ts'),
    ...(list ? ['--list'] : []),
  ]);
  return { ...result, reportPath: join(dir, 'report.json') };
}

// Each test starts a vitest or Playwright process: seconds idle, more on a loaded machine.
describe.concurrent('npm test runner', { timeout: 60_000 }, () => {
  it('fails vitest on a stray .only', () => {
    const { status, report } = runVitest(
      "it.only('focused', () => expect(1).toBe(1));\nit('other', () => expect(1).toBe(1));\n",
    );
    expect(status).not.toBe(0);
    expect(JSON.stringify(report)).toContain('Unexpected .only');
  });

  it('counts a vitest skip and todo as skipped on the closing line', () => {
    const { report } = runVitest(
      "it('runs', () => expect(1).toBe(1));\nit.skip('skipped', () => {});\nit.todo('later');\n",
    );
    const counts = countTests(report, undefined);
    expect(counts).toEqual({ passed: 1, failed: 0, skipped: 2 });
    expect(closingLine(counts)).toBe('tests: 1 passed, 0 failed, 2 skipped');
  });

  it('fails Playwright on a stray test.only', () => {
    const { status, output } = runPlaywright(
      "test.only('focused', () => {});\ntest('other', () => {});\n",
      true,
    );
    expect(status).not.toBe(0);
    expect(output).toContain("not allowed due to the 'forbidOnly' option");
  });

  it('counts a Playwright skip as skipped', () => {
    const { status, reportPath } = runPlaywright(
      "test('runs', () => {});\ntest.skip('skipped', () => {});\n",
      false,
    );
    expect(status).toBe(0);
    const counts = countTests(undefined, JSON.parse(readFileSync(reportPath, 'utf8')));
    expect(counts).toEqual({ passed: 1, failed: 0, skipped: 1 });
  });

  it('names a failed step instead of counting it as a test', () => {
    expect(closingLine({ passed: 0, failed: 0, skipped: 0 }, 'lint')).toBe(
      'tests: 0 passed, 0 failed, 0 skipped; stopped at: lint',
    );
    expect(closingLine({ passed: 1200, failed: 2, skipped: 0 }, 'unit and component tests')).toBe(
      'tests: 1200 passed, 2 failed, 0 skipped',
    );
  });
});
