// Issue 14: one unit cannot stall the others. While one access code sends a burst of
// hostile revision bodies (tests/support/hostile-bodies.ts), /api/health keeps
// answering 200 and every hostile body gets a 4xx, never a 5xx. Bounded, not timed: the
// latency is the `server-health-under-abuse-p95` benchmark.
import { describe, expect, it } from 'vitest';
import { hostileBodies } from '../support/hostile-bodies';
import { call, startTestServer } from './server-harness';

describe('a hostile burst from one code', () => {
  it('gets 4xx for every body while /api/health keeps answering 200', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 0 });
    try {
      const code = server.store.addUnit('Huyện Đoàn Hồng Dân', false).code;
      const bodies = hostileBodies('hostile-report');
      const hostile = Array.from({ length: 3 }, () =>
        bodies.map(({ name, body }) =>
          call(`${server.url}/api/reports/hostile-report/revisions/1`, {
            method: 'PUT',
            code,
            contentType: 'application/json',
            body,
          }).then((response) => ({ name, status: response.status, error: response.body.error })),
        ),
      ).flat();
      const health: number[] = [];
      let isBursting = true;
      const burst = Promise.all(hostile).finally(() => (isBursting = false));
      while (isBursting || health.length < 5) {
        health.push((await call(`${server.url}/api/health`)).status);
      }
      const answers = await burst;

      expect(health.every((status) => status === 200)).toBe(true);
      expect(answers.filter(({ status }) => status < 400 || status > 499)).toEqual([]);
      // Each refused by the cheap check meant for it, before the schema reads it.
      expect(new Map(answers.map(({ name, error }) => [name, error]))).toEqual(
        new Map([
          ['many-keys', 'tooManyKeys'],
          ['keys-at-limit', 'tooManyKeys'],
          ['deep-nesting', 'tooDeep'],
          ['huge-string', 'stringTooLong'],
        ]),
      );
      expect(server.store.countRevisions()).toBe(0);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
