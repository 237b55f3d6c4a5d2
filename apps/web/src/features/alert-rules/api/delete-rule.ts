import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function deleteRule(id: number) {
  return call(route('alert-rules.delete'), { params: { ruleID: id } });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
