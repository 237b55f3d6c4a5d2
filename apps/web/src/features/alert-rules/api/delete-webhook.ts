import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function deleteWebhook(id: number) {
  return call(route('alert-webhooks.delete'), { params: { webhookID: id } });
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
