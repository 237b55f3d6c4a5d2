import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateTenantRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function createTenant(body: CreateTenantRequest) {
  return call(route('tenants.create'), { body });
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
