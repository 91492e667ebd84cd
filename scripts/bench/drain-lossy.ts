// drain-lossy-20 (issue 13): 20 submissions (5 reports × 4 revisions) drained by the
// sync engine on its own, no "Gửi ngay", in the foreground and online, through the lossy
// proxy of the e2e tests (30 % of requests dropped, 30 % of responses dropped, 10 % sent
// twice, for the first minute and at most 60 faults, as in the submit test) to the real
// server on loopback. Real clock and timers, the app's engine and HTTP transport, in Node
// (not the browser's IndexedDB outbox). Seeds 1–3, median of the three; goal ≤ 120 s.
import { drainThroughLossyProxy } from '../../tests/support/lossy-drain';
import { median } from './stats';
import type { BenchResult } from './types';

const SEEDS = [1, 2, 3];

export async function run(): Promise<BenchResult[]> {
  const times: number[] = [];
  for (const seed of SEEDS) {
    const result = await drainThroughLossyProxy({ seed, clock: 'real' });
    if (result.stored !== result.sent || result.sent !== 20)
      throw new Error(`seed ${seed}: ${JSON.stringify(result)}`);
    times.push(result.elapsedMs);
    if (process.env.BENCH_VERBOSE) console.error(`seed ${seed}: ${JSON.stringify(result)}`);
  }
  return [{ name: 'drain-lossy-20', value: Math.round(median(times) / 100) / 10, unit: 's' }];
}
