import { describe, expect, it } from 'vitest';
import { traceFigures } from '../../scripts/bench/lighthouse';

// A trace as Chromium writes it: times in microseconds, an about:blank navigation of
// another frame after the page's own.
const page = 'CE7F';
const events = [
  { name: 'navigationStart', ts: 1_000_000, args: { data: { navigationId: page } } },
  {
    name: 'largestContentfulPaint::Candidate',
    ts: 1_900_000,
    args: { data: { isMainFrame: true, navigationId: page, nodeName: 'H1' } },
  },
  { name: 'LayoutShift', ts: 2_000_000, args: { data: { weighted_score_delta: 0.04 } } },
  {
    name: 'LayoutShift',
    ts: 2_100_000,
    args: { data: { weighted_score_delta: 0.5, had_recent_input: true } },
  },
  {
    name: 'largestContentfulPaint::Candidate',
    ts: 2_800_000,
    args: { data: { isMainFrame: true, navigationId: page, nodeName: 'P' } },
  },
  { name: 'navigationStart', ts: 3_000_000, args: { data: { navigationId: 'other' } } },
  { name: 'LayoutShift', ts: 3_100_000, args: { data: { weighted_score_delta: 0.01 } } },
];

describe('traceFigures (the Lighthouse bench when its LCP or CLS audit fails)', () => {
  it('reads the last LCP candidate from the start of its own navigation', () => {
    expect(traceFigures(events).lcp).toBe(1800);
  });

  it('sums the layout shifts that no input caused', () => {
    expect(traceFigures(events).cls).toBeCloseTo(0.05, 10);
  });

  it('refuses a trace without an LCP', () => {
    expect(() => traceFigures(events.filter((e) => !e.name.startsWith('largest')))).toThrow(
      'the trace has no largest contentful paint',
    );
  });
});
