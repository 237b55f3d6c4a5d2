import { Router } from 'express';
import { route, type SlaveDeviceInfo } from '@cmc/api';
import { defineRoute } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';

const copy = (list: SlaveDeviceInfo[]): SlaveDeviceInfo[] =>
  list.map((s) => ({
    deviceID: s.deviceID,
    rs485SlaveDeviceIDs: [...s.rs485SlaveDeviceIDs],
    wiegandSlaveDeviceIDs: [...s.wiegandSlaveDeviceIDs],
  }));

export function slavesRouter(deps: RouterDeps): Router {
  const router = Router();
  defineRoute(router, route('slaves.get'), deps, async ({ user, params }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    const [session, db] = await Promise.all([
      client.connectMaster.getSlaveDevice({ gatewayID: params.gatewayID }),
      client.connectMaster.getSlaveDeviceDB({ gatewayID: params.gatewayID }),
    ]);
    return { session: copy(session.slaveDeviceInfos), db: copy(db.slaveDeviceInfos) };
  });
  defineRoute(router, route('slaves.set-session'), deps, async ({ user, params, body, audit }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    audit.deviceIDs = body.slaveDeviceInfos.map((s) => s.deviceID);
    await client.connectMaster.setSlaveDevice({
      gatewayID: params.gatewayID,
      slaveDeviceInfos: body.slaveDeviceInfos,
    });
    return { ok: true as const };
  });
  defineRoute(router, route('slaves.add-db'), deps, async ({ user, params, body, audit }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    audit.deviceIDs = body.slaveDeviceInfos.map((s) => s.deviceID);
    await client.connectMaster.addSlaveDeviceDB({
      gatewayID: params.gatewayID,
      slaveDeviceInfos: body.slaveDeviceInfos,
    });
    return { ok: true as const };
  });
  defineRoute(router, route('slaves.delete-db'), deps, async ({ user, params, body }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    await client.connectMaster.deleteSlaveDeviceDB({
      gatewayID: params.gatewayID,
      deviceIDs: body.deviceIDs,
    });
    return { ok: true as const };
  });
  return router;
}
