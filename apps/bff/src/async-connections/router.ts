// Async connections of one gateway: the session list (the gateway's own) and the DB list (the master's).
import { Router } from 'express';
import { route } from '@cmc/api';
import { defineRoute, errorMessage } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { sessionAsyncConnections } from './session-async.ts';

export function asyncConnectionsRouter(deps: RouterDeps): Router {
  const router = Router();
  const gateway = (user: Parameters<typeof accessGateway>[1], gatewayID: string) =>
    accessGateway(deps.pool, user, gatewayID);

  defineRoute(router, route('async.list'), deps, async ({ user, params }) => {
    const { client } = await gateway(user, params.gatewayID);
    // The DB list lives in the master and reads fine while the gateway is offline; the session
    // list is the gateway's own and does not: show what can be read and say why the rest cannot.
    const [session, db] = await Promise.all([
      sessionAsyncConnections(client, params.gatewayID).then(
        (list) => ({ list, error: undefined }),
        (error: unknown) => ({ list: [], error: errorMessage(error) }),
      ),
      client.connectMaster.getAsyncConnectionDB({ gatewayID: params.gatewayID }),
    ]);
    return {
      session: session.list,
      ...(session.error === undefined ? {} : { sessionError: session.error }),
      db: db.connectInfos.map((c) => ({
        deviceID: c.deviceID,
        IPAddr: c.IPAddr,
        port: c.port,
        useSSL: c.useSSL,
      })),
    };
  });

  defineRoute(router, route('async.add-session'), deps, async ({ user, params, body }) => {
    const { client } = await gateway(user, params.gatewayID);
    await client.connectMaster.addAsyncConnection({
      gatewayID: params.gatewayID,
      connectInfos: body.connectInfos,
    });
    return { ok: true as const };
  });
  defineRoute(router, route('async.add-db'), deps, async ({ user, params, body }) => {
    const { client } = await gateway(user, params.gatewayID);
    await client.connectMaster.addAsyncConnectionDB({
      gatewayID: params.gatewayID,
      connectInfos: body.connectInfos,
    });
    return { ok: true as const };
  });
  defineRoute(router, route('async.delete-session'), deps, async ({ user, params, body }) => {
    const { client } = await gateway(user, params.gatewayID);
    await client.connectMaster.deleteAsyncConnection({
      gatewayID: params.gatewayID,
      deviceIDs: body.deviceIDs,
    });
    return { ok: true as const };
  });
  defineRoute(router, route('async.delete-db'), deps, async ({ user, params, body }) => {
    const { client } = await gateway(user, params.gatewayID);
    await client.connectMaster.deleteAsyncConnectionDB({
      gatewayID: params.gatewayID,
      deviceIDs: body.deviceIDs,
    });
    return { ok: true as const };
  });

  return router;
}
