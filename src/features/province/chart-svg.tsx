// A comparison chart's primitives (domain/chart/comparison-chart.ts) as SVG on screen:
// the same layout as the PDF and the Word copy, in millimetres (the viewBox), scaled to
// the width it is given. Hatching is drawn as the PDF draws it (lines inside the bar).
import {
  grayHex,
  hatchLines,
  CHART_STYLE,
  type ChartDrawing,
} from '@/domain/chart/comparison-chart';

const MM_PER_PT = 25.4 / 72;
const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

export function ChartSvg({ drawing, label }: { drawing: ChartDrawing; label: string }) {
  return (
    <svg
      className="comparison-chart"
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      role="img"
      aria-label={label}
    >
      {drawing.items.map((item, index) => {
        if (item.kind === 'rect') {
          const hatch = item.fill ? hatchLines(item, item.fill.hatch) : [];
          return (
            <g key={index}>
              <rect
                x={item.x}
                y={item.y}
                width={item.w}
                height={item.h}
                fill={item.fill ? `#${grayHex(item.fill.gray)}` : 'none'}
                stroke={item.stroke > 0 ? '#000' : 'none'}
                strokeWidth={item.stroke}
              />
              {hatch.map((line, n) => (
                <line key={n} {...line} stroke="#000" strokeWidth={CHART_STYLE.hatchWidth} />
              ))}
            </g>
          );
        }
        if (item.kind === 'line')
          return (
            <line
              key={index}
              x1={item.x1}
              y1={item.y1}
              x2={item.x2}
              y2={item.y2}
              stroke={`#${grayHex(item.gray)}`}
              strokeWidth={item.width}
              strokeDasharray={item.dash?.join(' ')}
            />
          );
        return (
          <text
            key={index}
            x={item.x}
            y={item.y}
            fontSize={item.size * MM_PER_PT}
            fontWeight={item.style === 'bold' ? 'bold' : undefined}
            fontStyle={item.style === 'italic' ? 'italic' : undefined}
            textAnchor={ANCHOR[item.anchor]}
          >
            {item.text}
          </text>
        );
      })}
    </svg>
  );
}
