// The comparison chart of the province's report (issue 17): one indicator, the units ×
// the review years, with the target. One pure layout for the three renderers (SVG on
// screen, jsPDF, Word DrawingML): data in, drawing primitives out, in millimetres (font
// sizes in points), measured with an injected `measure` so the PDF's own font metrics
// place the text.
//
// - Bars are grouped by year (one group per year, one bar per unit, in the legend's
//   order): which unit stands where in a year reads at a glance, and the groups run
//   left to right like the appendix's columns.
// - Fills are greys and hatchings that stay apart in black-and-white print; every bar
//   has a black outline.
// - A blank value stays a gap, never a zero bar: its slot gets a small "–" at the zero
//   line and the note under the legend says what it means. A zero is a bar of no height.
// - The target: one dashed line across the plot when the units share it, a short thick
//   mark over each bar of a unit otherwise; either has its legend entry.
// - The y axis has "nice" ticks (1, 2, 2.5 or 5 × 10^k; whole numbers for counts), in
//   Vietnamese number format ("28.400", "12,5%").
// - An indicator with no value at all draws an empty frame saying so.
const PT = 25.4 / 72; // mm per point
const LINE = 1.2; // line height × font size

export type ChartFontStyle = 'normal' | 'bold' | 'italic';
// The width in mm of `text` at `size` pt.
export type ChartMeasure = (text: string, style: ChartFontStyle, size: number) => number;

export type ChartSeries = {
  name: string;
  values: Readonly<Record<string, number | null>>;
  // The unit's own target, when the units' targets differ.
  target?: number | null;
};

// Plain strings (the data crosses to the render worker).
export type ChartWords = {
  // The legend entry of the common target, with {value} for the target, e.g. "Chỉ tiêu: {value}".
  target: string;
  // The legend entry of the units' own targets.
  unitTargets: string;
  // The note under the legend when some value is blank.
  blankNote: string;
  // Inside the frame when no unit has any value.
  noData: string;
};

export type ComparisonChartData = {
  // Names the indicator and its unit, e.g. "Biểu đồ 1. Tỷ lệ tập hợp thanh niên (%), 2009–2013".
  title: string;
  unit: 'count' | 'percent';
  years: readonly string[];
  series: readonly ChartSeries[];
  // The target all units share, or null.
  target: number | null;
  // "Tổng hợp 7/7 đơn vị" or naming the missing units.
  source: string;
  words: ChartWords;
};

export type Hatch = 'none' | 'up' | 'down' | 'cross' | 'horizontal' | 'vertical';
// gray: 0 is black, 1 is white.
export type ChartFill = { gray: number; hatch: Hatch };

export type ChartRect = {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill: ChartFill | null;
  // Outline width in mm; 0 for none.
  stroke: number;
};
export type ChartLine = {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  gray: number;
  dash?: [number, number];
};
export type ChartText = {
  kind: 'text';
  // The anchor point: its left end, centre or right end, on the baseline.
  x: number;
  y: number;
  text: string;
  size: number;
  style: ChartFontStyle;
  anchor: 'start' | 'middle' | 'end';
  // The measured width, for renderers that need a box (Word) and for checks.
  width: number;
};
export type ChartItem = ChartRect | ChartLine | ChartText;

export type ChartDrawing = { width: number; height: number; items: ChartItem[] };

export const CHART_STYLE = {
  title: { size: 12, style: 'bold' },
  tick: { size: 9, style: 'normal' },
  year: { size: 10, style: 'normal' },
  legend: { size: 9, style: 'normal' },
  note: { size: 8, style: 'italic' },
  source: { size: 10, style: 'italic' },
  noData: { size: 10, style: 'italic' },
  outline: 0.15,
  grid: { width: 0.1, gray: 0.75 },
  axis: 0.3,
  target: { width: 0.5, dash: [2, 1] as [number, number] },
  unitTarget: { width: 0.6, overhang: 0.6 },
  swatch: { w: 4, h: 3 },
  groupGap: 0.16, // share of a year's group left empty between groups
  maxBar: 12,
  hatchSpacing: 1.1,
  hatchWidth: 0.12,
  gapBelowTitle: 3,
  gapBelowPlot: 1.5,
  gapBeforeLegend: 2.5,
  legendColumnGap: 4,
  legendRowGap: 0.8,
  gapBeforeSource: 1.5,
} as const satisfies Record<string, unknown>;

