import { describe, expect, it } from 'vitest';
import { CHART_FONT, valueLabelBaseline } from '@/features/review/chart-label';

// The label covers [baseline - CHART_FONT - 1, baseline + 3]; the line must be outside.
const struck = (baseline: number, lineY: number) =>
  lineY >= baseline - CHART_FONT - 1 && lineY <= baseline + 3;

describe('valueLabelBaseline', () => {
  it('puts the label just above the bar when there is no target line or it is far', () => {
    expect(valueLabelBaseline(60, null)).toBe(57);
    expect(valueLabelBaseline(60, 30)).toBe(57);
    expect(valueLabelBaseline(60, 80)).toBe(57);
  });

  it('never lets the target line strike through a label', () => {
    for (let barTop = 14; barTop <= 96; barTop += 0.5) {
      for (let lineY = 14; lineY <= 96; lineY += 0.5) {
        const baseline = valueLabelBaseline(barTop, lineY);
        expect(struck(baseline, lineY), `bar ${barTop}, line ${lineY}`).toBe(false);
        expect(baseline - CHART_FONT, 'the label leaves the chart').toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('moves the label over the line when the bar reaches it', () => {
    expect(valueLabelBaseline(40, 36)).toBe(32);
    // No room above a line at the top: under it.
    expect(valueLabelBaseline(16, 10)).toBe(23);
  });
});
