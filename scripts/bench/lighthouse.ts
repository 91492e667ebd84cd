// Lighthouse 12.2.3 (mobile, simulated throttling) on the built app, served by the same
// server `npm start` runs, on a free port: the performance, accessibility and
// best-practices scores and the largest contentful paint, each the median of three runs.
// Every run's figures, and any accessibility or best-practices audit that fails, go to
// stderr. Lighthouse runs through npx (never a dependency of the app); Chromium is the
// Debian one.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../../src/server/start';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 3;
const LIGHTHOUSE = 'lighthouse@12.2.3';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';

const execFileAsync = promisify(execFile);

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { score: number | null; scoreDisplayMode: string; title: string; numericValue?: number }
  >;
};

type RunFigures = { scores: Record<string, number>; lcp: number; failed: string[] };

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

async function lighthouse(url: string, outputPath: string): Promise<RunFigures> {
  await execFileAsync(
    'npx',
    [
      '-y',
      LIGHTHOUSE,
      url,
      '--output=json',
      `--output-path=${outputPath}`,
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
  const report = JSON.parse(readFileSync(outputPath, 'utf8')) as Report;
  const scores: Record<string, number> = {};
  for (const category of CATEGORIES) {
    const score = report.categories[category]?.score;
    if (typeof score !== 'number') throw new Error(`Lighthouse gave no ${category} score`);
    scores[category] = score;
  }
  const lcp = report.audits['largest-contentful-paint']?.numericValue;
  if (typeof lcp !== 'number') throw new Error('Lighthouse gave no largest contentful paint');
  return { scores, lcp, failed: failedAudits(report) };
}

export async function run(): Promise<BenchResult[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'so-ket-lighthouse-'));
  const server = await startServer(
    { distDir: resolve('dist'), dataDir: join(workDir, 'data'), port: 0 },
    'bench',
  );
  try {
    const runs: RunFigures[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const figures = await lighthouse(`${server.url}/`, join(workDir, `lh-${i + 1}.json`));
      runs.push(figures);
      const scores = CATEGORIES.map((c) => `${c} ${figures.scores[c]!.toFixed(2)}`).join(', ');
      console.error(`lighthouse run ${i + 1}: ${scores}, lcp ${Math.round(figures.lcp)} ms`);
    }
    const failed = [...new Set(runs.flatMap((figures) => figures.failed))];
    if (failed.length > 0) console.error(`lighthouse failed audits: ${failed.join('; ')}`);
    const score = (category: string) => ({
      name: `lighthouse-${category}`,
      value: median(runs.map((figures) => figures.scores[category]!)),
      unit: '',
    });
    return [
      ...CATEGORIES.map(score),
      { name: 'lcp', value: Math.round(median(runs.map((figures) => figures.lcp))), unit: 'ms' },
    ];
  } finally {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
