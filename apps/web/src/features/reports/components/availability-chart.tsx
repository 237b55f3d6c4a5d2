import type { AvailabilityRow } from '@cmc/api';
import { AXIS_TEXT, SvgChart, YGrid } from '../../../ui/svg-chart.tsx';

const H = 180;
/** More bars than this would be slivers: the chart shows the first rows in table order. */
const MAX_BARS = 40;

/** Availability per row as bars (0-100 %), in the style of the connected chart. */
export function AvailabilityChart({ rows }: { rows: readonly AvailabilityRow[] }) {
  const shown = rows.filter((r) => r.availabilityPercent !== null).slice(0, MAX_BARS);
  const worst = shown.reduce<AvailabilityRow | undefined>(
    (w, r) => (w && (w.availabilityPercent ?? 0) <= (r.availabilityPercent ?? 0) ? w : r),
    undefined,
  );
  return (
    <SvgChart
      height={H}
      testId="availability-chart"
      title={
        shown.length
          ? `Availability of ${shown.length} rows; lowest ${worst?.key ?? ''} at ${(worst?.availabilityPercent ?? 0).toFixed(2)} %`
          : 'No availability figures for this range'
      }
      caption={
        rows.length > shown.length
          ? `The chart shows the first ${shown.length} rows of the table in its order.`
          : null
      }
    >
      {(plot) => {
        const slot = shown.length ? plot.width / shown.length : plot.width;
        const barW = Math.max(1, Math.min(48, slot * 0.7));
        return (
          <>
            <YGrid ticks={[0, 25, 50, 75, 100]} max={100} plot={plot} label={(v) => `${v}%`} />
            {shown.map((r, i) => {
              const h = ((r.availabilityPercent ?? 0) / 100) * plot.height;
              const x = i * slot + (slot - barW) / 2;
              return (
                <g key={r.key}>
                  <rect
                    x={x}
                    y={plot.height - h}
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
                    <text x={x + barW / 2} y={plot.height + 16} textAnchor="middle" {...AXIS_TEXT}>
                      {r.key.length > 10 ? `${r.key.slice(0, 9)}…` : r.key}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </>
        );
      }}
    </SvgChart>
  );
}
