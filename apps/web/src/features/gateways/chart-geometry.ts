/** Pure geometry of the connected-devices chart, kept apart from React so it can be tested. */
export interface ChartPoint {
  t: number;
  value: number;
}

export interface ChartGeometry {
  line: string;
  area: string;
  max: number;
  yTicks: number[];
}

/** A round upper bound for the y axis (1, 2, 5 x 10^n) so tick labels read well. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (value <= m * exp) return m * exp;
  return 10 * exp;
}

export function chartGeometry(
  points: readonly ChartPoint[],
  width: number,
  height: number,
  from: number,
  to: number,
): ChartGeometry {
  const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
  const span = Math.max(1, to - from);
  const x = (t: number) => ((t - from) / span) * width;
  const y = (v: number) => height - (v / max) * height;
  const coords = points.map((p) => `${x(p.t).toFixed(1)},${y(p.value).toFixed(1)}`);
  const line = coords.length > 0 ? `M${coords.join('L')}` : '';
  const first = points[0];
  const last = points.at(-1);
  const area =
    first && last
      ? `${line}L${x(last.t).toFixed(1)},${height}L${x(first.t).toFixed(1)},${height}Z`
      : '';
  return { line, area, max, yTicks: [0, max / 2, max] };
}
