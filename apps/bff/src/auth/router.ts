import { Router } from 'express';
import { route } from '@cmc/api';
import { toSessionUser } from '../accounts/account-store.ts';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { dummyHashPromise, verifyPassword } from './password.ts';

export function authRouter(deps: RouterDeps): Router {
  const router = Router();

  defineRoute(router, route('auth.login'), deps, async ({ body, req, res }) => {
    const source = req.ip ?? 'unknown';
    const keys = { user: `user:${body.username.toLowerCase()}`, address: `ip:${source}` };
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

    // Rate limit first: it counts every attempt from the address, right or wrong.
    const rateWait = await deps.loginRate.lockedFor(`rate:${source}`);
    await deps.loginRate.recordFailure(`rate:${source}`);
    if (rateWait > 0) {
      const seconds = Math.ceil(rateWait / 1000);
      note('failure', `rate limited for ${seconds} s`);
      throw problem(
        429,
        `too many sign-in attempts from this address; try again in ${seconds} s`,
        undefined,
        { 'Retry-After': String(seconds) },
      );
    }
    const wait = Math.max(
      await deps.userThrottle.lockedFor(keys.user),
      await deps.addressThrottle.lockedFor(keys.address),
    );
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      note('failure', `locked out for ${seconds} s after repeated failures`);
      throw problem(429, `too many failed sign-ins; try again in ${seconds} s`, undefined, {
        'Retry-After': String(seconds),
      });
    }
    const account = deps.accounts.byUsername(body.username);
    // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
    const valid = await verifyPassword(
      body.password,
      account?.passwordHash ?? (await dummyHashPromise),
    );
    if (!account || !valid) {
      await deps.userThrottle.recordFailure(keys.user);
      await deps.addressThrottle.recordFailure(keys.address);
      note('failure', 'wrong username or password');
      throw problem(401, 'wrong username or password');
    }
    await deps.userThrottle.reset(keys.user);
    await deps.addressThrottle.reset(keys.address);
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
