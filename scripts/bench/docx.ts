// The Word export: time and size of the largest report rendered in Node (the same writer
// and library as the browser's lazy chunk).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderReportDocx, type DocxInput } from '@/export/docx/docx-writer.chunk';
import { readReportFile } from '@/export/pdf/report-file-input';
import { findTemplate } from '@/templates/template-registry';
import { kb, median } from './stats';
import type { BenchResult } from './types';

const TIMED_RUNS = 5;
const FIXTURE = 'tests/fixtures/reports/largest.json';

function largestReport(): DocxInput {
  const read = readReportFile(readFileSync(FIXTURE, 'utf8'), FIXTURE, findTemplate);
  if (!read.ok) throw new Error(read.message);
  return {
    template: read.template,
    answers: read.answers,
    unitName: read.file.report.unit.name,
    title: read.file.report.name,
  };
}

export async function run(): Promise<BenchResult[]> {
  const input = largestReport();
  let bytes = await renderReportDocx(input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    bytes = await renderReportDocx(input);
    times.push(performance.now() - start);
  }
  return [
    { name: 'docx-largest', value: Math.round(median(times)), unit: 'ms' },
    { name: 'docx-size-largest', value: kb(bytes.length), unit: 'KB' },
  ];
}
