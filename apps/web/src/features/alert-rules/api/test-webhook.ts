import { useMutation } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

export function testWebhook(id: number) {
  return call(route('alert-webhooks.test'), { params: { webhookID: id } });
}

export function useTestWebhook() {
  return useMutation({ mutationFn: testWebhook });
}
