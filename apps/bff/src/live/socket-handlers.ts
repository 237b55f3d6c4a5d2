// socket.io side of the hub: the session cookie authenticates the connection, every join is checked
// against the user's role and tenant (re-resolving the session, so a signed-out or deleted user can
// join nothing), and a join answers with a fresh snapshot of everything the socket has joined.
import {
  LIVE_FORBIDDEN_ORIGIN,
  LIVE_UNAUTHORIZED,
  joinRequestSchema,
  LIVE_BAD_HANDSHAKE,
  liveHandshakeAuthSchema,
  leaveRequestSchema,
  type LiveAck,
  type LiveClientToServerEvents,
  type LiveErrorCode,
  type LiveServerToClientEvents,
} from '@cmc/api';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { joinedChanged, type FanOutSocketData } from './fan-out.ts';
import type { LiveState } from './live-state.ts';
import { accountRoom, sessionIDOf, sessionRoom } from './session-revocation.ts';
import type { GetSessionUser, LivePool, Logger, SessionUser } from './types.ts';

export const gatewayRoom = (gatewayID: string): string => `gw:${gatewayID}`;

interface SocketData extends FanOutSocketData {
  user: SessionUser;
  joined: Set<string>;
  /** Opted in to light snapshots (`auth.snapshot: 'gateways'`): no device rows on a join. */
  lightSnapshot: boolean;
  /** join budget (token bucket): each join re-reads the session and builds a snapshot */
  joinTokens: number;
  joinRefilledAt: number;
}

const JOIN_BURST = 20;
const JOIN_REFILL_PER_SECOND = 2;

function takeJoinToken(data: SocketData, now: number): boolean {
  data.joinTokens = Math.min(
    JOIN_BURST,
    data.joinTokens + ((now - data.joinRefilledAt) / 1000) * JOIN_REFILL_PER_SECOND,
  );
  data.joinRefilledAt = now;
  if (data.joinTokens < 1) return false;
  data.joinTokens -= 1;
  return true;
}

export type LiveSocket = Socket<
  LiveClientToServerEvents,
  LiveServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface SocketDeps {
  state: LiveState;
  pool: LivePool;
  getSessionUser: GetSessionUser;
  logger: Logger;
  isStopped(): boolean;
  /** Makes sure the hub follows these gateways (a gateway added to the master after start). */
  ensureFollowed(gatewayIDs: string[]): Promise<void>;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
  return `${where}: ${issue.message}`;
}

