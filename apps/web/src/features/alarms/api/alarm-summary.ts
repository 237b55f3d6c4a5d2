import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

// Live events keep it current; the interval only covers a socket that was down for a while.
export const alarmSummaryQuery = () =>
  queryOptions({
    queryKey: alarmKeys.summary(),
    queryFn: ({ signal }) => call(route('alarms.summary'), { signal }),
    refetchInterval: 60_000,
  });

export function useAlarmSummary() {
  return useQuery(alarmSummaryQuery());
}
