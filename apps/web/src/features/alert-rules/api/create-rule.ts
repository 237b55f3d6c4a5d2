import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AlertRuleInput, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function createRule(body: AlertRuleInput) {
  return call(route('alert-rules.create'), { body });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
