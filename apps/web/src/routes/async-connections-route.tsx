import { AddAsyncForm } from '../features/async-connections/components/add-async-form.tsx';
import { AsyncConnectionLists } from '../features/async-connections/components/async-connection-lists.tsx';
import { useDeviceNames } from '../features/device-labels/api/list-device-labels.ts';
import { useCurrentUser } from './use-current-user.ts';
import { GatewayPage } from './gateway-page.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  const user = useCurrentUser();
  const nameOf = useDeviceNames();
  return (
    <GatewayPage
      title="Async connections"
      description="Devices the gateway connects to in the background and reconnects after a drop."
      selection={useGatewayParam()}
    >
      {(gatewayID) => (
        <>
          {user.isAdmin ? (
            <section className="card">
              <div className="card-header">
                <h2>Add an async connection</h2>
              </div>
              <div className="card-body">
                <AddAsyncForm key={gatewayID} gatewayID={gatewayID} />
              </div>
            </section>
          ) : null}
          <AsyncConnectionLists gatewayID={gatewayID} readOnly={!user.isAdmin} nameOf={nameOf} />
        </>
      )}
    </GatewayPage>
  );
}
