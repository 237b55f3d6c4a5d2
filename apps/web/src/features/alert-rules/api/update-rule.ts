import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertRule, type AlertRuleInput } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function updateRule({ id, body }: { id: number; body: AlertRuleInput }) {
  return api.put(`/alert-rules/${id}`, alertRule, { body });
}

export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
