// Where a bar's value label goes in the appendix chart: just above the bar, unless the
// dashed target line would strike through it; then just above the line, or just under
// it when there is no room above. SVG user units; the label is CHART_FONT tall.
export const CHART_FONT = 10;
const GAP = 3;

// The band a label with this baseline covers (digits, a comma below the baseline),
// widened by the line's stroke.
function strikes(baseline: number, lineY: number): boolean {
  return lineY >= baseline - CHART_FONT - 1 && lineY <= baseline + GAP;
}

export function valueLabelBaseline(barTop: number, targetY: number | null): number {
  const aboveBar = barTop - GAP;
  if (targetY === null || !strikes(aboveBar, targetY)) return aboveBar;
  const aboveLine = targetY - GAP - 1;
  return aboveLine - CHART_FONT >= 0 ? aboveLine : targetY + CHART_FONT + GAP;
}
