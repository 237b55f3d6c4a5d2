import { AcceptFilterEditor } from '../features/accept-filter/components/accept-filter-editor.tsx';
import { PendingList } from '../features/accept-filter/components/pending-list.tsx';
import { useGateways } from '../features/gateways/api/list-gateways.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { GatewayPicker } from '../ui/gateway-picker.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCurrentUser } from './use-current-user.ts';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  const user = useCurrentUser();
  const gateways = useGateways();
  const [gatewayID, setGatewayID] = useGatewayParam(gateways.data?.gateways);
  return (
    <>
      <PageHeader
        title="Accept filter"
        description="Which device-to-server devices the gateway accepts. By default it accepts nobody."
      >
        <GatewayPicker
          gateways={gateways.data?.gateways ?? []}
          value={gatewayID}
          onChange={setGatewayID}
        />
      </PageHeader>
      {gatewayID === '' ? (
        <EmptyState title="No gateway" />
      ) : (
        <>
          <section className="card" aria-labelledby="pending-title">
            <div className="card-header">
              <h2 id="pending-title">Pending devices</h2>
              <span className="muted">Dialled in and refused by the filter</span>
            </div>
            <PendingList gatewayID={gatewayID} readOnly={!user.isAdmin} />
          </section>
          <section className="card" aria-labelledby="filter-title">
            <div className="card-header">
              <h2 id="filter-title">Filter</h2>
            </div>
            <div className="card-body">
              <AcceptFilterEditor key={gatewayID} gatewayID={gatewayID} readOnly={!user.isAdmin} />
            </div>
          </section>
        </>
      )}
    </>
  );
}
