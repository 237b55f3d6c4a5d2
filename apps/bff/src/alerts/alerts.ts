// The alerts module, built once in app.ts: stores, watch state fed by the live hub (through a tap on
// its history and its gateway-flag listener), the evaluator, webhook notifications, live alarm
// events and the routers. See docs/alerts.md.
import type { Alarm } from '@cmc/api';
import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { GetSessionUser } from '../auth/types.ts';
import type { Db } from '../db/database.ts';
import type { RouteDeps } from '../http/define-route.ts';
import type { LiveHistory, LivePool } from '../live/types.ts';
import type { Logger } from '../logger.ts';
import type { BffMetrics } from '../metrics/registry.ts';
import { attachAlarmSockets, emitAlarm } from './alarms/alarm-socket.ts';
import { createAlarmStore } from './alarms/alarm-store.ts';
import { alarmsRouter } from './alarms/router.ts';
import { startAlertLease, type AlertLease } from './evaluator/alert-lease.ts';
import { createEvaluator, type AlarmEventKind } from './evaluator/evaluator.ts';
import { readHistorySeeds } from './evaluator/history-seed.ts';
import { WatchState } from './evaluator/watch-state.ts';
import { createRuleStore } from './rules/rule-store.ts';
import { rulesRouter } from './rules/router.ts';
import { createDeliveryStore } from './webhooks/delivery-store.ts';
import { createNotifier, type NotifierOptions } from './webhooks/notifier.ts';
import { webhooksRouter } from './webhooks/router.ts';
import { createWebhookStore } from './webhooks/webhook-store.ts';

export interface AlertsOptions {
  /** How often rules are evaluated; default 1,000 ms. */
  evalIntervalMs?: number;
  /** How often the tenant → gateways map is re-read for tenant-scoped rules; default 10,000 ms. */
  tenantRefreshMs?: number;
  notifier?: NotifierOptions;
}

export interface AlertsDeps extends RouteDeps {
  db: Db;
  /** Read when needed: app.ts builds the routers before the socket.io server. */
  io: () => Server;
  pool: Pick<LivePool, 'tenants' | 'gatewaysFor'>;
  getSessionUser: GetSessionUser;
  logger: Logger;
  /** Scaled out: evaluate only while holding the alert lease. null/absent: one process. */
  lease?: { redis: Redis; token: string } | null;
  options?: AlertsOptions;
  /** cmc_alarms_active (severity="all": rules have no severity) and cmc_webhook_deliveries_total. */
  metrics?: Pick<BffMetrics, 'alarmsActive' | 'webhookDeliveries'>;
}

export interface Alerts {
  /** Wraps the live hub's history so every status change it sees reaches the watch state too. */
  tapHistory(history: LiveHistory): LiveHistory;
  /** For the live hub's onGatewayFlag. */
  onGatewayFlag(gatewayID: string, connected: boolean): void;
  router: Router;
  /** Whether this instance evaluates (tests, /readyz-like checks). */
  evaluating(): boolean;
  /** One evaluation now (tests). */
  evaluate(): void;
  start(): void;
  stop(): Promise<void>;
}

export function createAlerts(deps: AlertsDeps): Alerts {
  const logger = deps.logger.child({ module: 'alerts' });
  const rules = createRuleStore(deps.db);
  const alarms = createAlarmStore(deps.db);
  const webhooks = createWebhookStore(deps.db);
  const deliveries = createDeliveryStore(deps.db);
  let seeds;
  try {
    seeds = readHistorySeeds(deps.db, Date.now(), 24 * 3600_000);
  } catch (error) {
    // Without seeds a device down before the start counts from its first observation: late, not wrong.
    logger.warn('alerts: connection history not readable for seeding', { error });
  }
  const state = new WatchState(seeds);
  const tenantOfGateway = new Map<string, string>();
  let lease: AlertLease | undefined;
  const evaluating = (): boolean => (deps.lease ? (lease?.holding() ?? false) : true);

  const notifier = createNotifier({
    webhooks,
    deliveries,
    isSender: evaluating,
    logger,
    onOutcome: (outcome) => deps.metrics?.webhookDeliveries.inc({ outcome }),
    ...(deps.options?.notifier ? { options: deps.options.notifier } : {}),
  });
  const onAlarm = (event: AlarmEventKind, alarm: Alarm): void => {
    logger.info(`alerts: alarm ${event}`, {
      alarmID: alarm.id,
      ruleID: alarm.ruleID,
      message: alarm.message,
    });
    const tenantID = alarm.gatewayID === null ? undefined : tenantOfGateway.get(alarm.gatewayID);
    emitAlarm(deps.io(), alarm, tenantID);
    countActive();
    try {
      notifier.notify(event, alarm);
    } catch (error) {
      logger.error('alerts: webhook deliveries not queued', { error, alarmID: alarm.id });
    }
  };
  const evaluator = createEvaluator({
    rules,
    alarms,
    state,
    tenantOf: (gatewayID) => tenantOfGateway.get(gatewayID),
    isEvaluator: evaluating,
    onAlarm,
    logger,
  });

  let tenantTimer: NodeJS.Timeout | undefined;
  let metricsTimer: NodeJS.Timeout | undefined;
  // Every instance answers /metrics: each reads the shared count, not only the evaluator.
  function countActive(): void {
    try {
      deps.metrics?.alarmsActive.set({ severity: 'all' }, alarms.summary().active);
    } catch (error) {
      logger.warn('alerts: active alarms not countable', { error });
    }
  }
  async function refreshTenants(): Promise<void> {
    try {
      const tenants = await deps.pool.tenants();
      tenantOfGateway.clear();
      for (const t of tenants) for (const id of t.gatewayIDs) tenantOfGateway.set(id, t.tenantID);
    } catch (error) {
      logger.warn('alerts: tenant map not readable', { error });
    }
  }

  const router = Router();
  router.use(rulesRouter({ audit: deps.audit, rules }));
  router.use(alarmsRouter({ audit: deps.audit, alarms, pool: deps.pool, onAlarm }));
  router.use(webhooksRouter({ audit: deps.audit, webhooks, deliveries, alarms, notifier }));

  const observe = (change: { deviceID: number; gatewayID: string; status: number; at: number }) => {
    try {
      state.device(change);
    } catch (error) {
      logger.warn('alerts: status change not watched', { error });
    }
  };

  return {
    tapHistory: (history) => ({
      record(change) {
        history.record(change);
        observe(change);
      },
      observe(change) {
        history.observe(change);
        observe(change);
      },
    }),
    onGatewayFlag: (gatewayID, connected) => state.gateway(gatewayID, connected, Date.now()),
    router,
    evaluating,
    evaluate: () => evaluator.tick(),
    start() {
      attachAlarmSockets(deps.io(), deps.getSessionUser, logger);
      if (deps.lease)
        lease = startAlertLease({ redis: deps.lease.redis, token: deps.lease.token, logger });
      void refreshTenants();
      tenantTimer = setInterval(
        () => void refreshTenants(),
        deps.options?.tenantRefreshMs ?? 10_000,
      );
      tenantTimer.unref();
      evaluator.start(deps.options?.evalIntervalMs ?? 1000);
      if (deps.metrics) {
        countActive();
        metricsTimer = setInterval(countActive, 5000);
        metricsTimer.unref();
      }
      notifier.start();
    },
    async stop() {
      if (tenantTimer) clearInterval(tenantTimer);
      if (metricsTimer) clearInterval(metricsTimer);
      evaluator.stop();
      await notifier.stop();
      await lease?.stop();
    },
  };
}
