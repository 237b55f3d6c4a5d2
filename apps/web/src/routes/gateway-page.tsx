import type { ReactNode } from 'react';
import { EmptyState } from '../ui/empty-state.tsx';
import { GatewayPicker } from '../ui/gateway-picker.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import type { GatewaySelection } from './use-gateway-param.ts';

/**
 * A per-gateway page: its title and the gateway picker, then the body for the chosen gateway. Until
 * there is a gateway to choose, the body is an empty state instead: no form may act on no gateway.
 */
export function GatewayPage({
  title,
  description,
  selection,
  children,
}: {
  title: string;
  description: ReactNode;
  selection: GatewaySelection;
  children: (gatewayID: string) => ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description}>
        <GatewayPicker
          gateways={selection.gateways}
          value={selection.gatewayID}
          onChange={selection.setGatewayID}
        />
      </PageHeader>
      {selection.gatewayID === '' ? (
        <EmptyState title="No gateway">
          {selection.pending ? 'Loading gateways…' : 'There is no gateway to show.'}
        </EmptyState>
      ) : (
        children(selection.gatewayID)
      )}
    </>
  );
}
