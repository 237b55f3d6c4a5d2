import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

export const alarmDeliveriesQuery = (alarmID: number) =>
  queryOptions({
    queryKey: alarmKeys.deliveries(alarmID),
    queryFn: ({ signal }) => call(route('alarms.deliveries'), { params: { alarmID }, signal }),
    // Retries happen in the background on the server: show them as they land.
    refetchInterval: 3000,
  });

export function useAlarmDeliveries(alarmID: number) {
  return useQuery(alarmDeliveriesQuery(alarmID));
}
