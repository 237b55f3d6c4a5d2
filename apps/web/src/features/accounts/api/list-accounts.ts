import { queryOptions, useQuery } from '@tanstack/react-query';
import { accountList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export const accountsQuery = () =>
  queryOptions({
    queryKey: queryKeys.accounts(),
    queryFn: ({ signal }) => api.get('/accounts', accountList, { signal }),
  });

export function useAccounts() {
  return useQuery(accountsQuery());
}
