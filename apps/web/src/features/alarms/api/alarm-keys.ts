import type { AlarmListQuery } from '@cmc/api';

/** Query keys of the alarms feature; live `alarm` events invalidate `all`. */
export const alarmKeys = {
  all: ['alarms'] as const,
  list: (query: AlarmListQuery) => ['alarms', 'list', query] as const,
  summary: () => ['alarms', 'summary'] as const,
  deliveries: (alarmID: number) => ['alarms', 'deliveries', alarmID] as const,
};
