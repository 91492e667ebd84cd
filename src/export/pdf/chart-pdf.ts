// Draws a comparison chart's primitives (domain/chart/comparison-chart.ts) with jsPDF, as
// vectors: bars as filled and stroked rectangles, hatching as lines inside them, the text
// as real text in the embedded font (so pdftotext reads the labels).
import type { jsPDF } from 'jspdf';
import {
  grayHex,
  hatchLines,
  CHART_STYLE,
  type ChartFontStyle,
} from '@/domain/chart/comparison-chart';
import type { ChartPicture } from './layout';

export function drawChartPdf(
  pdf: jsPDF,
  chart: ChartPicture,
  fontName: (style: ChartFontStyle) => string,
) {
  const { x: left, y: top } = chart;
  for (const item of chart.drawing.items) {
    if (item.kind === 'rect') {
      const x = left + item.x;
      const y = top + item.y;
      pdf.setLineDashPattern([], 0);
      pdf.setLineWidth(item.stroke);
      pdf.setDrawColor('#000000');
      if (item.fill) {
        pdf.setFillColor(`#${grayHex(item.fill.gray)}`);
        pdf.rect(x, y, item.w, item.h, item.stroke > 0 ? 'FD' : 'F');
        const hatch = hatchLines({ x, y, w: item.w, h: item.h }, item.fill.hatch);
        if (hatch.length > 0) {
          pdf.setLineWidth(CHART_STYLE.hatchWidth);
          for (const line of hatch) pdf.line(line.x1, line.y1, line.x2, line.y2);
          if (item.stroke > 0) {
            pdf.setLineWidth(item.stroke);
            pdf.rect(x, y, item.w, item.h, 'S');
          }
        }
      } else if (item.stroke > 0) pdf.rect(x, y, item.w, item.h, 'S');
    } else if (item.kind === 'line') {
      pdf.setDrawColor(`#${grayHex(item.gray)}`);
      pdf.setLineWidth(item.width);
      pdf.setLineDashPattern(item.dash ?? [], 0);
      pdf.line(left + item.x1, top + item.y1, left + item.x2, top + item.y2);
    } else {
      pdf.setFont(fontName(item.style), item.style);
      pdf.setFontSize(item.size);
      const offset =
        item.anchor === 'middle' ? item.width / 2 : item.anchor === 'end' ? item.width : 0;
      pdf.text(item.text, left + item.x - offset, top + item.y);
    }
  }
  pdf.setDrawColor('#000000');
  pdf.setFillColor('#000000');
  pdf.setLineDashPattern([], 0);
}
