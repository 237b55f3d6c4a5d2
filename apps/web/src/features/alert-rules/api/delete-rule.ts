import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function deleteRule(id: number) {
  return api.delete(`/alert-rules/${id}`, null);
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRule,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.rules }),
  });
}
