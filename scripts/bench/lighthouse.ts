// Lighthouse 12.2.3 (a pinned dev dependency; mobile, simulated throttling) on the built
// app, interleaved with a minimal React app (scripts/bench/baseline/, built here by Vite
// the same way) as the noise baseline: five runs of each, every run a fresh Chromium (the
// Debian one), both served by the server `npm start` runs, each on a free port.
//
// The app's figures all come from one run, its median run by performance score:
// `lighthouse-performance`, `lighthouse-tbt`, `lighthouse-cls`, `lcp`,
// `lighthouse-accessibility`, `lighthouse-best-practices`; `lighthouse-baseline` is the
// median performance score of the baseline's runs. Every run's figures, and any
// accessibility or best-practices audit that fails, go to stderr.
//
// With Debian Chromium some trace audits raise a "frame_sequence" error. Where the
// largest-contentful-paint or cumulative-layout-shift audit has no value, the figure is
// read from the run's trace instead (observed, not simulated: the last LCP candidate
// after navigation start; the sum of the layout shifts without recent input), and its
// unit says so.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { startServer } from '../../src/server/start';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 5;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

const execFileAsync = promisify(execFile);

type Audit = {
  score: number | null;
  scoreDisplayMode: string;
  title: string;
  numericValue?: number;
  errorMessage?: string;
};
type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
};
type TraceEvent = {
  name: string;
  ts: number;
  args?: { frame?: string; data?: Record<string, unknown> };
};

// `source` says where LCP and CLS came from: Lighthouse's audit or the trace.
type Figure = { value: number; source: 'audit' | 'trace' };
type RunFigures = {
  scores: Record<string, number>;
  tbt: number;
  lcp: Figure;
  cls: Figure;
  failed: string[];
};

// Audits of the accessibility and best-practices categories that count and did not pass.
function failedAudits(report: Report): string[] {
  return (['accessibility', 'best-practices'] as const).flatMap((category) =>
    (report.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ id: ref.id, audit: report.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
      .map(({ id, audit }) => `${category}/${id} (${audit!.title})`),
  );
}

// LCP and CLS as the trace records them, for when Lighthouse's audits fail: the last
// LCP candidate of the main frame, from the start of its navigation; the layout shifts
// not caused by input, summed.
export function traceFigures(events: readonly TraceEvent[]): { lcp: number; cls: number } {
  const last = events
    .filter(
      (event) =>
        event.name === 'largestContentfulPaint::Candidate' && event.args?.data?.isMainFrame,
    )
    .at(-1);
  if (!last) throw new Error('the trace has no largest contentful paint');
  const navigation = last.args?.data?.navigationId;
  const start = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.navigationId === navigation,
  );
  if (!start) throw new Error('the trace has no start for the navigation of its LCP');
  const cls = events
    .filter((event) => event.name === 'LayoutShift' && event.args?.data?.had_recent_input !== true)
    .reduce((sum, event) => sum + Number(event.args?.data?.weighted_score_delta ?? 0), 0);
  return { lcp: (last.ts - start.ts) / 1000, cls };
}

