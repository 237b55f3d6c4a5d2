import { useSearchParams } from 'react-router';
import type { GatewaySummary } from '@cmc/api';

/** The gateway a per-gateway page shows: `?gateway=` when given, else the first one the user may see. */
export function useGatewayParam(
  gateways: readonly GatewaySummary[] | undefined,
): [string, (id: string) => void] {
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('gateway') ?? '';
  const value = chosen || gateways?.[0]?.gatewayID || '';
  const set = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('gateway', id);
    setSearch(next, { replace: true });
  };
  return [value, set];
}
