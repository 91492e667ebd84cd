// The load client of the server benchmark (scripts/bench/server.ts), run in its own
// process: PUTs REQUESTS first revisions of distinct reports (the full fixture with its
// id changed), CONCURRENCY at a time over keep-alive connections (fetch), and prints
// {wallMs, latenciesMs} as JSON. Any answer other than 201 fails the run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const url = process.env.SERVER_URL!;
const code = process.env.ACCESS_CODE!;
const requests = Number(process.env.REQUESTS ?? 2000);
const concurrency = Number(process.env.CONCURRENCY ?? 20);
const warmup = Number(process.env.WARMUP ?? 100);

const fixture = JSON.parse(readFileSync('tests/fixtures/reports/full.json', 'utf8')) as {
  report: { id: string };
};
const bodies = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    fixture.report.id = `${prefix}-${i}`;
    return { id: fixture.report.id, body: JSON.stringify(fixture) };
  });

async function send(items: { id: string; body: string }[]): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const { id, body } = items[next]!;
      next += 1;
      const start = performance.now();
      const response = await fetch(`${url}/api/reports/${id}/revisions/1`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${code}`, 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      if (response.status !== 201) throw new Error(`PUT ${id}: ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

await send(bodies('warmup', warmup));
const timed = bodies('bench', requests);
const start = performance.now();
const latenciesMs = await send(timed);
const wallMs = performance.now() - start;
console.log(JSON.stringify({ wallMs, latenciesMs }));
