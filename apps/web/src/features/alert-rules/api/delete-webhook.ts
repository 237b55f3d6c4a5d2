import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function deleteWebhook(id: number) {
  return api.delete(`/alert-webhooks/${id}`, null);
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.webhooks });
      void queryClient.invalidateQueries({ queryKey: ruleKeys.rules });
    },
  });
}