export function attachLiveSockets(io: Server, deps: SocketDeps): void {
  const { logger } = deps;

  io.use((socket, next) => {
    if (deps.isStopped()) return next(new Error('shutting down'));
    // Cross-site WebSocket hijacking: a page of another origin must not ride on the user's cookie
    // (the same rule the REST API's CSRF check applies to a present Origin).
    const origin = socket.handshake.headers.origin;
    if (origin !== undefined) {
      const own = `${socket.handshake.secure ? 'https' : 'http'}://${socket.handshake.headers.host ?? ''}`;
      if (origin !== own)
        return next(
          Object.assign(new Error(LIVE_FORBIDDEN_ORIGIN), {
            data: { code: LIVE_FORBIDDEN_ORIGIN },
          }),
        );
    }
    // `auth: { deltas: true }` opts in to one batched `deltas` event per window, `snapshot:
    // 'gateways'` to snapshots without device rows (docs/live-status.md).
    const auth = liveHandshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success)
      return next(
        Object.assign(new Error(`${LIVE_BAD_HANDSHAKE}: ${issueText(auth.error)}`), {
          data: { code: LIVE_BAD_HANDSHAKE },
        }),
      );
    deps
      .getSessionUser(socket.handshake.headers.cookie)
      .then((user) => {
        if (!user)
          return next(
            Object.assign(new Error(LIVE_UNAUTHORIZED), { data: { code: LIVE_UNAUTHORIZED } }),
          );
        (socket.data as SocketData).user = user;
        (socket.data as SocketData).joined = new Set();
        (socket.data as SocketData).batched = auth.data.deltas === true;
        (socket.data as SocketData).lightSnapshot = auth.data.snapshot === 'gateways';
        (socket.data as SocketData).joinTokens = JOIN_BURST;
        (socket.data as SocketData).joinRefilledAt = Date.now();
        next();
      })
      .catch((error: unknown) => {
        logger.error('live: session lookup failed at socket connection', { error });
        next(new Error('session lookup failed'));
      });
  });

  io.on('connection', (raw) => {
    const socket = raw as unknown as LiveSocket;
    // The rooms through which an ended session closes its sockets (session-revocation.ts). A session
    // that ended between the handshake and this join is caught by reading it once more.
    const sessionID = sessionIDOf(socket.handshake.headers.cookie) ?? '';
    void socket.join([sessionRoom(sessionID), accountRoom(socket.data.user.id)]);
    void deps.getSessionUser(socket.handshake.headers.cookie).then(
      (user) => {
        if (user || !socket.connected) return;
        socket.emit('signed-out', {
          reason: 'expired',
          message: 'the session has ended; sign in again',
        });
        socket.disconnect(true);
      },
      (error: unknown) => logger.warn('live: session re-check failed', { error }),
    );
    const reply = (event: 'join' | 'leave', ack: unknown, result: LiveAck): void => {
      if (typeof ack === 'function') (ack as (r: LiveAck) => void)(result);
      else if (!result.ok)
        socket.emit('problem', { event, error: result.error, message: result.message });
    };
    const refuse = (
      event: 'join' | 'leave',
      ack: unknown,
      error: LiveErrorCode,
      message: string,
      gatewayID?: string,
    ): void =>
      reply(event, ack, {
        ok: false,
        error,
        message,
        ...(gatewayID === undefined ? {} : { gatewayID }),
      });

    socket.on('join', (request: unknown, ack?: unknown) => {
      void (async () => {
        if (!takeJoinToken(socket.data, Date.now()))
          return refuse(
            'join',
            ack,
            'rate_limited',
            'too many joins; wait a second and join again',
          );
        const parsed = joinRequestSchema.safeParse(request);
        if (!parsed.success)
          return refuse('join', ack, 'bad_request', `join: ${issueText(parsed.error)}`);
        const user = await deps.getSessionUser(socket.handshake.headers.cookie);
        if (!user) {
          refuse('join', ack, 'unauthorized', 'the session has ended; sign in again');
          socket.disconnect(true);
          return;
        }
        socket.data.user = user;
        let allowed: string[];
        try {
          allowed = await deps.pool.gatewaysFor(user);
        } catch (error) {
          logger.warn('live: gateways of user not readable', { error, userID: user.id });
          return refuse(
            'join',
            ack,
            'unavailable',
            'the master gateway is not reachable; try again',
          );
        }
        const allowedSet = new Set(allowed);
        const wanted =
          parsed.data.gatewayIDs === 'all' ? allowed : [...new Set(parsed.data.gatewayIDs)];
        for (const id of wanted) {
          if (allowedSet.has(id)) continue;
          // A tenant user is not told whether another tenant's gateway exists.
          if (user.role === 'admin')
            return refuse('join', ack, 'not_found', `gateway ${id} does not exist`, id);
          return refuse(
            'join',
            ack,
            'forbidden',
            `gateway ${id} is not a gateway of tenant ${user.tenantID ?? '?'}`,
            id,
          );
        }
        await deps.ensureFollowed(wanted);
        if (!socket.connected) return;
        for (const id of wanted) socket.data.joined.add(id);
        joinedChanged(socket.data);
        await socket.join(wanted.map(gatewayRoom));
        // Snapshot before the ack: when the client's join resolves, the snapshot is already there.
        socket.emit(
          'snapshot',
          deps.state.snapshot(socket.data.joined, !socket.data.lightSnapshot),
        );
        reply('join', ack, { ok: true, gatewayIDs: [...socket.data.joined] });
      })().catch((error: unknown) => {
        logger.error('live: join failed', { error });
        refuse('join', ack, 'unavailable', 'join failed on the server');
      });
    });

    socket.on('leave', (request: unknown, ack?: unknown) => {
      const parsed = leaveRequestSchema.safeParse(request);
      if (!parsed.success)
        return refuse('leave', ack, 'bad_request', `leave: ${issueText(parsed.error)}`);
      const ids =
        parsed.data.gatewayIDs === 'all' ? [...socket.data.joined] : parsed.data.gatewayIDs;
      for (const id of ids) {
        socket.data.joined.delete(id);
        void socket.leave(gatewayRoom(id));
      }
      joinedChanged(socket.data);
      reply('leave', ack, { ok: true, gatewayIDs: [...socket.data.joined] });
    });
  });
}
