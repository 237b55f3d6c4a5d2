import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export const webhooksQuery = () =>
  queryOptions({
    queryKey: ruleKeys.webhooks,
    queryFn: ({ signal }) => call(route('alert-webhooks.list'), { signal }),
  });

export function useWebhooks() {
  return useQuery(webhooksQuery());
}
