// Synchronous connect: the gateway dials one device now and reports its ID.
import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';

export function connectRouter(deps: RouterDeps): Router {
  const router = Router();

  defineRoute(router, route('gateways.connect'), deps, async ({ user, params, body, audit }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    audit.summary = `connect ${body.IPAddr}:${body.port}${body.useSSL ? ' (SSL)' : ''}`;
    const { deviceID } = await client.connectMaster.connect({
      gatewayID: params.gatewayID,
      connectInfo: body,
    });
    audit.deviceIDs = [deviceID];
    return { deviceID };
  });

  return router;
}
