import { useCallback } from 'react';
import type { Alarm } from '@cmc/api';
import { useAlarmEvents } from '../api/alarm-events.ts';
import { useAlarmSummary } from '../api/alarm-summary.ts';
import { browserNotificationsOn } from '../browser-notifications.ts';

/**
 * The number of active (unacknowledged) alarms, for the navigation; kept live by alarm events.
 * With `notify`, a raised alarm also shows a browser notification when the user turned them on.
 */
export function ActiveAlarmCount({ notify = false }: { notify?: boolean }) {
  const summary = useAlarmSummary();
  const onAlarm = useCallback(
    (alarm: Alarm) => {
      if (!notify || alarm.state !== 'active' || !browserNotificationsOn()) return;
      new Notification(`Alarm: ${alarm.ruleName}`, {
        body: alarm.message,
        tag: `alarm-${alarm.id}`,
      });
    },
    [notify],
  );
  useAlarmEvents(onAlarm);
  const active = summary.data?.active ?? 0;
  if (active === 0) return null;
  return (
    <span
      className="badge badge-bad badge-plain nav-count"
      data-testid="active-alarm-count"
      aria-label={`${active} active alarm${active === 1 ? '' : 's'}`}
    >
      {active}
    </span>
  );
}
