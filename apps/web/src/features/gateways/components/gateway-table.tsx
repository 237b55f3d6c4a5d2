import { Link } from 'react-router';
import type { GatewaySummary } from '@cmc/api';
import { formatCount } from '../../../lib/format.ts';
import { useLiveState } from '../../../live/live-store.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { totalsOf } from '../status-totals.ts';
import { StatusBar } from './status-bar.tsx';

export function GatewayTable({ gateways }: { gateways: readonly GatewaySummary[] }) {
  // The live channel knows about gateway (dis)connections before the next REST refetch.
  const live = useLiveState((s) => s.gatewayConnected);
  if (gateways.length === 0) {
    return <EmptyState title="No gateways">This account sees no device gateways yet.</EmptyState>;
  }
  return (
    <table className="table" aria-label="Gateways">
      <thead>
        <tr>
          <th scope="col">Gateway</th>
          <th scope="col">Tenant</th>
          <th scope="col">State</th>
          <th scope="col">Connected</th>
          <th scope="col">Disconnected</th>
          <th scope="col">Failing</th>
          <th scope="col">By status</th>
          <th scope="col">Devices</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {gateways.map((g) => {
          const connected = live[g.gatewayID] ?? g.connected;
          const t = totalsOf(g.statusCounts);
          return (
            <tr key={g.gatewayID} data-gateway-id={g.gatewayID}>
              <th scope="row">
                <Link to={`/gateways/${encodeURIComponent(g.gatewayID)}`}>{g.gatewayID}</Link>
              </th>
              <td>{g.tenantID ?? <span className="muted">—</span>}</td>
              <td>
                <span className={connected ? 'badge badge-ok' : 'badge badge-bad'}>
                  {connected ? 'Connected' : 'Disconnected'}
                </span>
              </td>
              {g.statusCounts ? (
                <>
                  <td>{formatCount(t.connected)}</td>
                  <td>{formatCount(t.disconnected)}</td>
                  <td className={t.failing > 0 ? 'row-error' : undefined}>
                    {formatCount(t.failing)}
                  </td>
                  <td>
                    <StatusBar counts={g.statusCounts} />
                  </td>
                </>
              ) : (
                <td colSpan={4} className="muted" title={g.error ?? undefined}>
                  {connected
                    ? `Unavailable${g.error ? `: ${g.error}` : ''}`
                    : (g.error ?? 'Gateway offline')}
                </td>
              )}
              <td>{formatCount(g.deviceCount)}</td>
              <td>
                <Link to={`/devices?gateway=${encodeURIComponent(g.gatewayID)}`}>Devices</Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
