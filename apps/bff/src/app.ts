// Builds the BFF: database, accounts, sessions, master pool, routes, socket.io. Does not listen;
// main.ts and demo.ts do, and tests drive `app` with supertest.
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import { API_PREFIX, buildOpenApiDocument } from '@cmc/api';
import './http/locals.ts';
import { accountsRouter } from './accounts/router.ts';
import { bootstrapAdmin } from './accounts/bootstrap-admin.ts';
import { createAlerts, type Alerts, type AlertsOptions } from './alerts/alerts.ts';
import { auditRouter } from './audit/router.ts';
import { createLoginGuard } from './auth/login-guard.ts';
import { defaultThrottlePolicy, type ThrottlePolicy } from './auth/login-throttle.ts';
import { authRouter } from './auth/router.ts';
import { createSessionAuth } from './auth/session-auth.ts';
import type { SessionStore } from './auth/session-store.ts';
import type { GetSessionUser } from './auth/types.ts';
import type { Config } from './config.ts';
import { acceptFilterRouter } from './accept-filter/router.ts';
import { asyncConnectionsRouter } from './async-connections/router.ts';
import { connectRouter } from './connect/router.ts';
import { openDatabase, type Db } from './db/database.ts';
import { createStorageHealth } from './db/storage-health.ts';
import type { DeviceFactsSource } from './devices/device-row.ts';
import { DeviceRowCache } from './devices/device-row-cache.ts';
import { createLabelStore } from './device-labels/label-store.ts';
import { deviceLabelsRouter } from './device-labels/router.ts';
import { devicesRouter } from './devices/router.ts';
import { gatewaysRouter } from './gateways/router.ts';
import { problem, problemHandler } from './http/problem.ts';
import { requestContext } from './http/request-context.ts';
import { socketSecurityHeaders } from './http/security-headers.ts';
import type { RouterDeps } from './http/route-deps.ts';
import { createLogger, type Logger } from './logger.ts';
import { gsdkProblem, isGsdkError } from './master/grpc-http.ts';
import { guardedPool } from './master/guarded-pool.ts';
import { metricsRouter } from './metrics/metrics-router.ts';
import { createMetrics, type BffMetrics } from './metrics/registry.ts';
import { countStatusChanges } from './metrics/status-tracker.ts';
import { timedPool } from './metrics/timed-pool.ts';
import { reportsRouter } from './reports/reports-router.ts';
import { inventoryRouter } from './inventory/inventory-router.ts';
import { createMasterLiveness } from './master/master-liveness.ts';
import { createMasterPool, type MasterPool } from './master/master-pool.ts';
import { createHistoryStore } from './history/history-store.ts';
import { historyRouter } from './history/history-router.ts';
import { createRecentChangesReader } from './history/recent-changes.ts';
import { GatewayMemory } from './gateways/gateway-memory.ts';
import { lostConnectionsRouter } from './gateways/lost-connections-router.ts';
import { createLiveHub, type LiveHub } from './live/live-hub.ts';
import { revokeLiveSessions } from './live/session-revocation.ts';
import { healthRouter } from './ops/health.ts';
import { storageRouter } from './ops/storage-router.ts';
import { createScaleOut } from './scale/scale-out.ts';
import { createStorage } from './scale/storage.ts';
import { webAppRouter } from './ops/web-app.ts';
import { searchRouter } from './search/router.ts';
import { slavesRouter } from './slaves/router.ts';
import { tenantsRouter } from './tenants/router.ts';

export interface BffDeps {
  logger?: Logger;
  /** Defaults to <dataDir>/bff.sqlite. */
  databaseFile?: string;
  pool?: MasterPool;
  sessions?: SessionStore;
  /** Failed sign-ins per (user, address) before that pair is locked. */
  userThrottle?: ThrottlePolicy;
  /** Failed sign-ins per user from any address before its attempts are slowed down. */
  userBackoff?: ThrottlePolicy;
  /** The wait of each sign-in attempt of a backed-off user name (default 1000 ms). */
  loginBackoffMs?: number;
  /** Per source address; looser than per user, since many people may share an address. */
  addressThrottle?: ThrottlePolicy;
  /** Sign-in attempts (any outcome) per source address: maxFailures attempts per windowMs. */
  loginRate?: ThrottlePolicy;
  /** History store of the live module (facts for device rows). */
  history?: DeviceFactsSource;
  /** Milliseconds to wait for open requests during shutdown before cutting them. */
  drainTimeoutMs?: number;
  /** How often live sockets' sessions are re-read to close expired ones (default 60 s). */
  sessionCheckMs?: number;
  /** Alert evaluation and webhook retry timing (tests shorten them). */
  alerts?: AlertsOptions;
}

