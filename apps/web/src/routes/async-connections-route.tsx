import { AddAsyncForm } from '../features/async-connections/components/add-async-form.tsx';
import { AsyncConnectionLists } from '../features/async-connections/components/async-connection-lists.tsx';
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
        title="Async connections"
        description="Devices the gateway connects to in the background and reconnects after a drop."
      >
        <GatewayPicker
          gateways={gateways.data?.gateways ?? []}
          value={gatewayID}
          onChange={setGatewayID}
        />
      </PageHeader>
      {gatewayID === '' ? (
        <EmptyState title="No gateway">
          {gateways.isPending ? 'Loading gateways…' : 'There is no gateway to show.'}
        </EmptyState>
      ) : (
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
          <AsyncConnectionLists gatewayID={gatewayID} readOnly={!user.isAdmin} />
        </>
      )}
    </>
  );
}
