import { useId } from 'react';
import type { AvailabilityRow } from '@cmc/api';
import { useElementWidth } from '../../../ui/use-element-width.ts';

const H = 180;
const PAD = { left: 40, right: 20, top: 8, bottom: 22 };
/** More bars than this would be slivers: the chart shows the first rows in table order. */
const MAX_BARS = 40;

/** Availability per row as bars (0-100 %), hand-made SVG in the style of the connected chart. */
export function AvailabilityChart({ rows }: { rows: readonly AvailabilityRow[] }) {
  const titleId = useId();
  const [ref, W] = useElementWidth<HTMLElement>();
  const shown = rows.filter((r) => r.availabilityPercent !== null).slice(0, MAX_BARS);
  const innerW = Math.max(0, W - PAD.left - PAD.right);
  const innerH = H - PAD.top - PAD.bottom;
  const slot = shown.length ? innerW / shown.length : innerW;
  const barW = Math.max(1, Math.min(48, slot * 0.7));
  const worst = shown.reduce<AvailabilityRow | undefined>(
    (w, r) => (w && (w.availabilityPercent ?? 0) <= (r.availabilityPercent ?? 0) ? w : r),
    undefined,
  );
  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={titleId}
        data-testid="availability-chart"
      >
        <title id={titleId}>
          {shown.length
            ? `Availability of ${shown.length} rows; lowest ${worst?.key ?? ''} at ${(worst?.availabilityPercent ?? 0).toFixed(2)} %`
            : 'No availability figures for this range'}
        </title>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {[0, 25, 50, 75, 100].map((v) => {
            const y = innerH - (v / 100) * innerH;
            return (
              <g key={v}>
                <line x1={0} x2={innerW} y1={y} y2={y} stroke="#e5e7eb" />
                <text x={-6} y={y + 4} textAnchor="end" fontSize="11" fill="#6b7584">
                  {v}%
                </text>
              </g>
            );
          })}
          {shown.map((r, i) => {
            const h = ((r.availabilityPercent ?? 0) / 100) * innerH;
            const x = i * slot + (slot - barW) / 2;
            return (
              <g key={r.key}>
                <rect
                  x={x}
                  y={innerH - h}
                  width={barW}
                  height={h}
                  fill={r.drops > 0 || r.downAtEnd ? '#b45309' : '#1d4ed8'}
                  opacity={0.85}
                >
                  <title>
                    {r.key}: {(r.availabilityPercent ?? 0).toFixed(2)} %
                  </title>
                </rect>
                {shown.length <= 20 ? (
                  <text
                    x={x + barW / 2}
                    y={innerH + 16}
                    textAnchor="middle"
                    fontSize="11"
                    fill="#6b7584"
                  >
                    {r.key.length > 10 ? `${r.key.slice(0, 9)}…` : r.key}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </svg>
      {rows.length > shown.length ? (
        <figcaption className="muted">
          The chart shows the first {shown.length} rows of the table in its order.
        </figcaption>
      ) : null}
    </figure>
  );
}
