import { useId, type ReactNode } from 'react';
import { useElementWidth } from './use-element-width.ts';

/** Space around the plot for the axis labels (px). */
export const CHART_PAD = { left: 40, right: 20, top: 8, bottom: 22 };
export const AXIS_TEXT = { fontSize: '11', fill: '#6b7584' } as const;

/**
 * A hand-made SVG chart (a chart library would blow the JS budget), drawn at its rendered width so
 * the text stays 11 px: the figure, the accessible title, and the plot area `children` draw in.
 */
export function SvgChart({
  height,
  title,
  testId,
  caption,
  children,
}: {
  height: number;
  title: ReactNode;
  testId: string;
  caption?: ReactNode;
  children: (plot: { width: number; height: number }) => ReactNode;
}) {
  const titleId = useId();
  const [ref, width] = useElementWidth<HTMLElement>();
  const plot = {
    width: Math.max(0, width - CHART_PAD.left - CHART_PAD.right),
    height: height - CHART_PAD.top - CHART_PAD.bottom,
  };
  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <title id={titleId}>{title}</title>
        <g transform={`translate(${CHART_PAD.left},${CHART_PAD.top})`}>{children(plot)}</g>
      </svg>
      {caption ? <figcaption className="muted">{caption}</figcaption> : null}
    </figure>
  );
}

/** Horizontal grid lines at `ticks` (0..max), labelled on the left. */
export function YGrid({
  ticks,
  max,
  plot,
  label,
}: {
  ticks: readonly number[];
  max: number;
  plot: { width: number; height: number };
  label: (value: number) => string;
}) {
  return ticks.map((v) => {
    const y = plot.height - (v / max) * plot.height;
    return (
      <g key={v}>
        <line x1={0} x2={plot.width} y1={y} y2={y} stroke="#e5e7eb" />
        <text x={-6} y={y + 4} textAnchor="end" {...AXIS_TEXT}>
          {label(v)}
        </text>
      </g>
    );
  });
}
