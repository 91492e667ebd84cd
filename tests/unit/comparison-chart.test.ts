// The comparison chart's layout (issue 17): ticks, gaps for blanks, legend, long names,
// an indicator without data, one unit, negative and zero values, percentages.
import { describe, expect, it } from 'vitest';
import {
  hatchLines,
  layoutComparisonChart,
  niceTicks,
  type ChartDrawing,
  type ChartRect,
  type ChartText,
  type ComparisonChartData,
} from '@/domain/chart/comparison-chart';
import { measureTimes } from '@/export/docx/times-metrics';

const YEARS = ['2009', '2010', '2011', '2012', '2013'];
const UNITS = [
  'Thành Đoàn Bạc Liêu',
  'Huyện Đoàn Hồng Dân',
  'Huyện Đoàn Phước Long',
  'Huyện Đoàn Vĩnh Lợi',
  'Thị Đoàn Giá Rai',
  'Huyện Đoàn Đông Hải',
  'Huyện Đoàn Hòa Bình',
];
const words = {
  target: 'Chỉ tiêu: {value}',
  unitTargets: 'Chỉ tiêu của từng đơn vị',
  blankNote: '–: đơn vị chưa có số liệu năm đó',
  noData: 'Chưa có số liệu',
};

function data(overrides: Partial<ComparisonChartData> = {}): ComparisonChartData {
  return {
    title: 'Biểu đồ 1. Tổng số đoàn viên (người), 2009–2013',
    unit: 'count',
    years: YEARS,
    series: UNITS.map((name, unit) => ({
      name,
      values: Object.fromEntries(YEARS.map((year, i) => [year, 3000 + unit * 400 + i * 120])),
    })),
    target: null,
    source: 'Tổng hợp 7/7 đơn vị',
    words,
    ...overrides,
  };
}

const layout = (d: ComparisonChartData, width = 160) =>
  layoutComparisonChart(d, { width, measure: measureTimes });
const texts = (drawing: ChartDrawing) =>
  drawing.items.filter((item): item is ChartText => item.kind === 'text');
const bars = (drawing: ChartDrawing) =>
  drawing.items.filter(
    (item): item is ChartRect => item.kind === 'rect' && !(item.w === 4 && item.h === 3),
  );
// A text's box: left, right, top, bottom (mm).
const box = (t: ChartText) => {
  const left =
    t.anchor === 'start' ? t.x : t.anchor === 'middle' ? t.x - t.width / 2 : t.x - t.width;
  const ascent = t.size * (25.4 / 72) * 0.75;
  return {
    left,
    right: left + t.width,
    top: t.y - ascent,
    bottom: t.y + t.size * (25.4 / 72) * 0.25,
  };
};
const overlaps = (a: ChartText, b: ChartText) => {
  const p = box(a);
  const q = box(b);
  return (
    p.left < q.right - 0.01 &&
    q.left < p.right - 0.01 &&
    p.top < q.bottom - 0.01 &&
    q.top < p.bottom - 0.01
  );
};
function expectTidy(drawing: ChartDrawing) {
  const all = texts(drawing);
  for (const t of all) {
    const b = box(t);
    expect(b.left, t.text).toBeGreaterThanOrEqual(-0.01);
    expect(b.right, t.text).toBeLessThanOrEqual(drawing.width + 0.01);
    expect(b.bottom, t.text).toBeLessThanOrEqual(drawing.height + 0.01);
  }
  for (let i = 0; i < all.length; i += 1)
    for (let j = i + 1; j < all.length; j += 1)
      expect(overlaps(all[i]!, all[j]!), `${all[i]!.text} / ${all[j]!.text}`).toBe(false);
}

