// `intake-7-pdfs`: the province office's Tiếp nhận, in Chromium, given seven PDFs that the
// app's own PDF writer made from seven units' reports (each with its report file
// embedded). Timed from handing the files to the page (Playwright's setInputFiles, as a
// drop or a pick does) until the page says "Đã nhận 7 bản mới …": every PDF read, its
// embedded file checked against the schemas and filed, the tracker's data stored. Each
// run uses a fresh browser context, so the office's database starts empty. The median of
// five runs; every run goes to stderr. Measured from Node, so it includes Playwright's
// round trips (a few ms).
//
// Assumes dist/ is built (scripts/bench.ts builds it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { templateUnits } from '@/domain/rollup/units';
import { startServer } from '@/server/start';
import { defaultTemplate } from '@/templates/template-registry';
import { unitReportFile } from '../../tests/fixtures/province-reports';
import { reportFilePdf } from '../../tests/fixtures/report-pdf';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/chromium';
import { median } from './stats';
import type { BenchResult } from './types';

const RUNS = 5;

async function sevenPdfs(dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const [index, unit] of templateUnits(defaultTemplate).entries()) {
    const path = join(dir, `bao-cao-${unit.key}.pdf`);
    writeFileSync(path, await reportFilePdf(unitReportFile(unit, index)));
    paths.push(path);
  }
  return paths;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'so-ket-bench-intake-'));
  const server = await startServer(
    { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), distDir: resolve('dist') },
    'bench',
  );
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const pdfs = await sevenPdfs(dir);
    const files = pdfs.map((path) => ({
      name: path.slice(dir.length + 1),
      mimeType: 'application/pdf',
      buffer: readFileSync(path),
    }));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({
        locale: 'vi-VN',
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/#/tinh/tiep-nhan`);
      const picker = page.getByLabel('Chọn tệp');
      await picker.waitFor();
      const started = performance.now();
      await picker.setInputFiles(files);
      await page.getByText(/^Đã nhận 7 bản mới/).waitFor({ timeout: 60_000 });
      const ms = performance.now() - started;
      times.push(ms);
      console.error(`intake-7-pdfs run ${i + 1}: ${Math.round(ms)} ms`);
      await context.close();
    }
    return [{ name: 'intake-7-pdfs', value: Math.round(median(times)), unit: 'ms' }];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
