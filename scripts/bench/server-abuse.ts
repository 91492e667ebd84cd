// How long everyone else waits while one unit abuses the server: the real server
// (src/server/main.ts) in its own process, a hostile client in another
// (server-abuse-client.ts: 2.7 MB bodies of 200,000 keys, nesting 500,000 deep, a
// 4.5-million-character answer, 19,000 keys, 4 at a time from one code, rate limit off
// so every body reaches the checks), and GET /api/health from this process every 20 ms
// meanwhile. The 95th percentile of the health checks' latency (issue 14's goal:
// < 50 ms). For scale, `server-health-idle-p95`: the same probe for 3 s before the burst
// (on a loaded machine the idle figure is far from 0). The hostile answers by status go
// to stderr.
import { performance } from 'node:perf_hooks';
import { spawnTsx } from '../../tests/support/server-process';
import { exited, output, spawnBenchServer } from './server';
import { percentile } from './stats';
import type { BenchResult } from './types';

const DURATION_MS = 10_000;
const PROBE_EVERY_MS = 20;
const IDLE_MS = 3_000;

// GET /api/health every PROBE_EVERY_MS while `going()`; each answer's latency in ms.
async function probeHealth(url: string, going: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (going()) {
    const start = performance.now();
    const response = await fetch(`${url}/api/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`/api/health answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return latencies;
}

const p95 = (latencies: number[]) => Math.round(percentile(latencies, 95) * 10) / 10;

export async function run(): Promise<BenchResult[]> {
  const { url, code, stop } = await spawnBenchServer('abuse');
  try {
    const idleUntil = performance.now() + IDLE_MS;
    const idle = await probeHealth(url, () => performance.now() < idleUntil);
    const client = spawnTsx('scripts/bench/server-abuse-client.ts', [], {
      SERVER_URL: url,
      ACCESS_CODE: code,
      DURATION_MS: String(DURATION_MS),
    });
    const clientLog = output(client);
    const clientDone = exited(client);
    let isClientRunning = true;
    void clientDone.then(() => (isClientRunning = false));
    // Probe from the client's first request on (it says when its bodies are built).
    while (isClientRunning && !clientLog().includes('sending'))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const latencies = await probeHealth(url, () => isClientRunning);
    if ((await clientDone) !== 0) throw new Error(`the hostile client failed:\n${clientLog()}`);
    console.error(
      `server-health-under-abuse: ${latencies.length} health checks, max ${Math.round(
        Math.max(...latencies),
      )} ms; hostile answers by status ${clientLog().trim().split('\n').at(-1)}`,
    );
    return [
      { name: 'server-health-under-abuse-p95', value: p95(latencies), unit: 'ms' },
      { name: 'server-health-idle-p95', value: p95(idle), unit: 'ms' },
    ];
  } finally {
    await stop();
  }
}
