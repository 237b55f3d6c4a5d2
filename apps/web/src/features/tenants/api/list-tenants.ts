import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const tenantsQuery = () =>
  queryOptions({
    queryKey: queryKeys.tenants(),
    queryFn: ({ signal }) => call(route('tenants.list'), { signal }),
  });

export function useTenants() {
  return useQuery(tenantsQuery());
}
