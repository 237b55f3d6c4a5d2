import { queryOptions, useQuery } from '@tanstack/react-query';
import { alertRuleList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export const alertRulesQuery = () =>
  queryOptions({
    queryKey: ruleKeys.rules,
    queryFn: ({ signal }) => api.get('/alert-rules', alertRuleList, { signal }),
  });

export function useAlertRules() {
  return useQuery(alertRulesQuery());
}
