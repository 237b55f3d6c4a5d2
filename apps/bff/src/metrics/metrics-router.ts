// GET /metrics in the Prometheus text format. Guarded by a bearer token (METRICS_TOKEN): the figures
// name gateways of every tenant, so no anonymous caller may read them. Without a token the endpoint
// does not exist (404), so a console that never set one exposes nothing new.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { problem } from '../http/problem.ts';
import { deviceStatusName } from '@cmc/gsdk/names';
import type { DeviceIndex } from '../devices/device-index.ts';
import { readDeviceLists } from '../devices/device-service.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { BffMetrics } from './registry.ts';

export interface MetricsRouterDeps {
  token: string | null;
  metrics: BffMetrics;
  pool: MasterPool;
  socketCount: () => number;
  /** The live hub's devices: a gateway it may serve is counted from memory, not read (issue 12). */
  deviceIndex?: DeviceIndex;
}

/** The scrape reads as an administrator would: every gateway of the master. */
const SCRAPER = { id: 0, username: 'metrics', role: 'admin' as const, tenantID: null };

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

export function metricsRouter(deps: MetricsRouterDeps): Router {
  const router = Router();
  const expected = deps.token === null ? null : digest(deps.token);
  router.get('/metrics', async (req, res, next) => {
    if (expected === null)
      return next(problem(404, 'metrics are disabled: set METRICS_TOKEN to enable GET /metrics'));
    const header = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/i.exec(header)?.[1]?.trim();
    // Hashes have one length, so the comparison takes the same time whatever was sent.
    if (given === undefined || !timingSafeEqual(digest(given), expected))
      return next(
        problem(
          401,
          given === undefined
            ? 'send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"'
            : 'the metrics token is wrong',
          undefined,
          { 'WWW-Authenticate': 'Bearer realm="metrics"' },
        ),
      );
    await refreshGauges(deps);
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

async function refreshGauges(deps: MetricsRouterDeps): Promise<void> {
  const { metrics } = deps;
  metrics.socketSessions.set(deps.socketCount());
  metrics.gatewayUp.reset();
  metrics.devicesByStatus.reset();
  try {
    // Gateway.GetList + Gateway.Get with the admin token: the master's own word on who is up.
    const admin = deps.pool.admin();
    const { gatewayIDs } = await admin.gateway.getList({}, { deadlineMs: 3000 });
    const { gatewayInfos } = gatewayIDs.length
      ? await admin.gateway.get({ gatewayIDs }, { deadlineMs: 3000 })
      : { gatewayInfos: [] };
    let up = 0;
    for (const info of gatewayInfos) {
      metrics.gatewayUp.set({ gateway: info.gatewayID }, info.isConnected ? 1 : 0);
      if (info.isConnected) up++;
    }
    metrics.gatewaysUp.set(up);
    metrics.masterUp.set(1);
    // Per gateway, the live hub's devices when it may serve them (live, read, not waiting for a
    // re-read after one of the console's changes: what the Devices page shows), else the managed
    // list read from the master with the gateway's tenant token. Reading all 100 lists of a
    // 100,000-device master took 310-541 ms a scrape and blocked the event loop up to 63 ms.
    const count = <D>(gatewayID: string, devices: Iterable<D>, statusOf: (d: D) => string) => {
      const counts = new Map<string, number>();
      for (const d of devices) {
        const status = statusOf(d);
        counts.set(status, (counts.get(status) ?? 0) + 1);
      }
      for (const [status, n] of counts)
        metrics.devicesByStatus.set({ gateway: gatewayID, status }, n);
    };
    const held = new Map(gatewayIDs.map((id) => [id, deps.deviceIndex?.servable(id)]));
    for (const [gatewayID, gw] of held)
      if (gw) count(gatewayID, gw.devices.values(), (d) => d.status);
    const unheld = gatewayIDs.filter((id) => !held.get(id));
    for (const { gatewayID, devices } of await readDeviceLists(deps.pool, SCRAPER, unheld))
      count(gatewayID, devices ?? [], (d) => deviceStatusName(d.status));
  } catch {
    // The scrape still answers: cmc_master_up 0 says why the gateway figures are missing.
    metrics.masterUp.set(0);
    metrics.gatewaysUp.reset();
  }
}
