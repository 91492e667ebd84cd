// The hostile client of the server-health-under-abuse benchmark (server-abuse.ts), in a
// process of its own: one access code PUTs the bodies of tests/support/hostile-bodies.ts
// in turn, CONCURRENCY at a time, for DURATION_MS, and prints the count of answers by
// status as JSON. A 5xx or a failed connection fails the run.
import { hostileBodies } from '../../tests/support/hostile-bodies';

const url = process.env.SERVER_URL!;
const code = process.env.ACCESS_CODE!;
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const durationMs = Number(process.env.DURATION_MS ?? 10_000);

const bodies = hostileBodies('hostile-report');
const statuses: Record<string, number> = {};
let next = 0;

async function worker(): Promise<void> {
  while (Date.now() < deadline) {
    const { body } = bodies[next % bodies.length]!;
    next += 1;
    const response = await fetch(`${url}/api/reports/hostile-report/revisions/1`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${code}`, 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 500) throw new Error(`hostile body answered ${response.status}`);
  }
}

const deadline = Date.now() + durationMs;
console.log('sending');
await Promise.all(Array.from({ length: concurrency }, worker));
console.log(JSON.stringify(statuses));
