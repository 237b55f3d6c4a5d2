import { ConnectForm } from '../features/connect/components/connect-form.tsx';
import { GatewayPageHeader } from './gateway-page-header.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  const selection = useGatewayParam();
  const { gatewayID } = selection;
  return (
    <>
      <GatewayPageHeader
        title="Connect a device"
        description="Synchronous connect: the gateway connects once and does not retry after a drop."
        selection={selection}
      />
      <section className="card">
        <div className="card-body">
          <ConnectForm key={gatewayID} gatewayID={gatewayID} />
        </div>
      </section>
    </>
  );
}
