import { Router } from 'express';
import { route, type Account } from '@cmc/api';
import { hashPassword } from '../auth/password.ts';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { AccountExistsError, type AccountRow } from './account-store.ts';

export function accountsRouter(
  deps: RouterDeps & { lockedUntil: (username: string) => number | Promise<number> },
): Router {
  const router = Router();
  const toDto = async (a: AccountRow): Promise<Account> => {
    const locked = await deps.lockedUntil(a.username);
    return {
      id: a.id,
      username: a.username,
      role: a.role,
      tenantID: a.tenantID,
      createdAt: a.createdAt,
      lockedUntil: locked > 0 ? new Date(Date.now() + locked).toISOString() : null,
    };
  };

  defineRoute(router, route('accounts.list'), deps, async () => ({
    accounts: await Promise.all(deps.accounts.list().map(toDto)),
  }));

  defineRoute(router, route('accounts.create'), deps, async ({ body, audit, atomic }) => {
    audit.summary = `create tenant viewer ${body.username} for tenant ${body.tenantID}`;
    const known = (await deps.pool.tenants()).some((t) => t.tenantID === body.tenantID);
    if (!known)
      throw problem(400, `body.tenantID: tenant ${body.tenantID} does not exist on the master`, [
        { path: 'body.tenantID', message: 'unknown tenant' },
      ]);
    const passwordHash = await hashPassword(body.password);
    try {
      // The account and its audit row commit together (issue 14.7).
      const created = atomic(() =>
        deps.accounts.create({
          username: body.username,
          role: 'tenant',
          tenantID: body.tenantID,
          passwordHash,
        }),
      );
      return await toDto(created);
    } catch (error) {
      if (error instanceof AccountExistsError)
        throw problem(409, error.message, [{ path: 'body.username', message: 'already taken' }]);
      throw error;
    }
  });

  defineRoute(router, route('accounts.delete'), deps, async ({ params, user, audit, atomic }) => {
    const target = deps.accounts.byId(params.accountID);
    if (!target) throw problem(404, `account ${params.accountID} does not exist`);
    audit.summary = `delete account ${target.username}`;
    if (target.id === user.id) throw problem(409, 'you cannot delete your own account');
    if (target.role === 'admin' && deps.accounts.countAdmins() <= 1)
      throw problem(409, 'the last admin account cannot be deleted');
    await deps.auth.endSessionsOf(target.id, 'account-deleted');
    atomic(() => deps.accounts.remove(target.id));
    await deps.loginGuard.clear(target.username);
  });

  defineRoute(router, route('accounts.reset-password'), deps, async (ctx) => {
    const { params, body, audit, atomic } = ctx;
    const target = deps.accounts.byId(params.accountID);
    if (!target) throw problem(404, `account ${params.accountID} does not exist`);
    audit.summary = `reset password of ${target.username} (also clears its sign-in lock-outs)`;
    const passwordHash = await hashPassword(body.password);
    atomic(() => deps.accounts.setPassword(target.id, passwordHash));
    await deps.auth.endSessionsOf(target.id, 'password-reset');
    // The new password must work at once, from wherever the user is.
    await deps.loginGuard.clear(target.username);
  });

  defineRoute(router, route('accounts.unlock'), deps, async ({ params, audit }) => {
    const target = deps.accounts.byId(params.accountID);
    if (!target) throw problem(404, `account ${params.accountID} does not exist`);
    audit.summary = `clear the sign-in lock-outs of ${target.username}`;
    await deps.loginGuard.clear(target.username);
  });

  return router;
}
