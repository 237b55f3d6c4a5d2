// GET /reports/availability and /reports/availability.csv (under /api/v1). Tenant users get rows of
// their own gateways only; asking for another tenant's gateway is refused without saying more.
import { Router } from 'express';
import { route, type AvailabilityQueryParsed, type AvailabilityReport } from '@cmc/api';
import type { Database } from 'better-sqlite3';
import type { SessionUser } from '../auth/types.ts';
import { defineCsvRoute } from '../http/csv-reply.ts';
import { defineRoute, type RouteDeps } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { readAvailability } from './availability-query.ts';
import { reportRows } from './report-rows.ts';

export interface ReportsRouterDeps extends RouteDeps {
  db: Database;
  pool: Pick<MasterPool, 'gatewaysFor' | 'tenants'>;
  /**
   * Writes queued history rows first, so the report includes the latest changes; awaited, not
   * waited for on the event loop (a synchronous flush held every live session while the history
   * worker wrote).
   */
  flushHistory: () => Promise<unknown>;
}

export function reportsRouter(deps: ReportsRouterDeps): Router {
  const router = Router();

  async function build(user: SessionUser, q: AvailabilityQueryParsed): Promise<AvailabilityReport> {
    let gatewayIDs: string[] | 'all' =
      user.role === 'admin' ? 'all' : await deps.pool.gatewaysFor(user);
    if (q.gatewayID !== undefined) {
      if (gatewayIDs !== 'all' && !gatewayIDs.includes(q.gatewayID))
        throw problem(
          403,
          `gateway ${q.gatewayID} is not one of tenant ${user.tenantID ?? '?'}'s gateways`,
        );
      gatewayIDs = [q.gatewayID];
    }
    const tenants = await deps.pool.tenants();
    const owner = new Map<string, string>();
    for (const t of tenants) for (const g of t.gatewayIDs) owner.set(g, t.tenantID);
    await deps.flushHistory();
    const devices = readAvailability(deps.db, { gatewayIDs, from: q.from, to: q.to });
    return {
      groupBy: q.groupBy,
      period: q.period,
      from: new Date(q.from).toISOString(),
      to: new Date(q.to).toISOString(),
      rows: reportRows(devices, q.groupBy, (g) => owner.get(g) ?? null),
    };
  }

  defineRoute(router, route('reports.availability'), deps, ({ user, query }) => build(user, query));

  defineCsvRoute(router, route('reports.availability-csv'), async ({ user, query }) => {
    const report = await build(user, query);
    const stamp = (iso: string) => iso.replace(/[:.]/g, '-');
    const fixed = (n: number | null, digits: number) => (n === null ? null : n.toFixed(digits));
    return {
      filename: `availability-by-${report.groupBy}-${stamp(report.from)}-${stamp(report.to)}.csv`,
      header: [
        report.groupBy,
        'gatewayID',
        'tenantID',
        'devices',
        'availabilityPercent',
        'drops',
        'longestOutageSeconds',
        'meanTimeToReconnectSeconds',
        'connectedSeconds',
        'observedSeconds',
        'downAtEnd',
        'from',
        'to',
      ],
      rows: report.rows.map((r) => [
        r.key,
        r.gatewayID,
        r.tenantID,
        r.devices,
        fixed(r.availabilityPercent, 3),
        r.drops,
        fixed(r.longestOutageSeconds, 3),
        fixed(r.meanTimeToReconnectSeconds, 3),
        fixed(r.connectedSeconds, 3),
        fixed(r.observedSeconds, 3),
        r.downAtEnd,
        report.from,
        report.to,
      ]),
    };
  });

  return router;
}
