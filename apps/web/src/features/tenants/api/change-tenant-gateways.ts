import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Tenant.AddGateway / Tenant.DeleteGateway. */
export function changeTenantGateways(
  tenantID: string,
  change: 'add' | 'remove',
  gatewayIDs: string[],
) {
  const target =
    change === 'remove' ? route('tenants.delete-gateways') : route('tenants.add-gateways');
  return call(target, { params: { tenantID }, body: { gatewayIDs } });
}

export function useChangeTenantGateways() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      tenantID,
      change,
      gatewayIDs,
    }: {
      tenantID: string;
      change: 'add' | 'remove';
      gatewayIDs: string[];
    }) => changeTenantGateways(tenantID, change, gatewayIDs),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    },
  });
}