// Fills in the order of the legend: neighbours differ in tone and hatching, so a bar's
// unit is told apart in black-and-white print. Nine, then again.
export const FILLS: readonly ChartFill[] = [
  { gray: 0.2, hatch: 'none' },
  { gray: 1, hatch: 'up' },
  { gray: 0.6, hatch: 'none' },
  { gray: 1, hatch: 'none' },
  { gray: 0.85, hatch: 'down' },
  { gray: 0.4, hatch: 'none' },
  { gray: 1, hatch: 'cross' },
  { gray: 0.8, hatch: 'none' },
  { gray: 1, hatch: 'vertical' },
];

export const fillOf = (index: number): ChartFill => FILLS[index % FILLS.length]!;

// A grey as six hex digits, "000000" (black) to "FFFFFF".
export function grayHex(gray: number): string {
  return Math.round(Math.min(1, Math.max(0, gray)) * 255)
    .toString(16)
    .padStart(2, '0')
    .repeat(3)
    .toUpperCase();
}

type Style = { size: number; style: ChartFontStyle };
const lineHeight = (style: Style) => style.size * PT * LINE;
// Baseline below a line's top.
const baseline = (style: Style) => style.size * PT * 0.95;

// About `count` ticks from a value at or below `min` to one at or above `max`, a step of
// 1, 2, 2.5 or 5 × 10^k (whole steps for whole numbers).
export function niceTicks(min: number, max: number, count = 7, isWhole = false): number[] {
  const lo = Math.min(min, max);
  const hi = Math.max(min, max) === lo ? lo + 1 : Math.max(min, max);
  const rough = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10]
      .map((m) => m * power)
      .find((s) => s >= rough * (1 - 1e-9) && (!isWhole || Number.isInteger(s))) ??
    Math.max(1, Math.ceil(rough));
  const ticks: number[] = [];
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  // By index, not by adding steps up: no drift (0,1 + 0,2 ≠ 0,3).
  for (let i = first; i <= last; i += 1) ticks.push(Number((i * step).toPrecision(12)) || 0);
  return ticks;
}

const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

// A tick or target: "28.400", "12,5%".
export function chartNumber(value: number, unit: 'count' | 'percent'): string {
  return unit === 'percent' ? `${percentFormat.format(value)}%` : countFormat.format(value);
}

// Greedy word wrap by measured width; a word wider than the width stands alone.
function wrap(text: string, style: Style, width: number, measure: ChartMeasure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && measure(next, style.style, style.size) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}

// The hatching of a rectangle as line segments inside it (for renderers without
// pattern fills): `spacing` mm apart, measured across the lines.
export function hatchLines(
  rect: Pick<ChartRect, 'x' | 'y' | 'w' | 'h'>,
  hatch: Hatch,
  spacing: number = CHART_STYLE.hatchSpacing,
): { x1: number; y1: number; x2: number; y2: number }[] {
  const { x, y, w, h } = rect;
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  if (w <= 0 || h <= 0) return out;
  if (hatch === 'horizontal')
    for (let t = y + spacing / 2; t < y + h; t += spacing)
      out.push({ x1: x, y1: t, x2: x + w, y2: t });
  if (hatch === 'vertical')
    for (let t = x + spacing / 2; t < x + w; t += spacing)
      out.push({ x1: t, y1: y, x2: t, y2: y + h });
  // Diagonals at 45°: along u = X + Y (up: rising to the right on paper) or u = X − Y.
  const diagonal = (isUp: boolean) => {
    const step = spacing * Math.SQRT2;
    const [from, to] = isUp ? [x + y, x + w + y + h] : [x - (y + h), x + w - y];
    for (let u = from + step / 2; u < to; u += step) {
      // Points of the line inside the rectangle, clipped to its x and y ranges.
      const yAt = (X: number) => (isUp ? u - X : X - u);
      let x1 = Math.max(x, isUp ? u - (y + h) : u + y);
      let x2 = Math.min(x + w, isUp ? u - y : u + y + h);
      if (x2 - x1 < 1e-6) continue;
      x1 = Math.max(x1, x);
      x2 = Math.min(x2, x + w);
      out.push({ x1, y1: yAt(x1), x2, y2: yAt(x2) });
    }
  };
  if (hatch === 'up' || hatch === 'cross') diagonal(true);
  if (hatch === 'down' || hatch === 'cross') diagonal(false);
  return out;
}

