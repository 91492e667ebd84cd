// The PDF export: time and size of the largest report rendered in Node (the same layout,
// writer and fonts as the browser, with its embedded report file), and what the browser downloads on the first export:
// the lazy PDF chunk, the JS chunks it imports that the first render did not load, and
// the embedded fonts, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFontFiles } from '@/export/pdf/fonts-node';
import type { RenderInput } from '@/export/pdf/pdf-writer.chunk';
import { readReportFile, reportFilePdfInput } from '@/export/pdf/report-file-input';
import { findTemplate } from '@/templates/template-registry';
import { firstRenderFiles } from './first-render';
import { kb } from './stats';
import { timedPdfRenders } from './timed-pdf';
import type { BenchResult } from './types';

const FIXTURE = 'tests/fixtures/reports/largest.json';
const DIST = 'dist';

// As `npm run pdf` renders it: with the report file the PDF embeds.
async function largestReport(): Promise<RenderInput> {
  const read = readReportFile(readFileSync(FIXTURE, 'utf8'), FIXTURE, findTemplate);
  if (!read.ok) throw new Error(read.message);
  return reportFilePdfInput(read);
}

// The PDF chunk and the JS chunks it imports statically, minus the first-render set,
// and the font files it fetches.
export function pdfChunkFiles(distDir: string): string[] {
  const assets = join(distDir, 'assets');
  const chunk = readdirSync(assets).find(
    (file) => file.startsWith('browser-pdf.chunk-') && file.endsWith('.js'),
  );
  if (!chunk) throw new Error(`no browser-pdf.chunk-*.js in ${assets}: build first`);
  const loaded = new Set(firstRenderFiles(distDir).map((ref) => ref.replace(/^\/?assets\//, '')));
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || loaded.has(file)) return;
    files.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    for (const match of code.matchAll(/\/assets\/([\w.-]+\.ttf)/g)) files.add(match[1]!);
    for (const match of code.matchAll(
      /(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g,
    ))
      visit(match[1]!);
  };
  visit(chunk);
  const fonts = [...files].filter((file) => file.endsWith('.ttf'));
  if (fonts.length !== 4) throw new Error(`the PDF chunk names ${fonts.length} fonts, not 4`);
  return [...files].map((file) => join(assets, file));
}

export async function run(): Promise<BenchResult[]> {
  const fonts = readFontFiles();
  const input = await largestReport();
  const { ms, bytes } = timedPdfRenders(input, fonts);
  const chunkBytes = pdfChunkFiles(DIST)
    .map((file) => gzipSync(readFileSync(file), { level: 9 }).length)
    .reduce((sum, size) => sum + size, 0);
  return [
    { name: 'pdf-render-largest', value: ms, unit: 'ms' },
    { name: 'pdf-size-largest', value: kb(bytes.length), unit: 'KB' },
    { name: 'pdf-chunk-gzip', value: kb(chunkBytes), unit: 'KB' },
  ];
}
