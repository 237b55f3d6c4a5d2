import { useSearchParams } from 'react-router';
import type { GatewaySummary } from '@cmc/api';
import { useGateways } from '../features/gateways/api/list-gateways.ts';

export interface GatewaySelection {
  /** `?gateway=` when given, else the first gateway the user may see; '' while there is none. */
  gatewayID: string;
  setGatewayID(id: string): void;
  gateways: readonly GatewaySummary[];
  /** The gateway list is still loading. */
  pending: boolean;
}

/** The gateway a per-gateway page works on, kept in the URL. */
export function useGatewayParam(): GatewaySelection {
  const list = useGateways();
  const [search, setSearch] = useSearchParams();
  const gateways = list.data?.gateways ?? [];
  const gatewayID = search.get('gateway') || gateways[0]?.gatewayID || '';
  const setGatewayID = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('gateway', id);
    setSearch(next, { replace: true });
  };
  return { gatewayID, setGatewayID, gateways, pending: list.isPending };
}
