// Figures over a bench's timed runs, and sizes as the benches print them.

// Bytes as kilobytes, to one decimal.
export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// The middle value; with an even count, the mean of the two middle values.
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// The nearest-rank percentile: the smallest value with at least p% of the values at or
// below it.
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  const value = sorted[Math.min(rank, sorted.length - 1)];
  if (value === undefined) throw new Error('no samples');
  return value;
}
