import { Link, useParams } from 'react-router';
import { useGateway } from '../features/gateways/api/get-gateway.ts';
import { ConnectedChart } from '../features/gateways/components/connected-chart.tsx';
import { DisconnectAllButton } from '../features/gateways/components/disconnect-all-button.tsx';
import { LostConnectionsNotices } from '../features/gateways/components/lost-connections-notice.tsx';
import { totalsOf } from '../features/gateways/status-totals.ts';
import { SlaveEditor } from '../features/slaves/components/slave-editor.tsx';
import { formatCount } from '../lib/format.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SkeletonRows } from '../ui/skeleton.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const { gatewayID = '' } = useParams();
  const user = useCurrentUser();
  const query = useGateway(gatewayID);
  if (query.isPending) return <SkeletonRows rows={6} />;
  if (query.isError)
    return <ErrorAlert error={query.error} title={`Gateway ${gatewayID} could not be loaded`} />;
  const g = query.data;
  const t = totalsOf(g.statusCounts);
  const q = encodeURIComponent(g.gatewayID);
  return (
    <>
      <PageHeader
        title={`Gateway ${g.gatewayID}`}
        description={g.tenantID ? `Tenant ${g.tenantID}` : 'No tenant'}
      >
        <span className={g.connected ? 'badge badge-ok' : 'badge badge-bad'}>
          {g.connected ? 'Connected to the master' : 'Disconnected'}
        </span>
      </PageHeader>
      <div className="stat-grid">
        <div className="card stat">
          <div className="value">{formatCount(t.connected)}</div>
          <div className="label">Connected</div>
        </div>
        <div className="card stat">
          <div className="value">{formatCount(t.disconnected)}</div>
          <div className="label">Disconnected</div>
        </div>
        <div className="card stat">
          <div className="value">{formatCount(t.failing)}</div>
          <div className="label">Failing</div>
        </div>
        <div className="card stat">
          <div className="value">{formatCount(g.deviceCount)}</div>
          <div className="label">Devices</div>
        </div>
      </div>
      {g.error ? <div className="alert alert-warn">Device list unavailable: {g.error}</div> : null}
      <LostConnectionsNotices readOnly={!user.isAdmin} gatewayID={g.gatewayID} />
      <div className="row">
        <Link className="btn" to={`/devices?gateway=${q}`}>
          Devices
        </Link>
        <Link className="btn" to={`/async-connections?gateway=${q}`}>
          Async connections
        </Link>
        <Link className="btn" to={`/accept-filter?gateway=${q}`}>
          Accept filter
        </Link>
        {user.isAdmin ? (
          <>
            <Link className="btn" to={`/search?gateway=${q}`}>
              Search
            </Link>
            <span className="spacer" />
            <DisconnectAllButton gatewayID={g.gatewayID} deviceCount={t.total} />
          </>
        ) : null}
      </div>
      <section className="card">
        <div className="card-header">
          <h2>Connected devices, last hour</h2>
        </div>
        <div className="card-body">
          <ConnectedChart gatewayID={g.gatewayID} />
        </div>
      </section>
      <div className="stack-sm">
        <h2>Slave devices (RS-485 / Wiegand)</h2>
        <SlaveEditor gatewayID={g.gatewayID} readOnly={!user.isAdmin} />
      </div>
    </>
  );
}
