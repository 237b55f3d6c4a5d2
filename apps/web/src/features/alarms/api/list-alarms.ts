import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type AlarmListQuery, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { alarmKeys } from './alarm-keys.ts';

export const alarmsQuery = (query: AlarmListQuery) =>
  queryOptions({
    queryKey: alarmKeys.list(query),
    queryFn: ({ signal }) => call(route('alarms.list'), { query, signal }),
    placeholderData: keepPreviousData,
  });

export function useAlarms(query: AlarmListQuery) {
  return useQuery(alarmsQuery(query));
}
