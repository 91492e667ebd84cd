// A comparison chart's primitives (domain/chart/comparison-chart.ts) as a Word drawing:
// one inline DrawingML group of shapes (wpg:wgp) in its own paragraph, vectors that Word
// and LibreOffice edit and print. Bars are rectangles with a grey fill, or DrawingML's own
// pattern fill for the hatched ones; lines are line shapes; each text is a borderless
// text box a little wider than the measured text (Word measures with its own Times New
// Roman), anchored as the layout says. Built from the library's BuilderElement rather
// than its docx/shapes module, which would treble the Word chunk (≈ +120 KB gzipped).
import type { XmlComponent } from 'docx';
import { AlignmentType, BuilderElement, LineRuleType, Paragraph, TextRun } from 'docx';
import {
  layoutComparisonChart,
  type ChartDrawing,
  type ChartFill,
  type ChartItem,
  type ComparisonChartData,
  type Hatch,
  grayHex,
} from '@/domain/chart/comparison-chart';
import { normalizeText } from '@/domain/report/text';
import { PT } from '@/export/pdf/format';
import { measureTimes } from './times-metrics';

const FONT = 'Times New Roman';
const EMU_PER_MM = 36000;
const emu = (mm: number) => Math.round(mm * EMU_PER_MM);
// Room either side of a text box for Word's own widths, and above the chart for the
// title's box (a box starts above its baseline).
const SLACK = 3;
const PAD_TOP = 3;
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const GROUP = 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup';

// DrawingML preset patterns (ST_PresetPatternVal).
const PATTERNS: Record<Exclude<Hatch, 'none'>, string> = {
  up: 'wdUpDiag',
  down: 'wdDnDiag',
  cross: 'diagCross',
  horizontal: 'horz',
  vertical: 'vert',
};

function el(
  name: string,
  attributes: Record<string, string | number> = {},
  children: XmlComponent[] = [],
): XmlComponent {
  return new BuilderElement({
    name,
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, { key, value }]),
    ),
    children,
  });
}

const color = (hex: string) => el('a:srgbClr', { val: hex });

function fillOf(fill: ChartFill | null): XmlComponent {
  if (!fill) return el('a:noFill');
  if (fill.hatch === 'none') return el('a:solidFill', {}, [color(grayHex(fill.gray))]);
  return el('a:pattFill', { prst: PATTERNS[fill.hatch] }, [
    el('a:fgClr', {}, [color('000000')]),
    el('a:bgClr', {}, [color(grayHex(fill.gray))]),
  ]);
}

function outline(width: number, hex: string, dash?: boolean): XmlComponent {
  if (width <= 0) return el('a:ln', {}, [el('a:noFill')]);
  return el('a:ln', { w: emu(width) }, [
    el('a:solidFill', {}, [color(hex)]),
    ...(dash ? [el('a:prstDash', { val: 'dash' })] : []),
  ]);
}

type Box = { x: number; y: number; w: number; h: number };

function shape(
  id: number,
  box: Box,
  geometry: 'rect' | 'line',
  fill: XmlComponent,
  line: XmlComponent,
  text?: Paragraph,
): XmlComponent {
  return el('wps:wsp', {}, [
    el('wps:cNvPr', { id, name: `${geometry} ${id}` }),
    el(geometry === 'line' ? 'wps:cNvCnPr' : 'wps:cNvSpPr'),
    el('wps:spPr', {}, [
      el('a:xfrm', {}, [
        el('a:off', { x: emu(box.x), y: emu(box.y) }),
        el('a:ext', { cx: emu(box.w), cy: emu(box.h) }),
      ]),
      el('a:prstGeom', { prst: geometry }, [el('a:avLst')]),
      fill,
      line,
    ]),
    ...(text ? [el('wps:txbx', {}, [el('w:txbxContent', {}, [text])])] : []),
    el('wps:bodyPr', text ? { wrap: 'none', lIns: 0, tIns: 0, rIns: 0, bIns: 0, anchor: 't' } : {}),
  ]);
}

