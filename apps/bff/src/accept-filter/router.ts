// Accept filters (session and DB) of one gateway and the pending list of devices they refused.
import { Router } from 'express';
import { route } from '@cmc/api';
import { deviceTypeName } from '@cmc/gsdk';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { readAcceptFilters } from './accept-filter.ts';

export function acceptFilterRouter(deps: RouterDeps): Router {
  const router = Router();
  const gateway = (user: Parameters<typeof accessGateway>[1], gatewayID: string) =>
    accessGateway(deps.pool, user, gatewayID);

  defineRoute(router, route('accept-filter.get'), deps, async ({ user, params }) => {
    const { client } = await gateway(user, params.gatewayID);
    return readAcceptFilters(client, params.gatewayID);
  });
  defineRoute(
    router,
    route('accept-filter.set-session'),
    deps,
    async ({ user, params, body, audit }) => {
      const { client } = await gateway(user, params.gatewayID);
      audit.deviceIDs = body.filter.deviceIDs;
      await client.connectMaster.setAcceptFilter({
        gatewayID: params.gatewayID,
        filter: body.filter,
      });
      return readAcceptFilters(client, params.gatewayID);
    },
  );
  defineRoute(
    router,
    route('accept-filter.set-db'),
    deps,
    async ({ user, params, body, audit }) => {
      const { client } = await gateway(user, params.gatewayID);
      audit.deviceIDs = body.filter.deviceIDs;
      await client.connectMaster.setAcceptFilterDB({
        gatewayID: params.gatewayID,
        filter: body.filter,
      });
      return readAcceptFilters(client, params.gatewayID);
    },
  );

  defineRoute(router, route('pending.list'), deps, async ({ user, params }) => {
    const { client } = await gateway(user, params.gatewayID);
    const { deviceInfos } = await client.connectMaster.getPendingList({
      gatewayID: params.gatewayID,
    });
    return {
      devices: deviceInfos.map((d) => ({
        deviceID: d.deviceID,
        type: deviceTypeName(d.type),
        IPAddr: d.IPAddr,
        // lastTry is unix seconds on the wire.
        lastTry: new Date(d.lastTry * 1000).toISOString(),
      })),
    };
  });

  return router;
}
