import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { alarmList, type AlarmListQuery } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

export const alarmsQuery = (query: AlarmListQuery) =>
  queryOptions({
    queryKey: alarmKeys.list(query),
    queryFn: ({ signal }) => api.get('/alarms', alarmList, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });

export function useAlarms(query: AlarmListQuery) {
  return useQuery(alarmsQuery(query));
}
