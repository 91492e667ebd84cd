import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  BASE_DELAY_MS,
  decide,
  MAX_DELAY_MS,
  parseRetryAfter,
  serverMessage,
  type Decision,
  type SendOutcome,
} from '@/domain/outbox/retry-policy';

const NOW = Date.parse('2024-03-01T08:00:00.000Z');

function response(status: number, body: unknown = null, retryAfterSeconds: number | null = null) {
  return { kind: 'response', status, body, retryAfterSeconds } satisfies SendOutcome;
}

const networkError: SendOutcome = { kind: 'networkError' };

describe('decide', () => {
  // Attempt 0 with random 0: the backoff is half of 5 s.
  const firstBackoff = { action: 'retry', delayMs: 2_500 } as const;

  const cases: [string, SendOutcome, Decision][] = [
    ['200 (a repeat)', response(200, { revision: 1 }), { action: 'sent' }],
    ['201 (created)', response(201), { action: 'sent' }],
    ['204', response(204), { action: 'sent' }],
    ['no answer', networkError, firstBackoff],
    ['408', response(408), firstBackoff],
    ['429', response(429), firstBackoff],
    ['428 (a photo no revision listed)', response(428), firstBackoff],
    ['500', response(500), firstBackoff],
    ['502', response(502), firstBackoff],
    ['503', response(503), firstBackoff],
    ['429 with Retry-After 30', response(429, null, 30), { action: 'retry', delayMs: 30_000 }],
    ['503 with Retry-After 120', response(503, null, 120), { action: 'retry', delayMs: 120_000 }],
    ['429 with Retry-After 0', response(429, null, 0), { action: 'retry', delayMs: 1_000 }],
    ['503 with Retry-After 0.2', response(503, null, 0.2), { action: 'retry', delayMs: 1_000 }],
    [
      '503 with Retry-After 1 h',
      response(503, null, 3600),
      { action: 'retry', delayMs: MAX_DELAY_MS },
    ],
    ['401', response(401, { message: 'Mã sai' }), { action: 'authRequired' }],
    ['403', response(403), { action: 'authRequired' }],
    [
      '409 with head 3',
      response(409, { error: 'outOfOrder', head: 3 }),
      { action: 'conflict', head: 3 },
    ],
    ['409 with head 0', response(409, { head: 0 }), { action: 'conflict', head: 0 }],
    [
      '409 without head',
      response(409, { error: 'revisionConflict' }),
      { action: 'conflict', head: null },
    ],
    ['409 with a text head', response(409, { head: '3' }), { action: 'conflict', head: null }],
    ['409 with no body', response(409), { action: 'conflict', head: null }],
    ['400', response(400, { message: 'Sai' }), { action: 'quarantine' }],
    ['404', response(404), { action: 'quarantine' }],
    ['413', response(413), { action: 'quarantine' }],
    ['415', response(415), { action: 'quarantine' }],
    ['422', response(422), { action: 'quarantine' }],
  ];

  it.each(cases)('answers %s with the expected action', (_name, outcome, expected) => {
    expect(decide(outcome, 0, 0)).toEqual(expected);
  });

  it('grows the backoff with the attempt count when no Retry-After is given', () => {
    const delays = [0, 1, 2, 3].map((attempt) => {
      const decision = decide(response(500), attempt, 1);
      return decision.action === 'retry' ? decision.delayMs : NaN;
    });
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
  });

  it('ignores a negative Retry-After and backs off instead', () => {
    expect(decide(response(503, null, -5), 2, 1)).toEqual({ action: 'retry', delayMs: 20_000 });
  });

  it('takes the Retry-After whatever the attempt count and the random number', () => {
    expect(decide(response(429, null, 30), 7, 0.3)).toEqual({ action: 'retry', delayMs: 30_000 });
  });
});

describe('backoffDelay', () => {
  const attempts = Array.from({ length: 11 }, (_, attempt) => attempt);

  it.each(attempts)('stays within [cap/2, cap] at attempt %i', (attempt) => {
    const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
    expect(backoffDelay(attempt, 0)).toBe(cap / 2);
    expect(backoffDelay(attempt, 1)).toBe(cap);
    const middle = backoffDelay(attempt, 0.5);
    expect(middle).toBeGreaterThanOrEqual(cap / 2);
    expect(middle).toBeLessThanOrEqual(cap);
  });

  it('starts at 5 s and reaches the 5 min cap at the sixth retry', () => {
    expect(attempts.map((attempt) => backoffDelay(attempt, 1))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000, 300_000, 300_000,
    ]);
  });

  it('never goes below half the cap, nor above it, once capped', () => {
    for (const random of [0, 0.25, 0.999, 1]) {
      const delay = backoffDelay(50, random);
      expect(delay).toBeGreaterThanOrEqual(MAX_DELAY_MS / 2);
      expect(delay).toBeLessThanOrEqual(MAX_DELAY_MS);
    }
    expect(backoffDelay(5_000, 1)).toBe(MAX_DELAY_MS);
  });

  it('clamps a random number outside [0, 1] and a negative attempt', () => {
    expect(backoffDelay(0, -1)).toBe(2_500);
    expect(backoffDelay(0, 2)).toBe(5_000);
    expect(backoffDelay(-3, 1)).toBe(5_000);
  });
});

describe('parseRetryAfter', () => {
  const cases: [string, string | null, number | null][] = [
    ['whole seconds', '30', 30],
    ['seconds with spaces', ' 120 ', 120],
    ['zero', '0', 0],
    ['a negative number, as zero', '-5', 0],
    ['an HTTP date 90 s ahead', new Date(NOW + 90_000).toUTCString(), 90],
    ['an HTTP date 1 s ahead', 'Fri, 01 Mar 2024 08:00:01 GMT', 1],
    ['an HTTP date in the past, as zero', 'Fri, 01 Mar 2024 07:00:00 GMT', 0],
    ['garbage', 'soon', null],
    ['an empty value', '', null],
    ['blanks', '   ', null],
    ['no header', null, null],
  ];

  it.each(cases)('reads %s', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('serverMessage', () => {
  it('returns the message of an error body, at most 500 characters', () => {
    expect(serverMessage({ error: 'invalidReport', message: 'Báo cáo không hợp lệ.' })).toBe(
      'Báo cáo không hợp lệ.',
    );
    expect(serverMessage({ message: 'x'.repeat(600) })).toHaveLength(500);
  });

  it('returns null for a body without a text message', () => {
    expect(serverMessage(null)).toBeNull();
    expect(serverMessage('Bad Gateway')).toBeNull();
    expect(serverMessage({ message: 42 })).toBeNull();
  });
});
