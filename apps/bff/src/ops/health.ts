// /healthz: the process answers. /readyz: the master is reachable and the admin login works.
import { Router } from 'express';
import type { ReadyResponse } from '@cmc/api';
import { errorMessage } from '../http/define-route.ts';
import { isGsdkError } from '../master/grpc-http.ts';
import type { MasterPool } from '../master/master-pool.ts';

export function healthRouter(pool: MasterPool, isDraining: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    let body: ReadyResponse;
    if (isDraining()) {
      body = {
        ready: false,
        master: { reachable: false, loggedIn: false, error: 'shutting down' },
      };
    } else {
      try {
        // A Gateway API call proves transport, TLS and token in one round trip.
        await pool.admin().gateway.getList({}, { deadlineMs: 3000 });
        body = { ready: true, master: { reachable: true, loggedIn: true, error: null } };
      } catch (error) {
        const unreachable = !isGsdkError(error) || error.code === 14 || error.code === 4;
        body = {
          ready: false,
          master: { reachable: !unreachable, loggedIn: false, error: errorMessage(error) },
        };
      }
    }
    res.status(body.ready ? 200 : 503).json(body);
  });
  return router;
}