export interface Bff {
  config: Config;
  app: express.Express;
  server: http.Server | https.Server;
  io: SocketServer;
  /** Live status hub (started by createBff; `await bff.live.start()` waits for the first lists). */
  live: LiveHub;
  /** Alert rules, alarms, webhooks (docs/alerts.md). */
  alerts: Alerts;
  db: Db;
  pool: MasterPool;
  logger: Logger;
  getSessionUser: GetSessionUser;
  /** Prometheus metrics of this instance (GET /metrics); modules update the metric objects. */
  metrics: BffMetrics;
  /**
   * Set when listen() created the admin with a generated password (print it once). The account is
   * made only once the port is bound, so a failed first start loses no password.
   */
  generatedAdminPassword: string | undefined;
  /** Runs during shutdown, before the database closes (e.g. the live hub's stop()). */
  onShutdown(hook: () => Promise<void> | void): void;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /** Graceful shutdown: stop accepting, drain, cancel streams, close the database. */
  close(): Promise<void>;
}

export async function createBff(config: Config, deps: BffDeps = {}): Promise<Bff> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  // REDIS_URL: several instances share sessions, counters, socket.io rooms and the master streams.
  const scale = config.redis
    ? await createScaleOut({ url: config.redis.url, sessionSecret: config.sessionSecret, logger })
    : null;
  const db = openDatabase(deps.databaseFile ?? path.join(config.dataDir, 'bff.sqlite'));
  const health = createStorageHealth(logger);
  const storage = createStorage(db, {
    sessionSecret: config.sessionSecret,
    scale,
    logger,
    reporter: health,
    ...deps,
  });
  const { accounts, audit, userThrottle, addressThrottle, loginRate } = storage;
  const loginGuard = createLoginGuard(storage, {
    lockoutMs: (deps.userThrottle ?? defaultThrottlePolicy).lockoutMs,
    backoffMs: deps.loginBackoffMs ?? 1000,
  });

  // A probe tells whether the master answers; while it does not, REST calls fail at once.
  const liveness = createMasterLiveness({
    probe: (deadlineMs) => pool.admin().gateway.getList({}, { deadlineMs }),
    logger: logger.child({ module: 'master-liveness' }),
  });
  const metrics = createMetrics();
  const pool = timedPool(
    deps.pool ??
      createMasterPool({
        master: config.master,
        logger: logger.child({ module: 'master-pool' }),
        guard: liveness,
      }),
    metrics.rpcDuration,
  );
  // The REST routes' pool fails fast while the master is known not to answer (guarded-pool.ts).
  const restPool = guardedPool(pool, liveness);
  const secure = config.tls !== null;
  const auth = createSessionAuth({ sessions: storage.sessions, accounts, secure });

  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  // API answers are live data, never revalidated by the browser; hashing a 3 MB device list for an
  // ETag cost ~5 ms a request (bench/README.md). Static files keep their own ETags (serve-static).
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use(requestContext(logger, secure));
  const getSessionUser = auth.getSessionUser;
  const isDraining = () => draining;
  app.use(
    healthRouter({
      pool,
      isDraining,
      storage: health,
      getSessionUser,
      checkRedis: scale?.checkRedis,
    }),
  );

  const history = createHistoryStore(db, { ...config.history, reporter: health });
  health.watch('history', () => history.pending());
  health.watch('audit', () => audit.pending());
  const labels = createLabelStore(db);
  app.use(
    metricsRouter({
      token: config.metrics?.token ?? null,
      metrics,
      pool: restPool,
      socketCount: () => io.of('/').sockets.size,
    }),
  );
  // Shared by the live hub (which sees gateways leave and return) and the REST routes.
  const gatewayMemory = new GatewayMemory();
  const routerDeps: RouterDeps = {
    pool: restPool,
    audit,
    accounts,
    auth,
    userThrottle,
    addressThrottle,
    loginRate,
    loginGuard,
    logger,
    history: deps.history ?? history,
    deviceRows: new DeviceRowCache(),
    labels,
    gatewayMemory,
  };
  const api = express.Router();
  api.use((req, _res, next) => {
    if (draining) return next(problem(503, 'the server is shutting down'));
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
  });
  api.use(express.json({ limit: '1mb' }));
  api.use(auth.loadSession);
  api.use(auth.csrf);
  const openApi = buildOpenApiDocument();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(authRouter(routerDeps));
  api.use(gatewaysRouter(routerDeps));
  api.use(lostConnectionsRouter({ ...routerDeps, gatewayMemory }));
  api.use(searchRouter(routerDeps));
  api.use(connectRouter(routerDeps));
  api.use(asyncConnectionsRouter(routerDeps));
  api.use(acceptFilterRouter(routerDeps));
  api.use(devicesRouter(routerDeps));
  api.use(slavesRouter(routerDeps));
  api.use(tenantsRouter(routerDeps));
  api.use(
    accountsRouter({
      ...routerDeps,
      lockedUntil: (name) => loginGuard.lockedFor(name),
    }),
  );
  api.use(auditRouter(routerDeps));
  api.use(storageRouter({ audit, health }));
  api.use(
    historyRouter({
      audit,
      pool,
      history,
      recent: createRecentChangesReader(db, () => history.flush()),
    }),
  );
  api.use(deviceLabelsRouter({ audit, pool, labels }));
  api.use(inventoryRouter(routerDeps));
  api.use(reportsRouter({ audit, db, pool: routerDeps.pool, flushHistory: () => history.flush() }));
  // Alert rules, alarms and webhooks; `io` is read only once the server exists (below).
  const alerts = createAlerts({
    db,
    io: () => io,
    pool,
    audit,
    getSessionUser,
    logger,
    lease: scale ? { redis: scale.redis, token: scale.instanceToken } : null,
    metrics,
    ...(deps.alerts ? { options: deps.alerts } : {}),
  });
  api.use(alerts.router);
  api.use((req, _res, next) =>
    next(problem(404, `no route ${req.method} ${API_PREFIX}${req.path}`)),
  );
  app.use(API_PREFIX, api);

  app.use(webAppRouter(config.webDistDir));
  app.use((req, _res, next) => next(problem(404, `no route ${req.method} ${req.path}`)));

  const problems = problemHandler(logger);
  app.use(((error, req, res, next) => {
    if (isGsdkError(error)) {
      const mapped = gsdkProblem(error);
      if (mapped.status >= 500)
        logger.warn('master call failed', {
          rpc: error.rpc,
          code: error.code,
          details: error.details,
          requestId: res.locals.requestId,
        });
      return problems(mapped, req, res, next);
    }
    problems(error, req, res, next);
  }) as express.ErrorRequestHandler);

  const server = config.tls
    ? https.createServer({ cert: config.tls.cert, key: config.tls.key }, app)
    : http.createServer(app);
  const io = new SocketServer(server, { path: '/socket.io', serveClient: false });
  if (scale) io.adapter(scale.adapter);
  socketSecurityHeaders(server, secure);
  // Sign-out, password reset, deleted account: their open live sockets close now, on every instance.
  auth.onEnded((ended) => revokeLiveSessions(io, ended));
  const hooks: Array<() => Promise<void> | void> = [];

  const live = createLiveHub({
    io,
    pool,
    history: alerts.tapHistory(countStatusChanges(history, metrics)),
    onGatewayFlag: alerts.onGatewayFlag,
    getSessionUser: auth.getSessionUser,
    logger,
    batchWindowMs: config.live.batchWindowMs,
    liveness,
    memory: gatewayMemory,
    ...(deps.sessionCheckMs ? { sessionCheckMs: deps.sessionCheckMs } : {}),
    ...(scale ? { streams: scale.streams } : {}),
  });
  hooks.push(
    () => alerts.stop(),
    () => liveness.stop(),
    () => live.stop(),
    () => history.close(),
    () => audit.close(),
  );
  // Tenant API changes move gateways between tenants: the hub must follow now, not at its next poll.
  pool.onInvalidate(() => void live.refresh());
  void live.start();
  alerts.start();
  liveness.start();

  const drainTimeoutMs = deps.drainTimeoutMs ?? 10_000;
  let closing: Promise<void> | null = null;

  const bff: Bff = {
    config,
    app,
    server,
    io,
    live,
    alerts,
    db,
    pool,
    logger,
    getSessionUser: auth.getSessionUser,
    metrics,
    generatedAdminPassword: undefined,
    onShutdown: (hook) => hooks.push(hook),
    async listen(port = config.port, host = config.host) {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
      const boot = await bootstrapAdmin(accounts, config.adminUser, config.adminPassword);
      bff.generatedAdminPassword = boot.generatedPassword;
      if (boot.created)
        logger.info('admin account created', {
          username: config.adminUser,
          generatedPassword: boot.generatedPassword !== undefined,
        });
      return address;
    },
    close() {
      closing ??= (async () => {
        draining = true;
        // Stop accepting, end live sockets (they would hold the server open), let HTTP requests finish.
        const serverClosed = new Promise<void>((resolve) =>
          server.listening ? server.close(() => resolve()) : resolve(),
        );
        server.closeIdleConnections();
        io.local.disconnectSockets(true); // only ours: with the redis adapter io.* reaches every instance
        const timer = setTimeout(() => server.closeAllConnections(), drainTimeoutMs);
        await serverClosed;
        clearTimeout(timer);
        // Then the hooks (live hub streams, history flush) while the database is still open.
        for (const hook of hooks) {
          try {
            await hook();
          } catch (error) {
            logger.error('shutdown hook failed', { error });
          }
        }
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await scale?.close();
        pool.close();
        db.close();
        logger.info('shut down');
      })();
      return closing;
    },
  };
  return bff;
}
