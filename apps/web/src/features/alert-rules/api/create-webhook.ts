import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdWebhook, type CreateWebhookRequest } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function createWebhook(body: CreateWebhookRequest) {
  return api.post('/alert-webhooks', createdWebhook, { body });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.webhooks }),
  });
}