function shapeOf(item: ChartItem, id: number, width: number): XmlComponent | null {
  if (item.kind === 'rect') {
    if (item.h <= 0 || item.w <= 0) return null;
    return shape(
      id,
      { x: item.x, y: item.y + PAD_TOP, w: item.w, h: item.h },
      'rect',
      fillOf(item.fill),
      outline(item.stroke, '000000'),
    );
  }
  if (item.kind === 'line') {
    return shape(
      id,
      {
        x: Math.min(item.x1, item.x2),
        y: Math.min(item.y1, item.y2) + PAD_TOP,
        w: Math.abs(item.x2 - item.x1),
        h: Math.abs(item.y2 - item.y1),
      },
      'line',
      el('a:noFill'),
      outline(item.width, grayHex(item.gray), item.dash !== undefined),
    );
  }
  const size = item.size * PT;
  // The box keeps the anchor where the layout put it and stays inside the chart's width
  // (the group never grows past the text block).
  const wide = item.width + 2 * SLACK;
  const half = Math.min(wide / 2, item.x, width - item.x);
  const [left, right] =
    item.anchor === 'start'
      ? [item.x, Math.min(width, item.x + wide)]
      : item.anchor === 'middle'
        ? [item.x - half, item.x + half]
        : [Math.max(0, item.x - wide), item.x];
  const boxWidth = right - left;
  const text = new Paragraph({
    alignment:
      item.anchor === 'start'
        ? AlignmentType.LEFT
        : item.anchor === 'middle'
          ? AlignmentType.CENTER
          : AlignmentType.RIGHT,
    // An exact line: the baseline's place in the box does not depend on the styles.
    spacing: {
      before: 0,
      after: 0,
      line: Math.round(item.size * 20 * 1.2),
      lineRule: LineRuleType.EXACT,
    },
    children: [
      new TextRun({
        text: normalizeText(item.text),
        font: FONT,
        size: Math.round(item.size * 2),
        ...(item.style === 'bold' ? { bold: true } : {}),
        ...(item.style === 'italic' ? { italics: true } : {}),
      }),
    ],
  });
  // The layout gives the baseline; Word and LibreOffice set a text box's first baseline
  // about BASELINE_IN_BOX × the size below its top (checked on LibreOffice's PDF).
  return shape(
    id,
    { x: left, y: item.y - size * BASELINE_IN_BOX + PAD_TOP, w: boxWidth, h: size * 1.6 },
    'rect',
    el('a:noFill'),
    outline(0, '000000'),
    text,
  );
}
const BASELINE_IN_BOX = 1;

// Drawing ids are unique within a document; the charts take theirs from a range of
// their own, far above the library's.
let nextId = 100_000;

// The drawing as an inline group of shapes (DrawingML, wpg:wgp) in a run, its box the
// chart's own, so no shape is moved or scaled.
function chartRun(drawing: ChartDrawing, title: string): XmlComponent {
  const width = emu(drawing.width);
  const height = emu(drawing.height + PAD_TOP);
  const shapes = drawing.items.flatMap((item) => {
    const built = shapeOf(item, (nextId += 1), drawing.width);
    return built ? [built] : [];
  });
  const docId = (nextId += 1);
  return el('w:r', {}, [
    el('w:drawing', {}, [
      el('wp:inline', { distT: 0, distB: 0, distL: 0, distR: 0 }, [
        el('wp:extent', { cx: width, cy: height }),
        el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }),
        el('wp:docPr', { id: docId, name: title, descr: title }),
        el('wp:cNvGraphicFramePr'),
        el('a:graphic', { 'xmlns:a': A }, [
          el('a:graphicData', { uri: GROUP }, [
            el('wpg:wgp', {}, [
              el('wpg:cNvGrpSpPr'),
              el('wpg:grpSpPr', {}, [
                el('a:xfrm', {}, [
                  el('a:off', { x: 0, y: 0 }),
                  el('a:ext', { cx: width, cy: height }),
                  el('a:chOff', { x: 0, y: 0 }),
                  el('a:chExt', { cx: width, cy: height }),
                ]),
              ]),
              ...shapes,
            ]),
          ]),
        ]),
      ]),
    ]),
  ]);
}

// One paragraph per chart, as wide as the text block, kept whole on a page.
export function chartParagraphs(
  charts: readonly ComparisonChartData[],
  width: number,
  plotHeight: number,
  spaceBefore: number,
): Paragraph[] {
  return charts.map(
    (chart) =>
      new Paragraph({
        keepLines: true,
        spacing: { before: Math.round((spaceBefore * 1440) / 25.4), after: 0 },
        children: [
          chartRun(
            layoutComparisonChart(chart, { width, measure: measureTimes, plotHeight }),
            chart.title,
          ) as unknown as TextRun,
        ],
      }),
  );
}
