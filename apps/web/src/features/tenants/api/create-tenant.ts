import { useMutation, useQueryClient } from '@tanstack/react-query';
import { tenantInfo, type CreateTenantRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createTenant(body: CreateTenantRequest) {
  return api.post('/tenants', tenantInfo, { body });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTenant,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    },
  });
}