export type ChartOptions = {
  width: number;
  measure: ChartMeasure;
  // The plot's height in mm (the bars' area); by default 40% of the width, 55–80 mm.
  plotHeight?: number;
};

export function layoutComparisonChart(
  data: ComparisonChartData,
  options: ChartOptions,
): ChartDrawing {
  const { width, measure } = options;
  const S = CHART_STYLE;
  const items: ChartItem[] = [];
  const measureOf = (text: string, style: Style) => measure(text, style.style, style.size);
  const text = (
    value: string,
    x: number,
    y: number,
    style: Style,
    anchor: ChartText['anchor'] = 'start',
  ) => {
    items.push({
      kind: 'text',
      x,
      y,
      text: value,
      size: style.size,
      style: style.style,
      anchor,
      width: measureOf(value, style),
    });
  };
  const line = (
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    lineWidth: number,
    gray: number,
    dash?: [number, number],
  ) => {
    items.push({ kind: 'line', x1, y1, x2, y2, width: lineWidth, gray, ...(dash ? { dash } : {}) });
  };
  let y = 0;

  // Title, centred, wrapped.
  for (const line of wrap(data.title, S.title, width, measure)) {
    text(line, width / 2, y + baseline(S.title), S.title, 'middle');
    y += lineHeight(S.title);
  }
  y += S.gapBelowTitle;

  // The scale: every value and target, and zero.
  const values: number[] = [];
  let hasBlank = false;
  for (const series of data.series)
    for (const year of data.years) {
      const value = series.values[year] ?? null;
      if (value === null) hasBlank = true;
      else values.push(value);
    }
  const targets = [
    ...(data.target !== null ? [data.target] : []),
    ...(data.target === null
      ? data.series.flatMap((s) => (s.target !== undefined && s.target !== null ? [s.target] : []))
      : []),
  ];
  const isEmpty = values.length === 0;
  const plotHeight = options.plotHeight ?? Math.min(80, Math.max(55, width * 0.4));
  const plotTop = y + baseline(S.tick) / 2;
  const plotBottom = plotTop + plotHeight;

  if (isEmpty) {
    items.push({
      kind: 'rect',
      x: 0,
      y: plotTop,
      w: width,
      h: plotHeight,
      fill: null,
      stroke: S.axis,
    });
    text(data.words.noData, width / 2, plotTop + plotHeight / 2, S.noData, 'middle');
    y = plotBottom + S.gapBelowPlot;
  } else {
    const all = [...values, ...targets, 0];
    const ticks = niceTicks(
      Math.min(...all),
      Math.max(...all),
      7,
      data.unit === 'count' && all.every(Number.isInteger),
    );
    const lo = ticks[0]!;
    const hi = ticks[ticks.length - 1]!;
    const yOf = (value: number) => plotBottom - ((value - lo) / (hi - lo)) * plotHeight;
    const labels = ticks.map((tick) => chartNumber(tick, data.unit));
    const labelWidth = Math.max(...labels.map((label) => measureOf(label, S.tick)));
    const plotLeft = labelWidth + 2;
    const plotWidth = width - plotLeft;

    ticks.forEach((tick, index) => {
      const ty = yOf(tick);
      if (tick !== 0) line(plotLeft, ty, width, ty, S.grid.width, S.grid.gray);
      line(plotLeft - 1, ty, plotLeft, ty, S.axis, 0);
      text(labels[index]!, plotLeft - 1.5, ty + S.tick.size * PT * 0.35, S.tick, 'end');
    });
    line(plotLeft, plotTop, plotLeft, plotBottom, S.axis, 0);

    const groupWidth = plotWidth / Math.max(1, data.years.length);
    const count = Math.max(1, data.series.length);
    const barWidth = Math.min(S.maxBar, (groupWidth * (1 - S.groupGap)) / count);
    const zeroY = yOf(0);
    data.years.forEach((year, yearIndex) => {
      const groupLeft = plotLeft + yearIndex * groupWidth;
      const barsLeft = groupLeft + (groupWidth - barWidth * count) / 2;
      data.series.forEach((series, seriesIndex) => {
        const x = barsLeft + seriesIndex * barWidth;
        const value = series.values[year] ?? null;
        if (value === null) {
          text('–', x + barWidth / 2, zeroY - 0.6, S.note, 'middle');
          return;
        }
        const top = Math.min(yOf(value), zeroY);
        items.push({
          kind: 'rect',
          x,
          y: top,
          w: barWidth,
          h: Math.abs(yOf(value) - zeroY),
          fill: fillOf(seriesIndex),
          stroke: S.outline,
        });
        const own = data.target === null ? (series.target ?? null) : null;
        if (own !== null) {
          const ty = yOf(own);
          const over = S.unitTarget.overhang;
          line(x - over / 2, ty, x + barWidth + over / 2, ty, S.unitTarget.width, 0);
        }
      });
      text(
        year,
        groupLeft + groupWidth / 2,
        plotBottom + S.gapBelowPlot + baseline(S.year),
        S.year,
        'middle',
      );
    });
    // The zero line over the bars' feet; the common target over everything.
    line(plotLeft, zeroY, width, zeroY, S.axis, 0);
    if (data.target !== null) {
      const ty = yOf(data.target);
      line(plotLeft, ty, width, ty, S.target.width, 0, S.target.dash);
    }
    y = plotBottom + S.gapBelowPlot + lineHeight(S.year);
  }

  // Legend: the units in bar order, then the target, in as many columns as the widest
  // entry allows; an entry wider than the chart wraps.
  y += S.gapBeforeLegend;
  type Entry = { label: string; swatch: 'fill' | 'target' | 'unitTarget'; index: number };
  const entries: Entry[] = data.series.map((series, index) => ({
    label: series.name,
    swatch: 'fill',
    index,
  }));
  if (!isEmpty && data.target !== null)
    entries.push({
      label: data.words.target.replace('{value}', chartNumber(data.target, data.unit)),
      swatch: 'target',
      index: -1,
    });
  else if (!isEmpty && targets.length > 0)
    entries.push({ label: data.words.unitTargets, swatch: 'unitTarget', index: -1 });
  const swatchSpace = S.swatch.w + 1.5;
  const widest = Math.max(0, ...entries.map((e) => measureOf(e.label, S.legend)));
  const columns = Math.max(
    1,
    Math.min(
      entries.length,
      Math.floor((width + S.legendColumnGap) / (swatchSpace + widest + S.legendColumnGap)),
    ),
  );
  const columnWidth = (width + S.legendColumnGap) / columns - S.legendColumnGap;
  const labelWidth = columnWidth - swatchSpace;
  const rowHeight = lineHeight(S.legend);
  for (let start = 0; start < entries.length; start += columns) {
    const row = entries.slice(start, start + columns).map((entry) => ({
      entry,
      lines: wrap(entry.label, S.legend, labelWidth, measure),
    }));
    row.forEach(({ entry, lines }, column) => {
      const x = column * (columnWidth + S.legendColumnGap);
      const swatchTop = y + (rowHeight - S.swatch.h) / 2;
      if (entry.swatch === 'fill')
        items.push({
          kind: 'rect',
          x,
          y: swatchTop,
          w: S.swatch.w,
          h: S.swatch.h,
          fill: fillOf(entry.index),
          stroke: S.outline,
        });
      else {
        const my = swatchTop + S.swatch.h / 2;
        items.push({
          kind: 'line',
          x1: x,
          y1: my,
          x2: x + S.swatch.w,
          y2: my,
          width: entry.swatch === 'target' ? S.target.width : S.unitTarget.width,
          gray: 0,
          ...(entry.swatch === 'target' ? { dash: S.target.dash } : {}),
        });
      }
      lines.forEach((line, index) => {
        text(line, x + swatchSpace, y + index * rowHeight + baseline(S.legend), S.legend);
      });
    });
    y += Math.max(...row.map((r) => r.lines.length)) * rowHeight + S.legendRowGap;
  }

  if (hasBlank && !isEmpty) {
    for (const line of wrap(data.words.blankNote, S.note, width, measure)) {
      text(line, 0, y + baseline(S.note), S.note);
      y += lineHeight(S.note);
    }
  }
  y += S.gapBeforeSource;
  for (const line of wrap(data.source, S.source, width, measure)) {
    text(line, 0, y + baseline(S.source), S.source);
    y += lineHeight(S.source);
  }
  return { width, height: y, items };
}
