import { queryOptions, useQuery } from '@tanstack/react-query';
import { tenantList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const tenantsQuery = () =>
  queryOptions({
    queryKey: queryKeys.tenants(),
    queryFn: ({ signal }) => api.get('/tenants', tenantList, { signal }),
  });

export function useTenants() {
  return useQuery(tenantsQuery());
}
