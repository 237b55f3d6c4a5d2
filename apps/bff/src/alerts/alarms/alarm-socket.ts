// Live alarm events over the live hub's socket.io server. The hub's handshake has already checked
// the session cookie; `alarms:join` re-reads the session and puts the socket in the room of what the
// user may see: every alarm (admins) or the alarms of their tenant's gateways.
import { ALARM_EVENT, ALARMS_JOIN, type Alarm } from '@cmc/api';
import type { Server } from 'socket.io';
import type { GetSessionUser } from '../../auth/types.ts';
import type { Logger } from '../../logger.ts';

const ADMIN_ROOM = 'alarms:admin';
const tenantRoom = (tenantID: string): string => `alarms:tenant:${tenantID}`;

type JoinAck = (result: { ok: true } | { ok: false; error: string; message: string }) => void;

export function attachAlarmSockets(
  io: Server,
  getSessionUser: GetSessionUser,
  logger: Logger,
): void {
  io.on('connection', (socket) => {
    socket.on(ALARMS_JOIN, (_request: unknown, ack?: unknown) => {
      const reply: JoinAck = typeof ack === 'function' ? (ack as JoinAck) : () => undefined;
      void getSessionUser(socket.handshake.headers.cookie)
        .then(async (user) => {
          if (!user) return reply({ ok: false, error: 'unauthorized', message: 'sign in again' });
          if (user.role === 'admin') await socket.join(ADMIN_ROOM);
          else if (user.tenantID) await socket.join(tenantRoom(user.tenantID));
          reply({ ok: true });
        })
        .catch((error: unknown) => {
          logger.warn('alerts: alarm join failed', { error });
          reply({ ok: false, error: 'unavailable', message: 'join failed on the server' });
        });
    });
  });
}

/** To admins everywhere, and to the users of the tenant that owns the alarm's gateway. */
export function emitAlarm(io: Server, alarm: Alarm, tenantID: string | undefined): void {
  const rooms = [ADMIN_ROOM, ...(tenantID ? [tenantRoom(tenantID)] : [])];
  io.to(rooms).emit(ALARM_EVENT, { alarm });
}
