import { ConnectForm } from '../features/connect/components/connect-form.tsx';
import { useGateways } from '../features/gateways/api/list-gateways.ts';
import { GatewayPicker } from '../ui/gateway-picker.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

export function Component() {
  const gateways = useGateways();
  const [gatewayID, setGatewayID] = useGatewayParam(gateways.data?.gateways);
  return (
    <>
      <PageHeader
        title="Connect a device"
        description="Synchronous connect: the gateway connects once and does not retry after a drop."
      >
        <GatewayPicker
          gateways={gateways.data?.gateways ?? []}
          value={gatewayID}
          onChange={setGatewayID}
        />
      </PageHeader>
      <section className="card">
        <div className="card-body">
          <ConnectForm key={gatewayID} gatewayID={gatewayID} />
        </div>
      </section>
    </>
  );
}
