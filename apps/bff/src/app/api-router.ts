// The /api/v1 router: request guards (draining, JSON only, session, CSRF), then every resource's
// router, then a problem+json 404 for the rest.
import express from 'express';
import { API_PREFIX, buildOpenApiDocument } from '@cmc/api';
import { acceptFilterRouter } from '../accept-filter/router.ts';
import { accountsRouter } from '../accounts/router.ts';
import { asyncConnectionsRouter } from '../async-connections/router.ts';
import { auditRouter } from '../audit/router.ts';
import { authRouter } from '../auth/router.ts';
import { connectRouter } from '../connect/router.ts';
import type { Db } from '../db/database.ts';
import type { StorageHealth } from '../db/storage-health.ts';
import type { LabelStore } from '../device-labels/label-store.ts';
import { deviceLabelsRouter } from '../device-labels/router.ts';
import { devicesRouter } from '../devices/router.ts';
import type { GatewayMemory } from '../gateways/gateway-memory.ts';
import { lostConnectionsRouter } from '../gateways/lost-connections-router.ts';
import { gatewaysRouter } from '../gateways/router.ts';
import { historyRouter } from '../history/history-router.ts';
import type { HistoryStore } from '../history/history-store.ts';
import { createRecentChangesReader } from '../history/recent-changes.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { inventoryRouter } from '../inventory/inventory-router.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { storageRouter } from '../ops/storage-router.ts';
import { reportsRouter } from '../reports/reports-router.ts';
import { searchRouter } from '../search/router.ts';
import { slavesRouter } from '../slaves/router.ts';
import { tenantsRouter } from '../tenants/router.ts';

export interface ApiRouterDeps {
  routes: RouterDeps & { gatewayMemory: GatewayMemory; labels: LabelStore };
  isDraining(): boolean;
  health: StorageHealth;
  db: Db;
  history: HistoryStore;
  /** The pool without the liveness guard: history and labels read what they can while it is down. */
  unguardedPool: MasterPool;
  /** Alert rules, alarms and webhooks (alerts/alerts.ts). */
  alerts: express.Router;
}

/** Refuses requests while the server shuts down, and bodies that are not JSON. */
function requestGuard(isDraining: () => boolean): express.RequestHandler {
  return (req, _res, next) => {
    if (isDraining()) return next(problem(503, 'the server is shutting down'));
    // JSON only: refusing other content types also stops simple cross-site form posts.
    if (
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) &&
      req.headers['content-length'] !== '0' &&
      req.headers['content-type'] !== undefined &&
      !req.is('application/json')
    ) {
      return next(problem(415, 'send the request body as application/json'));
    }
    next();
  };
}

export function apiRouter(deps: ApiRouterDeps): express.Router {
  const { routes, history, unguardedPool: pool } = deps;
  const { audit, auth, loginGuard, labels } = routes;
  const api = express.Router();
  api.use(requestGuard(deps.isDraining));
  api.use(express.json({ limit: '1mb' }));
  api.use(auth.loadSession);
  api.use(auth.csrf);
  // Built on the first request: ~80 ms of schema conversion that a start need not wait for.
  let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;
  api.get('/openapi.json', (_req, res) => {
    res.json((openApi ??= buildOpenApiDocument()));
  });
  api.use(authRouter(routes));
  api.use(gatewaysRouter(routes));
  api.use(lostConnectionsRouter(routes));
  api.use(searchRouter(routes));
  api.use(connectRouter(routes));
  api.use(asyncConnectionsRouter(routes));
  api.use(acceptFilterRouter(routes));
  api.use(devicesRouter(routes));
  api.use(slavesRouter(routes));
  api.use(tenantsRouter(routes));
  api.use(accountsRouter({ ...routes, lockedUntil: (name) => loginGuard.lockedFor(name) }));
  api.use(auditRouter(routes));
  api.use(storageRouter({ audit, health: deps.health }));
  api.use(
    historyRouter({
      audit,
      pool,
      history,
      recent: createRecentChangesReader(deps.db, () => history.flushed()),
    }),
  );
  api.use(deviceLabelsRouter({ audit, pool, labels, deviceIndex: routes.deviceIndex }));
  api.use(inventoryRouter(routes));
  api.use(
    reportsRouter({ audit, db: deps.db, pool: routes.pool, flushHistory: () => history.flushed() }),
  );
  api.use(deps.alerts);
  api.use((req, _res, next) =>
    next(problem(404, `no route ${req.method} ${API_PREFIX}${req.path}`)),
  );
  return api;
}
