// Live sockets must not outlive their session: every socket sits in a room of its session and one of
// its account, so ending sessions closes their sockets at once — on every instance when scaled out,
// since room operations go through the socket.io adapter. A periodic check catches sessions that
// simply expired (nobody ends those; the store forgets them).
import { createHash } from 'node:crypto';
import { SESSION_COOKIE, type SignedOutReason } from '@cmc/api';
import { parseCookie } from 'cookie';
import type { Server, Socket } from 'socket.io';
import type { EndedSessions } from '../auth/session-auth.ts';
import type { GetSessionUser, Logger } from './types.ts';

// Room names travel through Redis when scaled out: a hash, never the cookie value itself.
export const sessionRoom = (sessionID: string): string =>
  `session:${createHash('sha256').update(sessionID).digest('base64url')}`;
export const accountRoom = (accountID: number): string => `account:${accountID}`;

export function sessionIDOf(cookieHeader: string | undefined): string | undefined {
  return parseCookie(cookieHeader ?? '')[SESSION_COOKIE];
}

const messages: Record<SignedOutReason, string> = {
  'signed-out': 'you signed out',
  'signed-in-again': 'this browser signed in again',
  'password-reset': 'your password was reset by an administrator; sign in with the new password',
  'account-deleted': 'your account was deleted',
  expired: 'your session expired; sign in again',
};

interface Target {
  emit(event: 'signed-out', payload: { reason: SignedOutReason; message: string }): unknown;
  disconnect(close: boolean): unknown;
}

/** Tells the socket(s) why, then closes them; the event goes out before the close. */
function signOut(target: Target, reason: SignedOutReason): void {
  target.emit('signed-out', { reason, message: messages[reason] });
  target.disconnect(true);
}

/** For SessionAuth.onEnded: closes the sockets of the ended session(s) on every instance. */
export function revokeLiveSessions(io: Server, ended: EndedSessions): void {
  const room = 'sessionID' in ended ? sessionRoom(ended.sessionID) : accountRoom(ended.accountID);
  signOut(
    {
      emit: (event, payload) => io.to(room).emit(event, payload),
      disconnect: (close) => io.in(room).disconnectSockets(close),
    },
    ended.reason,
  );
}

/**
 * Every `everyMs`, re-reads the session of each of this instance's sockets (one read per session)
 * and signs out those whose session is gone. Returns the stop function.
 */
export function startSessionCheck(
  io: Server,
  getSessionUser: GetSessionUser,
  everyMs: number,
  logger: Logger,
): () => void {
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const byCookie = new Map<string | undefined, Socket[]>();
      for (const socket of io.of('/').sockets.values()) {
        const cookie = socket.handshake.headers.cookie;
        const group = byCookie.get(cookie);
        if (group) group.push(socket);
        else byCookie.set(cookie, [socket]);
      }
      for (const [cookie, sockets] of byCookie) {
        if ((await getSessionUser(cookie)) !== null) continue;
        for (const socket of sockets) if (socket.connected) signOut(socket, 'expired');
      }
    } catch (error) {
      logger.warn('live: session check failed', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
