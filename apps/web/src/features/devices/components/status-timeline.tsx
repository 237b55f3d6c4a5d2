import { useEffect, useMemo, useState } from 'react';
import { statusDisplay, statusSentence } from '../../../lib/device-status.ts';
import { dateTime, percent } from '../../../lib/format.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { Skeleton } from '../../../ui/skeleton.tsx';
import { useElementWidth } from '../../../ui/use-element-width.ts';
import { useDeviceHistory } from '../api/device-history.ts';
import { buildTimeline } from '../timeline.ts';

const DAY = 86_400_000;
const FILL = { ok: '#17803d', off: '#9aa3af', bad: '#b42318' } as const;

function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The device's last 24 hours as a coloured band, with its uptime. */
export function StatusTimeline({ deviceID }: { deviceID: number }) {
  const history = useDeviceHistory(deviceID);
  const [ref, W] = useElementWidth<HTMLDivElement>(720);
  // The last status lasts until now, not until the history was read: without a clock, a device
  // failing since the last read would keep the uptime it had then.
  const clock = useClock(10_000);
  const now = Math.max(history.dataUpdatedAt, clock);
  const timeline = useMemo(
    () => (history.data ? buildTimeline(history.data.entries, now - DAY, now) : null),
    [history.data, now],
  );
  if (history.isPending) return <Skeleton height={60} />;
  if (history.isError) return <ErrorAlert error={history.error} title="History unavailable" />;
  if (!timeline) return null;
  const x = (t: number) => ((t - (now - DAY)) / DAY) * W;
  return (
    <div className="stack-sm" ref={ref}>
      <p>
        Uptime over the last day:{' '}
        <strong data-testid="uptime">
          {timeline.uptime === null ? 'unknown' : percent(timeline.uptime)}
        </strong>
        {timeline.unknownMs > 0 ? (
          <span className="muted">
            {' '}
            (history starts {dateTime(now - DAY + timeline.unknownMs)})
          </span>
        ) : null}
      </p>
      <svg
        viewBox={`0 0 ${W} 44`}
        width={W}
        height={44}
        role="img"
        aria-label={`Status over the last 24 hours, ${timeline.segments.length} periods`}
      >
        <rect x={0} y={4} width={W} height={24} fill="#eef0f3" rx={3} />
        {timeline.segments.map((s) => (
          <rect
            key={s.from}
            x={x(s.from)}
            y={4}
            width={Math.max(1, x(s.to) - x(s.from))}
            height={24}
            fill={FILL[s.tone]}
          >
            <title>
              {statusDisplay(s.status).label}: {dateTime(s.from)} – {dateTime(s.to)}
            </title>
          </rect>
        ))}
        {[0, 6, 12, 18, 24].map((h) => (
          <text
            key={h}
            x={Math.min(W - 2, Math.max(2, (h / 24) * W))}
            y={42}
            fontSize="11"
            fill="#6b7584"
            textAnchor={h === 0 ? 'start' : h === 24 ? 'end' : 'middle'}
          >
            {h === 24 ? 'now' : `-${24 - h} h`}
          </text>
        ))}
      </svg>
      <div className="row muted" style={{ fontSize: 12 }}>
        <span className="badge badge-ok">Connected</span>
        <span className="badge">Disconnected</span>
        <span className="badge badge-bad">Failing</span>
      </div>
      {history.data.entries.length > 0 ? (
        <details>
          <summary>Status changes ({history.data.entries.length})</summary>
          <table className="table">
            <tbody>
              {history.data.entries.slice(0, 200).map((e) => (
                <tr key={`${e.at}-${e.status}`}>
                  <td className="nowrap">{dateTime(e.at)}</td>
                  <td>{statusSentence(e.statusName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  );
}
