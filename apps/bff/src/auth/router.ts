import { Router } from 'express';
import { route } from '@cmc/api';
import { toSessionUser } from '../accounts/account-store.ts';
import { defineRoute, errorMessage } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { dummyHashPromise, verifyPassword } from './password.ts';

export function authRouter(deps: RouterDeps): Router {
  const router = Router();

  defineRoute(router, route('auth.login'), deps, async ({ body, req, res }) => {
    const source = req.ip ?? 'unknown';
    const note = (
      outcome: 'success' | 'failure',
      error: string | null,
      role: 'admin' | 'tenant' | null = null,
    ) =>
      deps.audit.record({
        username: body.username,
        role,
        action: 'auth.login',
        summary: `sign-in attempt as ${body.username}`,
        outcome,
        error,
        sourceAddress: source,
        requestId: res.locals.requestId ?? null,
      });

    try {
      await deps.loginGuard.admit(body.username, source);
    } catch (error) {
      note('failure', errorMessage(error));
      throw error;
    }
    const account = deps.accounts.byUsername(body.username);
    // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
    const valid = await verifyPassword(
      body.password,
      account?.passwordHash ?? (await dummyHashPromise),
    );
    if (!account || !valid) {
      const lockouts = await deps.loginGuard.failed(body.username, source);
      note('failure', 'wrong username or password');
      for (const summary of lockouts)
        deps.audit.record({
          username: body.username,
          role: null,
          action: 'auth.lockout',
          summary,
          outcome: 'failure',
          error: null,
          sourceAddress: source,
          requestId: res.locals.requestId ?? null,
        });
      throw problem(401, 'wrong username or password');
    }
    await deps.loginGuard.succeeded(body.username, source);
    // No session fixation across sign-ins.
    if (res.locals.session) await deps.auth.endSession(req, res, 'signed-in-again');
    const { csrfToken } = await deps.auth.startSession(res, account.id);
    note('success', null, account.role);
    return { user: toSessionUser(account), csrfToken };
  });

  defineRoute(router, route('auth.logout'), deps, async ({ req, res }) => {
    await deps.auth.endSession(req, res);
  });

  defineRoute(router, route('auth.me'), deps, async ({ user, res }) => {
    return { user, csrfToken: res.locals.session!.csrfToken };
  });

  return router;
}
