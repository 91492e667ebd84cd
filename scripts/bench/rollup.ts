// The province's consolidation of 50 units (7 tables × 5 years each, every cell
// filled). `rollup-50-units` is the consolidation from the units' evaluated appendices
// (the office's screen evaluates a version once, when it is accepted, and keeps it);
// `rollup-50-units-evaluated` includes evaluating all 50 appendices again.
import { performance } from 'node:perf_hooks';
import { consolidate, rollUp, unitFigures } from '@/domain/rollup/rollup';
import { defaultTemplate } from '@/templates/template-registry';
import { acceptedUnits, manyUnits } from '../../tests/fixtures/rollup-units';
import { median } from './stats';
import type { BenchResult } from './types';

const WARMUP_RUNS = 10;
const TIMED_RUNS = 40;

function timed(work: () => number): number {
  let sink = 0;
  for (let i = 0; i < WARMUP_RUNS; i += 1) sink += work();
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    sink += work();
    times.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  return Math.round(median(times) * 100) / 100;
}

export async function run(): Promise<BenchResult[]> {
  const units = manyUnits(50);
  const accepted = acceptedUnits(defaultTemplate, units);
  const figures = accepted.map((version) => unitFigures(defaultTemplate, version));
  return [
    {
      name: 'rollup-50-units',
      value: timed(() => consolidate(defaultTemplate, units, figures).tables.length),
      unit: 'ms',
    },
    {
      name: 'rollup-50-units-evaluated',
      value: timed(() => rollUp(defaultTemplate, units, accepted).tables.length),
      unit: 'ms',
    },
  ];
}
