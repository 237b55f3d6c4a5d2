import { useMutation, useQueryClient } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

export function acknowledgeAlarm(alarmID: number) {
  return call(route('alarms.acknowledge'), { params: { alarmID } });
}

export function useAcknowledgeAlarm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeAlarm,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: alarmKeys.all }),
  });
}
