// GET /devices/:deviceID/history and GET /gateways/:gatewayID/connected-series (mounted under /api/v1).
// Tenant users see only rows of their tenant's gateways; a device or gateway outside them is refused
// without saying whether it exists.
import { Router } from 'express';
import { route, type ConnectedSeries, type HistoryPage, type RecentChanges } from '@cmc/api';
import { defineRoute, type RouteDeps } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { LivePool } from '../live/types.ts';
import { deviceStatusName } from '@cmc/gsdk/names';
import type { HistoryStore } from './history-store.ts';
import type { RecentChangesReader } from './recent-changes.ts';

export interface HistoryRouterDeps extends RouteDeps {
  history: HistoryStore;
  pool: Pick<LivePool, 'gatewaysFor'>;
  recent?: RecentChangesReader;
}

export function historyRouter(deps: HistoryRouterDeps): Router {
  const router = Router();

  defineRoute(
    router,
    route('history.device'),
    deps,
    async ({ user, params, query }): Promise<HistoryPage> => {
      const { deviceID } = params;
      const seenOn = deps.history.gatewayOf(deviceID);
      const visible = user.role === 'admin' ? undefined : await deps.pool.gatewaysFor(user);
      if (seenOn === undefined || (visible && !visible.includes(seenOn))) {
        throw problem(
          404,
          `no connection history for device ${deviceID} on the gateways you can see`,
        );
      }
      const page = await deps.history.page(deviceID, {
        limit: query.limit,
        ...(query.cursor === undefined ? {} : { beforeID: Number(query.cursor) }),
        ...(visible ? { gatewayIDs: visible } : {}),
      });
      const facts = deps.history.facts([deviceID]).get(deviceID) ?? {
        lastConnectedAt: null,
        lastDisconnectedAt: null,
        lastFailure: null,
        flapping: false,
      };
      return {
        deviceID,
        items: page.items.map((r) => ({
          deviceID: r.deviceID,
          gatewayID: r.gatewayID,
          status: r.status,
          statusName: deviceStatusName(r.status),
          at: new Date(r.at).toISOString(),
        })),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
        facts,
      };
    },
  );

  defineRoute(
    router,
    route('history.connected-series'),
    deps,
    async ({ user, params, query }): Promise<ConnectedSeries> => {
      const { gatewayID } = params;
      const { from, to, stepSeconds } = query;
      const visible = await deps.pool.gatewaysFor(user);
      let scope: string[] | 'all';
      if (gatewayID === 'all') scope = user.role === 'admin' ? 'all' : visible;
      else if (visible.includes(gatewayID)) scope = [gatewayID];
      else if (user.role === 'admin')
        throw problem(404, `gateway ${gatewayID} is not known to the master`);
      else
        throw problem(
          403,
          `gateway ${gatewayID} is not one of tenant ${user.tenantID ?? '?'}'s gateways`,
        );
      const stepMs = stepSeconds * 1000;
      const counts = await deps.history.connectedSeries(scope, from, to, stepMs);
      return {
        gatewayID,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        stepSeconds,
        points: counts.map((connected, k) => ({
          t: new Date(from + k * stepMs).toISOString(),
          connected,
        })),
      };
    },
  );

  const recent = deps.recent;
  if (recent) {
    defineRoute(
      router,
      route('history.recent'),
      deps,
      async ({ user, query }): Promise<RecentChanges> => {
        const scope = user.role === 'admin' ? 'all' : await deps.pool.gatewaysFor(user);
        return {
          items: (await recent.recent(scope, query.limit)).map((r) => ({
            deviceID: r.deviceID,
            gatewayID: r.gatewayID,
            status: r.status,
            statusName: deviceStatusName(r.status),
            at: new Date(r.at).toISOString(),
          })),
        };
      },
    );
  }

  return router;
}
