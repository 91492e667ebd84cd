// Issue 13, sync under loss: with the app open and online, the engine alone (no "Gửi
// ngay") drains 20 submissions (5 reports × 4 revisions) while 30 % of requests and 30 %
// of responses are lost and 10 % are sent twice, for as long as it runs. On a virtual
// clock: no real waiting, and how long the engine waited is exact.
import { describe, expect, it } from 'vitest';
import {
  drainSimulated,
  drainThroughLossyProxy,
  LOSSY_REPORTS,
  LOSSY_REVISIONS,
  type DrainResult,
} from '../support/lossy-drain';

const SUBMISSIONS = LOSSY_REPORTS * LOSSY_REVISIONS;

function expectDrained(seed: number, result: DrainResult): void {
  const run = `seed ${seed}: ${JSON.stringify(result)}`;
  expect(result.sent, run).toBe(SUBMISSIONS);
  // Each revision stored exactly once, though requests were repeated and duplicated.
  expect(result.stored, run).toBe(SUBMISSIONS);
  expect(result.elapsedMs, run).toBeLessThanOrEqual(120_000);
  expect(result.stats.droppedRequests, run).toBeGreaterThan(0);
  expect(result.stats.droppedResponses, run).toBeGreaterThan(0);
}

describe('the sync engine under heavy loss', () => {
  it('drains 20 submissions on its own through the lossy proxy within two minutes of its clock', async () => {
    const seed = 20240510;
    expectDrained(seed, await drainThroughLossyProxy({ seed, clock: 'virtual' }));
  }, 60_000);

  it('does so for 20 of 20 seeds of the same faults', async () => {
    for (let seed = 1; seed <= 20; seed += 1) expectDrained(seed, await drainSimulated({ seed }));
  });
});
