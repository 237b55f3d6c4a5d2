import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateWebhookRequest, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { ruleKeys } from './rule-keys.ts';

export function createWebhook(body: CreateWebhookRequest) {
  return call(route('alert-webhooks.create'), { body });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ruleKeys.webhooks }),
  });
}