describe('niceTicks', () => {
  it.each([
    [0, 28400, true, [0, 5000, 10000, 15000, 20000, 25000, 30000]],
    [0, 87.5, false, [0, 20, 40, 60, 80, 100]],
    [0, 0, true, [0, 1]],
    [0, 3, true, [0, 1, 2, 3]],
    [-120, 480, true, [-200, -100, 0, 100, 200, 300, 400, 500]],
    [0, 0.3, false, [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]],
  ])('from %d to %d (whole: %s) gives %j', (min, max, isWhole, expected) => {
    expect(niceTicks(min, max, 7, isWhole)).toEqual(expected);
  });

  it('never gives a fractional step for whole numbers', () => {
    for (const max of [1, 2, 3, 7, 9, 13]) {
      const ticks = niceTicks(0, max, 7, true);
      expect(ticks.every(Number.isInteger), String(ticks)).toBe(true);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
    }
  });
});

describe('layoutComparisonChart', () => {
  it('draws a bar per unit and year, grouped by year in the legend order, with tidy labels', () => {
    const drawing = layout(data());
    const drawn = bars(drawing);
    expect(drawn).toHaveLength(35);
    // The first group holds the seven units left to right, then the second year starts.
    const xs = drawn.map((bar) => bar.x);
    expect(xs.slice(0, 7)).toEqual([...xs.slice(0, 7)].sort((a, b) => a - b));
    expect(drawn[7]!.x).toBeGreaterThan(drawn[6]!.x + drawn[6]!.w);
    // Bars are wide enough to see in print.
    expect(drawn[0]!.w).toBeGreaterThan(2.5);
    const labels = texts(drawing).map((t) => t.text);
    expect(labels).toContain('Biểu đồ 1. Tổng số đoàn viên (người), 2009–2013');
    for (const year of YEARS) expect(labels).toContain(year);
    for (const unit of UNITS) expect(labels).toContain(unit);
    expect(labels).toContain('Tổng hợp 7/7 đơn vị');
    // Vietnamese grouping on the axis.
    expect(labels).toContain('5.000');
    expect(labels).not.toContain('5,000');
    expectTidy(drawing);
    // Neighbours in the legend never share a fill.
    const swatches = drawing.items.filter((i): i is ChartRect => i.kind === 'rect' && i.w === 4);
    expect(swatches).toHaveLength(7);
    for (let i = 1; i < swatches.length; i += 1)
      expect(swatches[i]!.fill).not.toEqual(swatches[i - 1]!.fill);
  });

  it('leaves a gap for a blank value (never a zero bar) and says what the mark means', () => {
    const d = data();
    const series = d.series.map((s, i) =>
      i === 5 ? { ...s, values: { ...s.values, '2011': null } } : s,
    );
    const drawing = layout({ ...d, series });
    expect(bars(drawing)).toHaveLength(34);
    const labels = texts(drawing).map((t) => t.text);
    expect(labels).toContain('–');
    expect(labels).toContain(words.blankNote);
    // Without blanks there is no note.
    expect(texts(layout(data())).map((t) => t.text)).not.toContain(words.blankNote);
  });

  it('draws the common target as a dashed line and names it in the legend', () => {
    const drawing = layout(
      data({
        unit: 'percent',
        title: 'Biểu đồ 2. Tỷ lệ tập hợp thanh niên (%), 2009–2013',
        series: UNITS.map((name, u) => ({
          name,
          values: Object.fromEntries(YEARS.map((year, i) => [year, 60 + u * 3 + i * 2.5])),
        })),
        target: 90,
      }),
    );
    const labels = texts(drawing).map((t) => t.text);
    expect(labels).toContain('Chỉ tiêu: 90%');
    expect(labels).toContain('100%');
    expect(labels).toContain('20%');
    const dashed = drawing.items.filter((i) => i.kind === 'line' && i.dash);
    expect(dashed).toHaveLength(2); // the line and its legend swatch
    expectTidy(drawing);
  });

  it('marks each unit’s own target on its bars when the targets differ', () => {
    const d = data({ unit: 'percent' });
    const series = d.series.map((s, i) => ({ ...s, target: i < 3 ? 85 + i : null }));
    const drawing = layout({ ...d, series });
    const marks = drawing.items.filter((i) => i.kind === 'line' && i.width === 0.6);
    expect(marks).toHaveLength(3 * 5 + 1); // three units × five years, and the legend's
    expect(texts(drawing).map((t) => t.text)).toContain(words.unitTargets);
  });

  it('wraps long unit names in the legend inside the chart', () => {
    const long = 'Đoàn Khối các cơ quan và doanh nghiệp tỉnh Bạc Liêu (trực thuộc Tỉnh Đoàn)';
    const d = data();
    const drawing = layout({
      ...d,
      series: d.series.map((s, i) => (i === 2 ? { ...s, name: `${long} ${long}` } : s)),
    });
    expectTidy(drawing);
    expect(texts(drawing).some((t) => t.text.startsWith('Đoàn Khối'))).toBe(true);
    // On a phone-wide chart too.
    expectTidy(layout({ ...d, series: d.series.map((s) => ({ ...s, name: long })) }, 90));
  });

  it('draws an empty frame saying so when no unit has any value', () => {
    const d = data();
    const drawing = layout({
      ...d,
      series: d.series.map((s) => ({ ...s, values: {} })),
      target: 90,
    });
    expect(bars(drawing)).toHaveLength(1); // the frame
    expect(bars(drawing)[0]!.fill).toBeNull();
    const labels = texts(drawing).map((t) => t.text);
    expect(labels).toContain(words.noData);
    expect(labels).not.toContain('–');
    expect(labels).toContain('Tổng hợp 7/7 đơn vị');
    expectTidy(drawing);
  });

  it('gives one unit a bar no wider than the maximum', () => {
    const d = data();
    const drawing = layout({ ...d, series: d.series.slice(0, 1) });
    expect(bars(drawing)).toHaveLength(5);
    expect(bars(drawing)[0]!.w).toBeLessThanOrEqual(12);
    expectTidy(drawing);
  });

  it('draws negative values below the zero line and zero as no height', () => {
    const d = data();
    const drawing = layout({
      ...d,
      series: [
        { name: 'A', values: { '2009': -150, '2010': 0, '2011': 300, '2012': 450, '2013': 0 } },
        { name: 'B', values: { '2009': 50, '2010': 100, '2011': 120, '2012': 90, '2013': 10 } },
      ],
    });
    const drawn = bars(drawing);
    expect(drawn).toHaveLength(10);
    const zeroLine = drawing.items.find(
      (i) => i.kind === 'line' && i.width === 0.3 && i.y1 === i.y2 && i.x2 === 160,
    )!;
    expect(zeroLine.kind).toBe('line');
    const zeroY = zeroLine.kind === 'line' ? zeroLine.y1 : 0;
    const negative = drawn[0]!;
    expect(negative.y).toBeCloseTo(zeroY);
    expect(negative.h).toBeGreaterThan(0);
    expect(drawn[2]!.h).toBe(0); // A in 2010
    expect(texts(drawing).map((t) => t.text)).toContain('-200');
    expectTidy(drawing);
  });
});

describe('hatchLines', () => {
  it('keeps every hatch segment inside its rectangle', () => {
    const rect = { x: 10, y: 20, w: 3.2, h: 41 };
    for (const hatch of ['up', 'down', 'cross', 'horizontal', 'vertical'] as const) {
      const lines = hatchLines(rect, hatch);
      expect(lines.length, hatch).toBeGreaterThan(2);
      for (const l of lines)
        for (const [x, y] of [
          [l.x1, l.y1],
          [l.x2, l.y2],
        ] as const) {
          expect(x).toBeGreaterThanOrEqual(rect.x - 1e-6);
          expect(x).toBeLessThanOrEqual(rect.x + rect.w + 1e-6);
          expect(y).toBeGreaterThanOrEqual(rect.y - 1e-6);
          expect(y).toBeLessThanOrEqual(rect.y + rect.h + 1e-6);
        }
    }
    expect(hatchLines(rect, 'none')).toEqual([]);
  });
});
