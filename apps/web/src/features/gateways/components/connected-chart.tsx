import { useId } from 'react';
import { chartGeometry } from '../chart-geometry.ts';
import { useConnectedSeries } from '../api/connected-series.ts';
import { clockTime } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Skeleton } from '../../../ui/skeleton.tsx';
import { useElementWidth } from '../../../ui/use-element-width.ts';

const H = 160;
const PAD = { left: 40, right: 20, top: 8, bottom: 22 };

/** Connected devices over the last hour: a hand-made SVG (a chart library would blow the JS budget). */
export function ConnectedChart({ gatewayID = 'all' }: { gatewayID?: string }) {
  const titleId = useId();
  const [ref, W] = useElementWidth<HTMLElement>();
  const series = useConnectedSeries(gatewayID);
  if (series.isPending) return <Skeleton height={H} />;
  if (series.isError) return <ErrorAlert error={series.error} title="Chart unavailable" />;
  const from = Date.parse(series.data.from);
  const to = Date.parse(series.data.to);
  const points = series.data.points.map((p) => ({ t: Date.parse(p.t), value: p.connected }));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const geo = chartGeometry(points, innerW, innerH, from, to);
  const latest = points.at(-1)?.value ?? 0;
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => from + f * (to - from));
  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={titleId}
        data-testid="connected-chart"
      >
        <title id={titleId}>
          Connected devices over the last hour; now {latest}, peak{' '}
          {Math.max(0, ...points.map((p) => p.value))}
        </title>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {geo.yTicks.map((v) => {
            const y = innerH - (v / geo.max) * innerH;
            return (
              <g key={v}>
                <line x1={0} x2={innerW} y1={y} y2={y} stroke="#e5e7eb" />
                <text x={-6} y={y + 4} textAnchor="end" fontSize="11" fill="#6b7584">
                  {Number.isInteger(v) ? v : v.toFixed(1)}
                </text>
              </g>
            );
          })}
          {xTicks.map((t, i) => (
            <text
              key={t}
              x={((t - from) / (to - from)) * innerW}
              y={innerH + 16}
              textAnchor={i === xTicks.length - 1 ? 'end' : 'middle'}
              fontSize="11"
              fill="#6b7584"
            >
              {clockTime(t)}
            </text>
          ))}
          {geo.area ? <path d={geo.area} fill="rgb(29 78 216 / 0.12)" /> : null}
          {geo.line ? (
            <path
              d={geo.line}
              fill="none"
              stroke="#1d4ed8"
              strokeWidth="2"
              strokeLinejoin="round"
            />
          ) : null}
        </g>
      </svg>
      {points.length === 0 ? (
        <figcaption className="muted">No history recorded yet for the last hour.</figcaption>
      ) : null}
    </figure>
  );
}
