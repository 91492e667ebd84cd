// `xlsx-rollup`: Xuất Excel of the consolidation of the seven template units (every
// appendix cell filled): the roll-up, the three sheets (Tổng hợp, Theo đơn vị, Tiếp nhận)
// and the .xlsx bytes written by write-excel-file, in Node. The median of 15 runs after
// 3 warm-up runs; `xlsx-rollup-size` is the file's size.
import { performance } from 'node:perf_hooks';
import { rollUp } from '@/domain/rollup/rollup';
import { templateUnits } from '@/domain/rollup/units';
import { rollupWorkbook } from '@/export/xlsx/rollup-workbook';
import { writeWorkbook } from '@/export/xlsx/workbook';
import { defaultTemplate } from '@/templates/template-registry';
import { acceptedUnits } from '../../tests/fixtures/rollup-units';
import { kb, median } from './stats';
import type { BenchResult } from './types';

const WARMUP_RUNS = 3;
const TIMED_RUNS = 15;

export async function run(): Promise<BenchResult[]> {
  const units = templateUnits(defaultTemplate);
  const accepted = acceptedUnits(defaultTemplate, units);
  const once = async () => {
    const rollup = rollUp(defaultTemplate, units, accepted);
    return writeWorkbook(rollupWorkbook(rollup, []));
  };
  for (let i = 0; i < WARMUP_RUNS; i += 1) await once();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const started = performance.now();
    const blob = await once();
    times.push(performance.now() - started);
    size = blob.size;
  }
  return [
    { name: 'xlsx-rollup', value: Math.round(median(times) * 10) / 10, unit: 'ms' },
    { name: 'xlsx-rollup-size', value: kb(size), unit: 'KB' },
  ];
}
