// Builds the BFF: database, accounts, sessions, master pool, routes, socket.io. Does not listen;
// main.ts and demo.ts do, and tests drive `app` with supertest.
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server as SocketServer } from 'socket.io';
import { API_PREFIX } from '@cmc/api';
import './http/locals.ts';
import { bootstrapAdmin } from './accounts/bootstrap-admin.ts';
import { createAlerts } from './alerts/alerts.ts';
import { apiRouter } from './app/api-router.ts';
import { errorHandler } from './app/error-handler.ts';
import { createShutdown } from './app/shutdown.ts';
import type { Bff, BffDeps } from './app/types.ts';
import { createLoginGuard } from './auth/login-guard.ts';
import { defaultThrottlePolicy } from './auth/login-throttle.ts';
import { createSessionAuth } from './auth/session-auth.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createStorageHealth } from './db/storage-health.ts';
import { DeviceRowCache } from './devices/device-row-cache.ts';
import { createLabelStore } from './device-labels/label-store.ts';
import { warmDeviceRows } from './devices/warm-rows.ts';
import { problem } from './http/problem.ts';
import { requestContext } from './http/request-context.ts';
import { socketSecurityHeaders } from './http/security-headers.ts';
import type { RouterDeps } from './http/route-deps.ts';
import { createLogger } from './logger.ts';
import { guardedPool } from './master/guarded-pool.ts';
import { sharedReads } from './master/shared-reads.ts';
import { DeviceIndex } from './devices/device-index.ts';
import { trackWrites } from './devices/write-tracker.ts';
import { metricsRouter } from './metrics/metrics-router.ts';
import { createMetrics } from './metrics/registry.ts';
import { countStatusChanges } from './metrics/status-tracker.ts';
import { timedPool } from './metrics/timed-pool.ts';
import { createMasterLiveness } from './master/master-liveness.ts';
import { createMasterPool } from './master/master-pool.ts';
import { createHistoryStore } from './history/history-store.ts';
import { GatewayMemory } from './gateways/gateway-memory.ts';
import { createLiveHub } from './live/live-hub.ts';
import { revokeLiveSessions } from './live/session-revocation.ts';
import { healthRouter } from './ops/health.ts';
import { createScaleOut } from './scale/scale-out.ts';
import { createStorage } from './scale/storage.ts';
import { webAppRouter } from './ops/web-app.ts';

export type { Bff, BffDeps } from './app/types.ts';

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
  // The REST routes' pool fails fast while the master is known not to answer (guarded-pool.ts),
  // and its concurrent identical reads share one call (shared-reads.ts). The live hub reads on its
  // own: it must never apply a list read that started before a change it has already applied.
  // Device lists are served from the live hub's state (devices/device-index.ts); the routes' own
  // changes mark what they touch stale until the hub has re-read it (devices/write-tracker.ts).
  const deviceIndex = new DeviceIndex({
    logger: logger.child({ module: 'device-index' }),
    ...(deps.deviceResyncMs ? { resyncMs: deps.deviceResyncMs } : {}),
  });
  const restPool = guardedPool(
    sharedReads(trackWrites(pool, deviceIndex), (method) => metrics.readsJoined.inc({ method })),
    liveness,
  );
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
  let starting = false;
  app.use(
    healthRouter({
      pool,
      isDraining,
      isStarting: () => starting,
      storage: health,
      getSessionUser,
      checkRedis: scale?.checkRedis,
    }),
  );

  const history = createHistoryStore(db, {
    ...config.history,
    reporter: health,
    ...(deps.historyWriter ? { writer: deps.historyWriter } : {}),
  });
  health.watch('history', () => history.pending());
  health.watch('audit', () => audit.pending());
  const labels = createLabelStore(db);
  app.use(
    metricsRouter({
      token: config.metrics?.token ?? null,
      metrics,
      pool: restPool,
      socketCount: () => io.of('/').sockets.size,
      deviceIndex,
    }),
  );
  // Shared by the live hub (which sees gateways leave and return) and the REST routes.
  const gatewayMemory = new GatewayMemory();
  const routerDeps = {
    pool: restPool,
    audit,
    accounts,
    auth,
    userThrottle,
    addressThrottle,
    loginRate,
    loginGuard,
    serializer: storage.serializer,
    logger,
    history: deps.history ?? history,
    deviceRows: new DeviceRowCache(),
    deviceIndex,
    labels,
    gatewayMemory,
  } satisfies RouterDeps;
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
  const api = apiRouter({
    routes: routerDeps,
    isDraining,
    health,
    db,
    history,
    unguardedPool: pool,
    alerts: alerts.router,
  });
  app.use(API_PREFIX, api);

  app.use(webAppRouter(config.webDistDir));
  app.use((req, _res, next) => next(problem(404, `no route ${req.method} ${req.path}`)));

  app.use(errorHandler(logger));

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
    state: deviceIndex.state,
    ...(deps.sessionCheckMs ? { sessionCheckMs: deps.sessionCheckMs } : {}),
    ...(scale ? { streams: scale.streams } : {}),
  });
  deviceIndex.attach(live);
  hooks.push(
    () => deviceIndex.stop(),
    () => alerts.stop(),
    () => liveness.stop(),
    () => live.stop(),
    () => history.close(),
    () => audit.close(),
  );
  // Tenant API changes move gateways between tenants: the hub must follow now, not at its next poll.
  pool.onInvalidate(() => void live.refresh());
  // Once the first lists are in, between requests: the first Devices page load finds its rows built.
  // Not once shutdown has begun: the first lists may come in while it closes the database.
  const warmRows = () => {
    if (draining) return;
    try {
      warmDeviceRows(routerDeps);
    } catch (error) {
      logger.warn('device rows not built ahead', { error });
    }
  };
  void live.start().then(
    () => setImmediate(warmRows),
    (error: unknown) => logger.error('live: start failed', { error }),
  );
  alerts.start();
  liveness.start();

  const close = createShutdown({
    server,
    io,
    db,
    pool,
    logger,
    drainTimeoutMs: deps.drainTimeoutMs ?? 10_000,
    hooks,
    startDraining: () => {
      draining = true;
    },
    ...(scale ? { closeScale: () => scale.close() } : {}),
  });

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
      // The port answers before the first admin exists (its password hash takes a moment): /readyz
      // says "starting" until then, so whoever waits for ready can sign in at once.
      starting = true;
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
      const boot = await bootstrapAdmin(accounts, config.adminUser, config.adminPassword);
      starting = false;
      bff.generatedAdminPassword = boot.generatedPassword;
      if (boot.created)
        logger.info('admin account created', {
          username: config.adminUser,
          generatedPassword: boot.generatedPassword !== undefined,
        });
      return address;
    },
    close,
  };
  return bff;
}
