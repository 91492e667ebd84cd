// `npm run bench [-- NAME…]`: builds the app, then prints one figure a line as
// "name: value unit". With names, runs only the benchmarks whose name, or the name of a
// figure they produce, starts with one.
import { spawnSync } from 'node:child_process';
import * as appendixRecompute from './bench/appendix-recompute';
import * as autosave from './bench/autosave-p95';
import * as backup from './bench/backup';
import * as docx from './bench/docx';
import * as drain from './bench/drain';
import * as drainLossy from './bench/drain-lossy';
import * as firstRender from './bench/first-render';
import * as intake from './bench/intake';
import * as lighthouse from './bench/lighthouse';
import * as offlineStart from './bench/offline-start';
import * as pdf from './bench/pdf';
import * as pdfModels from './bench/pdf-models';
import * as pdfWorstCase from './bench/pdf-worst-case';
import * as photo from './bench/photo';
import * as provinceReportPdf from './bench/province-report-pdf';
import * as rollup from './bench/rollup';
import * as server from './bench/server';
import * as serverAbuse from './bench/server-abuse';
import * as xlsxRollup from './bench/xlsx-rollup';
import type { BenchResult } from './bench/types';

type Bench = {
  name: string;
  run: () => Promise<BenchResult[]>;
  needsBuild: boolean;
  // The names of the figures it prints, when they differ from `name`.
  produces?: readonly string[];
};

const benches: Bench[] = [
  { name: 'first-render-js-gzip', run: firstRender.run, needsBuild: true },
  {
    name: 'autosave-p95',
    run: autosave.run,
    needsBuild: true,
    produces: ['autosave-p95', 'idb-commit-p95'],
  },
  { name: 'appendix-recompute', run: appendixRecompute.run, needsBuild: false },
  {
    name: 'rollup-50-units',
    run: rollup.run,
    needsBuild: false,
    produces: ['rollup-50-units-evaluated'],
  },
  { name: 'intake-7-pdfs', run: intake.run, needsBuild: true },
  {
    name: 'xlsx-rollup',
    run: xlsxRollup.run,
    needsBuild: false,
    produces: ['xlsx-rollup', 'xlsx-rollup-size'],
  },
  {
    name: 'backup',
    run: backup.run,
    needsBuild: false,
    produces: ['backup-50-export', 'backup-50-import'],
  },
  {
    name: 'pdf',
    run: pdf.run,
    needsBuild: true,
    produces: ['pdf-render-largest', 'pdf-size-largest', 'pdf-chunk-gzip'],
  },
  { name: 'pdf-size-models', run: pdfModels.run, needsBuild: false },
  {
    name: 'province-report-pdf',
    run: provinceReportPdf.run,
    needsBuild: false,
    produces: ['province-report-pdf-size'],
  },
  {
    name: 'pdf-worst-case',
    run: pdfWorstCase.run,
    needsBuild: true,
    produces: ['pdf-worst-case-longest-task'],
  },
  {
    name: 'docx',
    run: docx.run,
    needsBuild: false,
    produces: ['docx-largest', 'docx-size-largest'],
  },
  { name: 'drain', run: drain.run, needsBuild: true, produces: ['drain-50'] },
  { name: 'drain-lossy-20', run: drainLossy.run, needsBuild: false },
  {
    name: 'server',
    run: server.run,
    needsBuild: false,
    produces: ['server-put-rps', 'server-put-p95'],
  },
  {
    name: 'server-health-under-abuse-p95',
    run: serverAbuse.run,
    needsBuild: false,
    produces: ['server-health-idle-p95'],
  },
  {
    name: 'lighthouse',
    run: lighthouse.run,
    needsBuild: true,
    produces: [
      'lighthouse-performance',
      'lighthouse-baseline',
      'lighthouse-tbt',
      'lighthouse-cls',
      'lcp',
      'lighthouse-accessibility',
      'lighthouse-best-practices',
    ],
  },
  {
    name: 'offline-start',
    run: offlineStart.run,
    needsBuild: true,
    produces: ['offline-start-4x', 'offline-start-4x-cold'],
  },
  { name: 'photo-12mp', run: () => photo.run(), needsBuild: true },
];

const namesOf = (b: Bench) => [b.name, ...(b.produces ?? [])];
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const selected = benches.filter(
  (b) => filters.length === 0 || filters.some((f) => namesOf(b).some((n) => n.startsWith(f))),
);
if (selected.length === 0) {
  console.error(
    `No benchmark matches ${filters.join(', ')}. Known: ${benches.flatMap(namesOf).join(', ')}`,
  );
  process.exit(1);
}

if (selected.some((b) => b.needsBuild)) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

for (const bench of selected) {
  for (const result of await bench.run())
    console.log(`${result.name}: ${result.value} ${result.unit}`.trimEnd());
}
