import { useLiveState } from './live-store.ts';

/** Tells the user when what they see may lag behind the gateways. */
export function LiveBanner() {
  const connection = useLiveState((s) => s.connection);
  const mode = useLiveState((s) => s.mode);
  const degraded = useLiveState((s) => s.degradedGateways);
  const reason = useLiveState((s) => s.reason);
  if (connection === 'offline') {
    return (
      <div className="alert alert-warn" role="alert" style={{ margin: '12px 24px 0' }}>
        <strong>Live status is disconnected.</strong> Statuses shown may be out of date;
        reconnecting…
      </div>
    );
  }
  if (mode !== 'degraded') return null;
  const which = degraded.filter((g) => g !== '*');
  return (
    <div
      className="alert alert-warn"
      role="alert"
      data-testid="degraded-banner"
      style={{ margin: '12px 24px 0' }}
    >
      <strong>Live status is degraded.</strong> The status stream from the master gateway dropped
      {which.length > 0 ? ` (${which.join(', ')})` : ''}; the console is resubscribing and will
      re-read the device lists. {reason ? <span className="muted">Reason: {reason}</span> : null}
    </div>
  );
}
