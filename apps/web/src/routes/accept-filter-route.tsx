import { AcceptFilterEditor } from '../features/accept-filter/components/accept-filter-editor.tsx';
import { PendingList } from '../features/accept-filter/components/pending-list.tsx';
import { useDeviceNames } from '../features/device-labels/api/list-device-labels.ts';
import { useCurrentUser } from './use-current-user.ts';
import { GatewayPage } from './gateway-page.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  const user = useCurrentUser();
  const nameOf = useDeviceNames();
  return (
    <GatewayPage
      title="Accept filter"
      description="Which device-to-server devices the gateway accepts. By default it accepts nobody."
      selection={useGatewayParam()}
    >
      {(gatewayID) => (
        <>
          <section className="card" aria-labelledby="pending-title">
            <div className="card-header">
              <h2 id="pending-title">Pending devices</h2>
              <span className="muted">Dialled in and refused by the filter</span>
            </div>
            <PendingList gatewayID={gatewayID} readOnly={!user.isAdmin} nameOf={nameOf} />
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
    </GatewayPage>
  );
}
