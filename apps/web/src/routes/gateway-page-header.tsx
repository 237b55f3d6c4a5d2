import type { ReactNode } from 'react';
import { GatewayPicker } from '../ui/gateway-picker.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import type { GatewaySelection } from './use-gateway-param.ts';

/** The header of a per-gateway page: its title and the gateway picker. */
export function GatewayPageHeader({
  title,
  description,
  selection,
}: {
  title: string;
  description: ReactNode;
  selection: GatewaySelection;
}) {
  return (
    <PageHeader title={title} description={description}>
      <GatewayPicker
        gateways={selection.gateways}
        value={selection.gatewayID}
        onChange={selection.setGatewayID}
      />
    </PageHeader>
  );
}
