import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alarm } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

export function acknowledgeAlarm(alarmID: number) {
  return api.post(`/alarms/${alarmID}/acknowledge`, alarm);
}

export function useAcknowledgeAlarm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlarm,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: alarmKeys.all }),
  });
}
