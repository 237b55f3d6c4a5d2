import { useMutation } from '@tanstack/react-query';
import { delivery } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';

export function testWebhook(id: number) {
  return api.post(`/alert-webhooks/${id}/test`, delivery);
}

export function useTestWebhook() {
  return useMutation({ mutationFn: testWebhook });
}
