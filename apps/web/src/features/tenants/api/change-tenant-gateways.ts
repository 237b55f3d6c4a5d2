import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tenantInfo } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Tenant.AddGateway / Tenant.DeleteGateway. */
export function changeTenantGateways(
  tenantID: string,
  change: 'add' | 'remove',
  gatewayIDs: string[],
) {
  const path = `/tenants/${encodeURIComponent(tenantID)}/gateways${change === 'remove' ? '/delete' : ''}`;
  return api.post(path, tenantInfo, { body: { gatewayIDs } });
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
