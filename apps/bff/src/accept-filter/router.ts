// Accept filters (session and DB) of one gateway and the pending list of devices they refused.
import { Router } from 'express';
import { MAX_DEVICE_IDS_PER_CALL, route } from '@cmc/api';
import { deviceTypeName } from '@cmc/gsdk';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { readAcceptFilters } from './accept-filter.ts';

export function acceptFilterRouter(deps: RouterDeps): Router {
  const router = Router();
  const gateway = (user: Parameters<typeof accessGateway>[1], gatewayID: string) =>
    accessGateway(deps.pool, user, gatewayID);
  // Every write to a gateway's filters goes through this, so an accept never reads a filter that
  // another change (through this instance or, scaled out, another) is about to overwrite.
  const oneAtATime = deps.serializer(
    'accept-filter',
    (gatewayID) => `the accept filters of gateway ${gatewayID}`,
  );

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
      return oneAtATime(params.gatewayID, async () => {
        await client.connectMaster.setAcceptFilter({
          gatewayID: params.gatewayID,
          filter: body.filter,
        });
        return readAcceptFilters(client, params.gatewayID);
      });
    },
  );
  defineRoute(
    router,
    route('accept-filter.set-db'),
    deps,
    async ({ user, params, body, audit }) => {
      const { client } = await gateway(user, params.gatewayID);
      audit.deviceIDs = body.filter.deviceIDs;
      return oneAtATime(params.gatewayID, async () => {
        await client.connectMaster.setAcceptFilterDB({
          gatewayID: params.gatewayID,
          filter: body.filter,
        });
        return readAcceptFilters(client, params.gatewayID);
      });
    },
  );

  defineRoute(
    router,
    route('accept-filter.change-devices'),
    deps,
    async ({ user, params, body, audit }) => {
      const { client } = await gateway(user, params.gatewayID);
      audit.deviceIDs = [...body.add, ...body.remove];
      return oneAtATime(params.gatewayID, async () => {
        const current = (await readAcceptFilters(client, params.gatewayID))[body.store];
        const ids = new Set(current.deviceIDs);
        for (const id of body.remove) ids.delete(id);
        for (const id of body.add) ids.add(id);
        if (ids.size > MAX_DEVICE_IDS_PER_CALL)
          throw problem(
            409,
            `the ${body.store} accept filter would list ${ids.size} device IDs; it holds at most ${MAX_DEVICE_IDS_PER_CALL}`,
          );
        const filter = { ...current, deviceIDs: [...ids] };
        if (body.store === 'session')
          await client.connectMaster.setAcceptFilter({ gatewayID: params.gatewayID, filter });
        else await client.connectMaster.setAcceptFilterDB({ gatewayID: params.gatewayID, filter });
        return readAcceptFilters(client, params.gatewayID);
      });
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
