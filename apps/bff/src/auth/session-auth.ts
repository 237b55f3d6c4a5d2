// Resolves the session cookie to a user, and enforces CSRF on every state-changing request:
// the x-csrf-token header must equal the session's token (double submit: also in the readable
// cmc_csrf cookie), and a present Origin must be this server's own origin.
import { timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type SignedOutReason } from '@cmc/api';
import { isStorageWriteError } from '../db/storage-health.ts';
import { problem } from '../http/problem.ts';
import { toSessionUser, type AccountStore } from '../accounts/account-store.ts';
import type { SessionStore } from './session-store.ts';
import type { GetSessionUser, SessionUser } from './types.ts';

export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** Sessions that just ended: one (by its cookie value) or every session of an account. */
export type EndedSessions =
  { sessionID: string; reason: SignedOutReason } | { accountID: number; reason: SignedOutReason };

export interface SessionAuth {
  getSessionUser: GetSessionUser;
  /** Sets res.locals.user/session when the cookie names a live session. */
  loadSession: RequestHandler;
  csrf: RequestHandler;
  startSession(res: Response, accountID: number): Promise<{ csrfToken: string }>;
  endSession(req: Request, res: Response, reason?: SignedOutReason): Promise<void>;
  /** Signs an account out everywhere (deleted account, reset password). */
  endSessionsOf(accountID: number, reason: SignedOutReason): Promise<void>;
  /** Called after sessions end, e.g. to close the live sockets still open on them. */
  onEnded(listener: (ended: EndedSessions) => void): void;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessionAuth(deps: {
  sessions: SessionStore;
  accounts: AccountStore;
  secure: boolean;
}): SessionAuth {
  const { sessions, accounts, secure } = deps;
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure };
  const endedListeners: Array<(ended: EndedSessions) => void> = [];
  const ended = (what: EndedSessions) => {
    for (const listener of endedListeners) listener(what);
  };

  async function resolve(
    cookieHeader: string | undefined,
  ): Promise<{ user: SessionUser; id: string; csrfToken: string } | null> {
    const id = parseCookie(cookieHeader ?? '')[SESSION_COOKIE];
    if (!id || id.length > 200) return null;
    const session = await sessions.get(id);
    if (!session) return null;
    const account = accounts.byId(session.accountID);
    if (!account) return null;
    return { user: toSessionUser(account), id, csrfToken: session.csrfToken };
  }

  return {
    async getSessionUser(cookieHeader) {
      return (await resolve(cookieHeader))?.user ?? null;
    },
    loadSession: async (req, res, next) => {
      const found = await resolve(req.headers.cookie);
      if (found) {
        res.locals.user = found.user;
        res.locals.session = { id: found.id, csrfToken: found.csrfToken };
        // Sliding the expiry is a write: on a full or read-only disk the session stays valid
        // until its stored expiry rather than failing every read.
        await sessions.touch(found.id, SESSION_TTL_MS).catch((error: unknown) => {
          if (!isStorageWriteError(error)) throw error;
        });
      }
      next();
    },
    csrf: (req, res, next) => {
      if (!unsafe.has(req.method)) return next();
      const origin = req.get('origin');
      if (origin !== undefined) {
        const own = `${req.protocol}://${req.get('host') ?? ''}`;
        if (origin !== own)
          return next(
            problem(403, `cross-origin request refused (Origin ${origin} is not ${own})`),
          );
      }
      if (req.get('sec-fetch-site') === 'cross-site')
        return next(problem(403, 'cross-site request refused'));
      const session = res.locals.session;
      // Without a session there is nothing to forge; the route itself answers 401 (or signs in).
      // Sign-in needs no token either (a new tab may still hold an old cookie): the Origin check
      // above, SameSite=Strict and the JSON-only body (a cross-site JSON post needs CORS) cover it.
      if (!session || req.path === '/auth/login') return next();
      const token = req.get(CSRF_HEADER);
      if (!token || !sameToken(token, session.csrfToken)) {
        return next(
          problem(
            403,
            `missing or wrong ${CSRF_HEADER} header (send the csrfToken from sign-in or GET /api/v1/auth/me)`,
          ),
        );
      }
      next();
    },
    async startSession(res, accountID) {
      const { id, csrfToken } = await sessions.create(accountID, SESSION_TTL_MS);
      // Browser-session cookies: the server enforces the sliding 8 h idle limit, so a fixed cookie
      // expiry would sign an active user out.
      res.cookie(SESSION_COOKIE, id, { ...cookieBase, httpOnly: true });
      res.cookie(CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false });
      return { csrfToken };
    },
    async endSessionsOf(accountID, reason) {
      await sessions.destroyForAccount(accountID);
      ended({ accountID, reason });
    },
    onEnded(listener) {
      endedListeners.push(listener);
    },
    async endSession(_req, res, reason = 'signed-out') {
      if (res.locals.session) {
        await sessions.destroy(res.locals.session.id);
        ended({ sessionID: res.locals.session.id, reason });
      }
      res.clearCookie(SESSION_COOKIE, { ...cookieBase, httpOnly: true });
      res.clearCookie(CSRF_COOKIE, { ...cookieBase });
    },
  };
}
