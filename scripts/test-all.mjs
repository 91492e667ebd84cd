// `npm test`: every check, in order, stopping at the first failure. Ends with one line
// "tests: N passed, N failed, N skipped" counting the unit, component and end-to-end tests
// (tests, never steps). A step that fails without a failing test (types, lint, format,
// build, a test file that does not load) is named on that line. A skipped or todo test
// fails the run: nothing is skipped silently. A stray `.only` fails in vitest
// (`allowOnly: false`) and Playwright (`forbidOnly: true`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The tools run from node_modules/.bin, not through npx: npx costs about a second of CPU
// a start.
const bin = (name) => resolve('node_modules/.bin', name);

// The static checks are independent and mostly single-threaded: they run side by side
// (about 20 s less than one after another on two cores), each one's output printed
// whole when it ends.
const STATIC_CHECKS = [
  ['types', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['format', bin('prettier'), ['--check', '.']],
];

const steps = [
  ['system packages', 'node', ['scripts/check-system.mjs']],
  ['static checks', STATIC_CHECKS],
  [
    'unit and component tests',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'],
  ],
  ['build', bin('vite'), ['build', '--logLevel', 'warn']],
  ['end-to-end tests', bin('playwright'), ['test']],
];

/** Test counts from the two JSON reports written so far (a missing report counts 0). */
export function countTests(vitest, e2e) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  }
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
  }
  return { passed, failed, skipped };
}

/** The closing line: counts of tests, and the step that stopped the run if it was not a test. */
export function closingLine({ passed, failed, skipped }, failedStep) {
  const line = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  if (failedStep && failed === 0) return `${line}; stopped at: ${failedStep}`;
  return line;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function counts() {
  return countTests(readJson('test-results/vitest.json'), readJson('test-results/e2e.json'));
}

/** Runs commands side by side; resolves with the names of those that failed. */
async function runTogether(group) {
  const failed = [];
  await Promise.all(
    group.map(
      ([name, command, args]) =>
        new Promise((done) => {
          const started = Date.now();
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (code, signal) => {
            const seconds = Math.round((Date.now() - started) / 1000);
            console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
            process.stdout.write(Buffer.concat(output));
            if (code === 0) console.log(`✔ ${name} (${seconds} s)`);
            else {
              console.error(`✖ ${name} failed (exit ${code ?? signal}) after ${seconds} s.`);
              failed.push(name);
            }
            done();
          });
        }),
    ),
  );
  return failed;
}

async function main() {
  rmSync('test-results', { recursive: true, force: true });
  const started = Date.now();
  for (const [name, command, args] of steps) {
    const stepStarted = Date.now();
    if (Array.isArray(command)) {
      const failed = await runTogether(command);
      const seconds = Math.round((Date.now() - stepStarted) / 1000);
      if (failed.length > 0) {
        console.log(closingLine(counts(), failed.join(', ')));
        process.exit(1);
      }
      console.log(`✔ ${name} (${seconds} s)`);
      continue;
    }
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { stdio: 'inherit' });
    const seconds = Math.round((Date.now() - stepStarted) / 1000);
    if (result.status !== 0) {
      console.error(
        `\n✖ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds} s.`,
      );
      console.log(closingLine(counts(), name));
      process.exit(1);
    }
    console.log(`✔ ${name} (${seconds} s)`);
    const sofar = counts();
    if (name.endsWith('tests') && sofar.skipped > 0) {
      console.error(`\n✖ ${name}: ${sofar.skipped} skipped test(s); nothing may be skipped.`);
      console.log(closingLine(sofar, `${name} (a skipped test is a failure)`));
      process.exit(1);
    }
  }
  const total = counts();
  console.log(`\nAll checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
  console.log(closingLine(total));
  process.exit(total.failed === 0 && total.skipped === 0 && total.passed > 0 ? 0 : 1);
}

// Run only as a script (`npm test`), not when a test imports the pure functions above.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) void main();
