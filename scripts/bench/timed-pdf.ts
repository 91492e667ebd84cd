// The timed PDF render shared by the PDF benches: one warm-up render, then `runs` timed
// renders of the same input; the median time and the last file's bytes.
import { performance } from 'node:perf_hooks';
import { renderReportPdf, type FontFiles, type RenderInput } from '@/export/pdf/pdf-writer.chunk';
import { median } from './stats';

export function timedPdfRenders(
  input: RenderInput,
  fonts: FontFiles,
  runs = 7,
): { ms: number; bytes: Uint8Array } {
  let bytes = renderReportPdf(input, fonts).bytes; // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    bytes = renderReportPdf(input, fonts).bytes;
    times.push(performance.now() - start);
  }
  return { ms: Math.round(median(times)), bytes };
}
