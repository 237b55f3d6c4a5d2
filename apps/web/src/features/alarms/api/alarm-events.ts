import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ALARM_EVENT, ALARMS_JOIN, alarmEventSchema, type Alarm } from '@cmc/api';
import { alarmKeys } from './alarm-keys.ts';

type Listener = (alarm: Alarm) => void;

let socket: Socket | undefined;
let users = 0;
const listeners = new Set<Listener>();

/**
 * One socket.io connection for alarm events, shared by every component that wants them; it joins
 * the alarm room of the signed-in user (the server decides which alarms that is) on every connect.
 */
function connect(queryClient: QueryClient): void {
  socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    socket?.emit(ALARMS_JOIN, {}, () => undefined);
    // Events missed while disconnected: read the lists again.
    void queryClient.invalidateQueries({ queryKey: alarmKeys.all });
  });
  socket.on(ALARM_EVENT, (raw: unknown) => {
    const parsed = alarmEventSchema.safeParse(raw);
    if (!parsed.success) return console.error('alarms: bad alarm event', parsed.error);
    void queryClient.invalidateQueries({ queryKey: alarmKeys.all });
    for (const listener of listeners) listener(parsed.data.alarm);
  });
}

/** Keeps alarm lists and counts live while mounted; `onAlarm` hears every event. */
export function useAlarmEvents(onAlarm?: Listener): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    users += 1;
    if (!socket) connect(queryClient);
    if (onAlarm) listeners.add(onAlarm);
    return () => {
      if (onAlarm) listeners.delete(onAlarm);
      users -= 1;
      if (users === 0) {
        socket?.disconnect();
        socket = undefined;
      }
    };
  }, [queryClient, onAlarm]);
}
