import { ConnectedChart } from '../features/gateways/components/connected-chart.tsx';
import { GatewayTable } from '../features/gateways/components/gateway-table.tsx';
import { LostConnectionsNotices } from '../features/gateways/components/lost-connections-notice.tsx';
import { useGateways } from '../features/gateways/api/list-gateways.ts';
import { sumTotals, totalsOf } from '../features/gateways/status-totals.ts';
import { formatCount } from '../lib/format.ts';
import { LiveFeed } from '../live/live-feed.tsx';
import { useDeviceNames } from '../features/device-labels/api/list-device-labels.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SkeletonRows } from '../ui/skeleton.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const gateways = useGateways();
  const user = useCurrentUser();
  const nameOf = useDeviceNames();
  const list = gateways.data?.gateways ?? [];
  const totals = sumTotals(list.map((g) => totalsOf(g.statusCounts)));
  const online = list.filter((g) => g.connected).length;
  return (
    <>
      <PageHeader
        title="Overview"
        description="Device gateways, connection counts and live status changes."
      />
      <LostConnectionsNotices readOnly={!user.isAdmin} />
      <div className="stat-grid" aria-label="Totals">
        <div className="card stat">
          <div className="value">
            {formatCount(online)} / {formatCount(list.length)}
          </div>
          <div className="label">Gateways connected</div>
        </div>
        <div className="card stat">
          <div className="value" style={{ color: 'var(--ok)' }} data-testid="total-connected">
            {formatCount(totals.connected)}
          </div>
          <div className="label">Devices connected</div>
        </div>
        <div className="card stat">
          <div className="value">{formatCount(totals.disconnected)}</div>
          <div className="label">Disconnected</div>
        </div>
        <div className="card stat">
          <div className="value" style={{ color: totals.failing ? 'var(--bad)' : undefined }}>
            {formatCount(totals.failing)}
          </div>
          <div className="label">Failing</div>
        </div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="chart-title">
          <div className="card-header">
            <h2 id="chart-title">Connected devices, last hour</h2>
          </div>
          <div className="card-body">
            <ConnectedChart />
          </div>
        </section>
        <section className="card" aria-labelledby="feed-title">
          <div className="card-header">
            <h2 id="feed-title">Latest status changes</h2>
          </div>
          <LiveFeed nameOf={nameOf} />
        </section>
      </div>
      <section className="card" aria-labelledby="gateways-title">
        <div className="card-header">
          <h2 id="gateways-title">Gateways</h2>
        </div>
        {gateways.isPending ? (
          <div className="card-body">
            <SkeletonRows rows={5} />
          </div>
        ) : gateways.isError ? (
          <ErrorAlert error={gateways.error} title="Gateways could not be loaded" />
        ) : (
          <GatewayTable gateways={list} />
        )}
      </section>
    </>
  );
}
