import { Link } from 'react-router';
import { timeAgo } from '../lib/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useLiveState } from './live-store.ts';
import { mergeFeed, useRecentChanges } from './recent-changes.ts';

/** The latest status changes: recorded ones from history, then live as they stream in. */
export function LiveFeed({
  limit = 15,
  nameOf,
}: {
  limit?: number;
  /** Display name of a device (device-labels), composed in by the route. */
  nameOf?: (deviceID: number) => string | undefined;
}) {
  const live = useLiveState((s) => s.feed);
  const recorded = useRecentChanges(limit);
  const feed = mergeFeed(live, recorded.data ?? [], limit);
  if (feed.length === 0)
    return (
      <EmptyState title="No changes yet">Status changes appear here as they happen.</EmptyState>
    );
  return (
    <ul
      className="feed"
      aria-live="polite"
      aria-label="Latest status changes"
      data-testid="live-feed"
    >
      {feed.map((item) => (
        <li key={item.key}>
          <Link className="mono" to={`/devices/${item.deviceID}`}>
            {item.deviceID}
          </Link>
          {nameOf?.(item.deviceID) ? (
            <span className="device-name">{nameOf(item.deviceID)}</span>
          ) : null}
          <span className="muted">{item.gatewayID}</span>
          <span className="spacer" />
          <StatusBadge status={item.statusName} />
          <span className="muted nowrap" style={{ width: 70, textAlign: 'right' }}>
            {timeAgo(item.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}
