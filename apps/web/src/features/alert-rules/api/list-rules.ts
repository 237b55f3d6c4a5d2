import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export const alertRulesQuery = () =>
  queryOptions({
    queryKey: ruleKeys.rules,
    queryFn: ({ signal }) => call(route('alert-rules.list'), { signal }),
  });

export function useAlertRules() {
  return useQuery(alertRulesQuery());
}
