import { chartGeometry } from '../chart-geometry.ts';
import { useConnectedSeries } from '../api/connected-series.ts';
import { clockTime } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Skeleton } from '../../../ui/skeleton.tsx';
import { AXIS_TEXT, SvgChart, YGrid } from '../../../ui/svg-chart.tsx';

const H = 160;

/** Connected devices over the last hour. */
export function ConnectedChart({ gatewayID = 'all' }: { gatewayID?: string }) {
  const series = useConnectedSeries(gatewayID);
  if (series.isPending) return <Skeleton height={H} />;
  if (series.isError) return <ErrorAlert error={series.error} title="Chart unavailable" />;
  const from = Date.parse(series.data.from);
  const to = Date.parse(series.data.to);
  const points = series.data.points.map((p) => ({ t: Date.parse(p.t), value: p.connected }));
  const latest = points.at(-1)?.value ?? 0;
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => from + f * (to - from));
  return (
    <SvgChart
      height={H}
      testId="connected-chart"
      title={`Connected devices over the last hour; now ${latest}, peak ${Math.max(0, ...points.map((p) => p.value))}`}
      caption={points.length === 0 ? 'No history recorded yet for the last hour.' : null}
    >
      {(plot) => {
        const geo = chartGeometry(points, plot.width, plot.height, from, to);
        return (
          <>
            <YGrid
              ticks={geo.yTicks}
              max={geo.max}
              plot={plot}
              label={(v) => (Number.isInteger(v) ? String(v) : v.toFixed(1))}
            />
            {xTicks.map((t, i) => (
              <text
                key={t}
                x={((t - from) / (to - from)) * plot.width}
                y={plot.height + 16}
                textAnchor={i === xTicks.length - 1 ? 'end' : 'middle'}
                {...AXIS_TEXT}
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
          </>
        );
      }}
    </SvgChart>
  );
}
