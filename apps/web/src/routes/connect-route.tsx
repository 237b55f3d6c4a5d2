import { ConnectForm } from '../features/connect/components/connect-form.tsx';
import { GatewayPage } from './gateway-page.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  return (
    <GatewayPage
      title="Connect a device"
      description="Synchronous connect: the gateway connects once and does not retry after a drop."
      selection={useGatewayParam()}
    >
      {(gatewayID) => (
        <section className="card">
          <div className="card-body">
            <ConnectForm key={gatewayID} gatewayID={gatewayID} />
          </div>
        </section>
      )}
    </GatewayPage>
  );
}
