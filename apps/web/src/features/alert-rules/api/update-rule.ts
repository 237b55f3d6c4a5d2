import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AlertRuleInput, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function updateRule({ id, body }: { id: number; body: AlertRuleInput }) {
  return call(route('alert-rules.update'), { params: { ruleID: id }, body });
}

export function useUpdateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
