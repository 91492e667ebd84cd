import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/server/rate-limit';

describe('RateLimiter', () => {
  it('lets a client through that waits exactly the time it was told (Retry-After)', () => {
    for (const perMinute of [1, 2, 3, 7, 60, 120, 1000]) {
      const limiter = new RateLimiter(perMinute);
      let now = 0;
      while (limiter.take('unit', now) === 0) now += 1;
      // Ten rounds of: told to wait, waits exactly that, is let through, is limited again.
      for (let round = 0; round < 10; round += 1) {
        const wait = limiter.take('unit', now);
        expect(wait, `${perMinute}/min, round ${round}`).toBeGreaterThan(0);
        now += wait;
        expect(limiter.take('unit', now), `${perMinute}/min, round ${round}`).toBe(0);
      }
    }
  });

  it('keeps a limited key limited while a flood of new keys fills its memory', () => {
    const limiter = new RateLimiter(40);
    for (let i = 0; i < 10; i += 1) expect(limiter.take('guesser', 0)).toBe(0);
    expect(limiter.take('guesser', 0)).toBeGreaterThan(0);
    // More new keys than the table holds (10,000): the oldest go, the guesser is
    // touched in between and stays limited; nothing clears every counter at once.
    for (let i = 0; i < 12_000; i += 1) {
      limiter.take(`flood-${i}`, 0);
      if (i % 5_000 === 0) expect(limiter.take('guesser', 0)).toBeGreaterThan(0);
    }
    expect(limiter.take('guesser', 0)).toBeGreaterThan(0);
  });

  it('forgets only the least recently used key when full', () => {
    const limiter = new RateLimiter(40, 2);
    for (let i = 0; i < 11; i += 1) limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    // 'a' was evicted (least recently used) and starts again with a full bucket.
    expect(limiter.take('a', 0)).toBe(0);
  });
});
