import { queryOptions, useQuery } from '@tanstack/react-query';
import { alarmSummary } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

// Live events keep it current; the interval only covers a socket that was down for a while.
export const alarmSummaryQuery = () =>
  queryOptions({
    queryKey: alarmKeys.summary(),
    queryFn: ({ signal }) => api.get('/alarms/summary', alarmSummary, { signal }),
    refetchInterval: 60_000,
  });

export function useAlarmSummary() {
  return useQuery(alarmSummaryQuery());
}
