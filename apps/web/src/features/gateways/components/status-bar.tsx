import { deviceStatusNames, type StatusCounts } from '@cmc/api';
import { statusDisplay } from '../../../lib/device-status.ts';

const COLOR = { ok: 'var(--ok)', off: '#9aa3af', bad: 'var(--bad)' } as const;

/** A gateway's managed devices by status as one proportional bar; every status named in its label. */
export function StatusBar({ counts }: { counts: StatusCounts }) {
  const entries = deviceStatusNames
    .map((s) => [s, counts[s] ?? 0] as const)
    .filter(([, n]) => n > 0);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const label =
    entries.length === 0
      ? 'no managed devices'
      : entries.map(([s, n]) => `${statusDisplay(s).label}: ${n}`).join(', ');
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      style={{
        display: 'flex',
        height: 8,
        width: 140,
        borderRadius: 4,
        overflow: 'hidden',
        background: 'var(--off-soft)',
      }}
    >
      {entries.map(([status, n]) => (
        <span
          key={status}
          style={{
            width: `${(n / total) * 100}%`,
            background: COLOR[statusDisplay(status).tone],
            opacity: status === 'TLS_CONNECTED' ? 0.75 : 1,
          }}
        />
      ))}
    </div>
  );
}
