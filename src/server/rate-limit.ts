// A token bucket per key: `perMinute` requests a minute, in bursts of up to a quarter
// of that (at least 10). Returns how long to wait before the next request is allowed.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
  ) {
    this.capacity = Math.max(10, Math.ceil(perMinute / 4));
  }

  // Tokens earned in `ms`, and the ms it takes to earn `tokens` (rounded up): a client
  // that waits exactly its Retry-After has earned its token.
  private earned(ms: number): number {
    return (ms * this.perMinute) / 60_000;
  }

  private msFor(tokens: number): number {
    return Math.ceil((tokens * 60_000) / this.perMinute);
  }

  private tokens(bucket: { tokens: number; at: number }, nowMs: number): number {
    return Math.min(this.capacity, bucket.tokens + this.earned(nowMs - bucket.at));
  }

  // How long `key` has to wait before its next request, without using a token.
  wait(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key);
    if (this.perMinute <= 0 || !bucket) return 0;
    const tokens = this.tokens(bucket, nowMs);
    return tokens >= 1 ? 0 : this.msFor(1 - tokens);
  }

  take(key: string, nowMs: number): number {
    if (this.perMinute <= 0) return 0;
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    bucket.tokens = this.tokens(bucket, nowMs);
    bucket.at = nowMs;
    // Least recently used last out: memory stays bounded under abuse, and a flood of new
    // keys evicts only the oldest buckets, never everyone's counters at once.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.msFor(1 - bucket.tokens);
  }
}
