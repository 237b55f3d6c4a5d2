import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export function deleteTenant(tenantID: string) {
  return call(route('tenants.delete'), { params: { tenantID } });
}

export function useDeleteTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTenant,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gateways });
    },
  });
}