async function lighthouse(url: string, outputBase: string): Promise<RunFigures> {
  await execFileAsync(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--output=json',
      `--output-path=${outputBase}.report.json`,
      '--save-assets',
      `--chrome-flags=${CHROME_FLAGS}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--form-factor=mobile',
      '--quiet',
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const report = JSON.parse(readFileSync(`${outputBase}.report.json`, 'utf8')) as Report;
  const scores: Record<string, number> = {};
  for (const category of CATEGORIES) {
    const score = report.categories[category]?.score;
    if (typeof score !== 'number') throw new Error(`Lighthouse gave no ${category} score`);
    scores[category] = score;
  }
  const tbt = report.audits['total-blocking-time']?.numericValue;
  if (typeof tbt !== 'number') throw new Error('Lighthouse gave no total blocking time');
  const auditLcp = report.audits['largest-contentful-paint']?.numericValue;
  const auditCls = report.audits['cumulative-layout-shift']?.numericValue;
  let fromTrace: { lcp: number; cls: number } | null = null;
  if (typeof auditLcp !== 'number' || typeof auditCls !== 'number') {
    const trace = JSON.parse(readFileSync(`${outputBase}.report-0.trace.json`, 'utf8')) as {
      traceEvents: TraceEvent[];
    };
    fromTrace = traceFigures(trace.traceEvents);
  }
  return {
    scores,
    tbt,
    lcp:
      typeof auditLcp === 'number'
        ? { value: auditLcp, source: 'audit' }
        : { value: fromTrace!.lcp, source: 'trace' },
    cls:
      typeof auditCls === 'number'
        ? { value: auditCls, source: 'audit' }
        : { value: fromTrace!.cls, source: 'trace' },
    failed: failedAudits(report),
  };
}

// The baseline app, built by Vite with React like the app (no config file of its own).
async function buildBaseline(outDir: string): Promise<void> {
  await build({
    root: resolve('scripts/bench/baseline'),
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}

const describe = (figures: RunFigures) =>
  [
    ...CATEGORIES.map((c) => `${c} ${figures.scores[c]!.toFixed(2)}`),
    `tbt ${Math.round(figures.tbt)} ms`,
    `lcp ${Math.round(figures.lcp.value)} ms (${figures.lcp.source})`,
    `cls ${figures.cls.value.toFixed(3)} (${figures.cls.source})`,
  ].join(', ');

const sourceNote = (figure: Figure) =>
  figure.source === 'trace' ? ' (observed in the trace: the Lighthouse audit failed)' : '';

export async function run(): Promise<BenchResult[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'so-ket-lighthouse-'));
  const baselineDir = join(workDir, 'baseline-dist');
  await buildBaseline(baselineDir);
  const app = await startServer(
    { distDir: resolve('dist'), dataDir: join(workDir, 'data'), port: 0, host: '127.0.0.1' },
    'bench',
  );
  const baseline = await startServer(
    { distDir: baselineDir, dataDir: join(workDir, 'baseline-data'), port: 0, host: '127.0.0.1' },
    'bench',
  );
  try {
    const runs: RunFigures[] = [];
    const baselineRuns: RunFigures[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const figures = await lighthouse(`${app.url}/`, join(workDir, `app-${i + 1}`));
      runs.push(figures);
      console.error(`lighthouse run ${i + 1}: ${describe(figures)}`);
      const base = await lighthouse(`${baseline.url}/`, join(workDir, `baseline-${i + 1}`));
      baselineRuns.push(base);
      console.error(`lighthouse baseline run ${i + 1}: ${describe(base)}`);
    }
    const failed = [...new Set(runs.flatMap((figures) => figures.failed))];
    if (failed.length > 0) console.error(`lighthouse failed audits: ${failed.join('; ')}`);
    // The median run by performance score (the slower TBT first among equal scores).
    const ranked = [...runs].sort(
      (a, b) => a.scores.performance! - b.scores.performance! || b.tbt - a.tbt,
    );
    const mid = ranked[Math.floor(ranked.length / 2)]!;
    console.error(`lighthouse median run: run ${runs.indexOf(mid) + 1}`);
    return [
      { name: 'lighthouse-performance', value: mid.scores.performance!, unit: '' },
      {
        name: 'lighthouse-baseline',
        value: median(baselineRuns.map((figures) => figures.scores.performance!)),
        unit: '',
      },
      { name: 'lighthouse-tbt', value: Math.round(mid.tbt), unit: 'ms' },
      {
        name: 'lighthouse-cls',
        value: Math.round(mid.cls.value * 1000) / 1000,
        unit: sourceNote(mid.cls).trim(),
      },
      { name: 'lcp', value: Math.round(mid.lcp.value), unit: `ms${sourceNote(mid.lcp)}` },
      { name: 'lighthouse-accessibility', value: mid.scores.accessibility!, unit: '' },
      { name: 'lighthouse-best-practices', value: mid.scores['best-practices']!, unit: '' },
    ];
  } finally {
    await app.close();
    await baseline.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
