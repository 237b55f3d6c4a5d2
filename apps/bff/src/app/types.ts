// What createBff (app.ts) takes and returns.
import type http from 'node:http';
import type https from 'node:https';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import type { Server as SocketServer } from 'socket.io';
import type { Alerts, AlertsOptions } from '../alerts/alerts.ts';
import type { ThrottlePolicy } from '../auth/login-throttle.ts';
import type { SessionStore } from '../auth/session-store.ts';
import type { GetSessionUser } from '../auth/types.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { DeviceFactsSource } from '../devices/device-row.ts';
import type { LiveHub } from '../live/live-hub.ts';
import type { Logger } from '../logger.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { BffMetrics } from '../metrics/registry.ts';

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
  /**
   * Where history flushes run (history/history-store.ts): 'worker' (the default for a file database)
   * or 'inline' on the main connection, for tests that fault that connection with PRAGMAs.
   */
  historyWriter?: 'worker' | 'inline';
  /** Milliseconds to wait for open requests during shutdown before cutting them. */
  drainTimeoutMs?: number;
  /** How often live sockets' sessions are re-read to close expired ones (default 60 s). */
  sessionCheckMs?: number;
  /** How often the device index re-reads every gateway the hub follows (devices/device-index.ts); default 30 s. */
  deviceResyncMs?: number;
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
