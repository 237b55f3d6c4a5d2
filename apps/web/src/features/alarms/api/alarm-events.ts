import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { ALARM_EVENT, ALARMS_JOIN, alarmEventSchema, type Alarm } from '@cmc/api';
import { onAppSocket } from '../../../live/app-socket.ts';
import { alarmKeys } from './alarm-keys.ts';

type Listener = (alarm: Alarm) => void;

let detach: (() => void) | undefined;
let users = 0;
const listeners = new Set<Listener>();

/**
 * Alarm events on the tab's one socket.io connection (live/app-socket.ts), shared by every
 * component that wants them: the socket joins the alarm room of the signed-in user (the server
 * decides which alarms that is) now if it is connected, and on every connect after.
 */
function attachAlarms(queryClient: QueryClient) {
  return (socket: Socket) => {
    const join = () => socket.emit(ALARMS_JOIN, {}, () => undefined);
    const onConnect = () => {
      join();
      // Events missed while disconnected: read the lists again.
      void queryClient.invalidateQueries({ queryKey: alarmKeys.all });
    };
    const onAlarm = (raw: unknown) => {
      const parsed = alarmEventSchema.safeParse(raw);
      if (!parsed.success) return console.error('alarms: bad alarm event', parsed.error);
      void queryClient.invalidateQueries({ queryKey: alarmKeys.all });
      for (const listener of listeners) listener(parsed.data.alarm);
    };
    socket.on('connect', onConnect);
    socket.on(ALARM_EVENT, onAlarm);
    if (socket.connected) join();
    return () => {
      socket.off('connect', onConnect);
      socket.off(ALARM_EVENT, onAlarm);
    };
  };
}

/** Keeps alarm lists and counts live while mounted; `onAlarm` hears every event. */
export function useAlarmEvents(onAlarm?: Listener): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    users += 1;
    detach ??= onAppSocket(attachAlarms(queryClient));
    if (onAlarm) listeners.add(onAlarm);
    return () => {
      if (onAlarm) listeners.delete(onAlarm);
      users -= 1;
      if (users === 0) {
        detach?.();
        detach = undefined;
      }
    };
  }, [queryClient, onAlarm]);
}
