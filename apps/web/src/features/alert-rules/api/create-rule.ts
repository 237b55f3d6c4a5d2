import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertRule, type AlertRuleInput } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function createRule(body: AlertRuleInput) {
  return api.post('/alert-rules', alertRule, { body });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
