// /healthz: the process answers. /readyz: the master is reachable and the admin login works, the
// console's database takes writes, and — when scaled out (REDIS_URL) — Redis answers a PING, since
// sessions and login counters live there. The reasons name addresses and errors of the environment,
// so only a signed-in administrator sees them; anyone else gets `{ ready }` and the status code.
import { Router } from 'express';
import type { ReadyResponse } from '@cmc/api';
import type { GetSessionUser } from '../auth/types.ts';
import type { StorageHealth } from '../db/storage-health.ts';
import { errorMessage } from '../http/define-route.ts';
import { isGsdkError } from '../master/grpc-http.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { RedisHealth } from '../scale/redis-health.ts';

/** How long /readyz waits for the session (to show the reasons) before answering without them. */
const SESSION_WAIT_MS = 1500;

export interface HealthDeps {
  pool: MasterPool;
  isDraining: () => boolean;
  /** True between binding the port and creating the first admin: a sign-in would still fail. */
  isStarting?: () => boolean;
  storage: StorageHealth;
  getSessionUser: GetSessionUser;
  /** Set only when scaled out; the answer then carries `redis` and needs it reachable. */
  checkRedis?: (() => Promise<RedisHealth>) | undefined;
}

export function healthRouter(deps: HealthDeps): Router {
  const { pool, isDraining, checkRedis } = deps;
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  async function checkMaster(): Promise<NonNullable<ReadyResponse['master']>> {
    try {
      // A Gateway API call proves transport, TLS and token in one round trip.
      await pool.admin().gateway.getList({}, { deadlineMs: 3000 });
      return { reachable: true, loggedIn: true, error: null };
    } catch (error) {
      const unreachable = !isGsdkError(error) || error.code === 14 || error.code === 4;
      return { reachable: !unreachable, loggedIn: false, error: errorMessage(error) };
    }
  }

  router.get('/readyz', async (req, res) => {
    let body: ReadyResponse;
    const { writable, error } = deps.storage.status();
    const storage = { writable, error };
    const notYet = isDraining() ? 'shutting down' : deps.isStarting?.() ? 'starting' : null;
    if (notYet) {
      body = {
        ready: false,
        master: { reachable: false, loggedIn: false, error: notYet },
        ...(checkRedis ? { redis: { reachable: false, error: notYet } } : {}),
        storage,
      };
    } else {
      const [master, redis] = await Promise.all([checkMaster(), checkRedis?.()]);
      body = {
        ready: master.loggedIn && (redis?.reachable ?? true) && writable,
        master,
        ...(redis ? { redis } : {}),
        storage,
      };
    }
    // A stuck or lost Redis (where sessions live when scaled out) must not hang the probe or turn
    // it into a 500: a session that cannot be read in time means no reasons.
    const user = await Promise.race([
      deps.getSessionUser(req.headers.cookie).catch(() => null),
      new Promise<null>((resolve) => setTimeout(resolve, SESSION_WAIT_MS, null).unref()),
    ]);
    res.status(body.ready ? 200 : 503).json(user?.role === 'admin' ? body : { ready: body.ready });
  });
  return router;
}
