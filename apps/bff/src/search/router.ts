// Search of one gateway's subnet for devices, each marked whether the gateway already manages it.
import { Router } from 'express';
import { route } from '@cmc/api';
import { connectionModeName, deviceTypeName } from '@cmc/gsdk';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';

export function searchRouter(deps: RouterDeps): Router {
  const router = Router();

  defineRoute(router, route('gateways.search'), deps, async ({ user, params, body }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    const [found, managed] = await Promise.all([
      // The gateway waits `timeout` ms for answers; the call deadline leaves room for the reply.
      client.connectMaster.searchDevice(
        { gatewayID: params.gatewayID, timeout: body.timeoutMs },
        { deadlineMs: body.timeoutMs + 10_000 },
      ),
      client.connectMaster.getDeviceList({ gatewayID: params.gatewayID }),
    ]);
    const managedIDs = new Set(managed.deviceInfos.map((d) => d.deviceID));
    return {
      gatewayID: params.gatewayID,
      devices: found.deviceInfos.map((d) => ({
        deviceID: d.deviceID,
        type: deviceTypeName(d.type),
        useDHCP: d.useDHCP,
        connectionMode: connectionModeName(d.connectionMode) as
          'SERVER_TO_DEVICE' | 'DEVICE_TO_SERVER',
        IPAddr: d.IPAddr,
        port: d.port,
        useSSL: d.useSSL,
        serverAddr: d.serverAddr,
        managed: managedIDs.has(d.deviceID),
      })),
    };
  });

  return router;
}
