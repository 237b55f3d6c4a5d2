// /healthz: the process answers. /readyz: the master is reachable and the admin login works, and —
// when scaled out (REDIS_URL) — Redis answers a PING, since sessions and login counters live there.
import { Router } from 'express';
import type { ReadyResponse } from '@cmc/api';
import { errorMessage } from '../http/define-route.ts';
import { isGsdkError } from '../master/grpc-http.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { RedisHealth } from '../scale/redis-health.ts';

/** `checkRedis`: set only when scaled out; the answer then carries `redis` and needs it reachable. */
export function healthRouter(
  pool: MasterPool,
  isDraining: () => boolean,
  checkRedis?: () => Promise<RedisHealth>,
): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  async function checkMaster(): Promise<ReadyResponse['master']> {
    try {
      // A Gateway API call proves transport, TLS and token in one round trip.
      await pool.admin().gateway.getList({}, { deadlineMs: 3000 });
      return { reachable: true, loggedIn: true, error: null };
    } catch (error) {
      const unreachable = !isGsdkError(error) || error.code === 14 || error.code === 4;
      return { reachable: !unreachable, loggedIn: false, error: errorMessage(error) };
    }
  }

  router.get('/readyz', async (_req, res) => {
    let body: ReadyResponse;
    if (isDraining()) {
      body = {
        ready: false,
        master: { reachable: false, loggedIn: false, error: 'shutting down' },
        ...(checkRedis ? { redis: { reachable: false, error: 'shutting down' } } : {}),
      };
    } else {
      const [master, redis] = await Promise.all([checkMaster(), checkRedis?.()]);
      body = {
        ready: master.loggedIn && (redis?.reachable ?? true),
        master,
        ...(redis ? { redis } : {}),
      };
    }
    res.status(body.ready ? 200 : 503).json(body);
  });
  return router;
}
