// `npm run bench [-- NAME…]`: builds the app, then prints one figure a line as
// "name: value unit". With names, runs only the benchmarks whose name starts with one.
import { spawnSync } from 'node:child_process';
import * as appendixRecompute from './bench/appendix-recompute';
import * as autosave from './bench/autosave-p95';
import * as firstRender from './bench/first-render';
import type { BenchResult } from './bench/types';

type Bench = { name: string; run: () => Promise<BenchResult[]>; needsBuild: boolean };

const benches: Bench[] = [
  { name: 'first-render-js-gzip', run: firstRender.run, needsBuild: true },
  { name: 'autosave-p95', run: autosave.run, needsBuild: true },
  { name: 'appendix-recompute', run: appendixRecompute.run, needsBuild: false },
];

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const selected = benches.filter(
  (b) => filters.length === 0 || filters.some((f) => b.name.startsWith(f)),
);
if (selected.length === 0) {
  console.error(
    `No benchmark matches ${filters.join(', ')}. Known: ${benches.map((b) => b.name).join(', ')}`,
  );
  process.exit(1);
}

if (selected.some((b) => b.needsBuild)) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

for (const bench of selected) {
  for (const result of await bench.run())
    console.log(`${result.name}: ${result.value} ${result.unit}`);
}
