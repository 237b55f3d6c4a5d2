import { queryOptions, useQuery } from '@tanstack/react-query';
import { webhookList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export const webhooksQuery = () =>
  queryOptions({
    queryKey: ruleKeys.webhooks,
    queryFn: ({ signal }) => api.get('/alert-webhooks', webhookList, { signal }),
  });

export function useWebhooks() {
  return useQuery(webhooksQuery());
}
