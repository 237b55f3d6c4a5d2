// Search, sync connect, async connections, accept filter and pending list of one gateway.
import { Router } from 'express';
import { route, type AcceptFilterResponse, type AsyncConnectInfo } from '@cmc/api';
import { ConnectionMode, connectionModeName, deviceTypeName } from '@cmc/gsdk';
import type { GsdkClient } from '@cmc/gsdk';
import { defineRoute, errorMessage } from '../http/define-route.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { toAcceptFilter } from './accept-filter.ts';

/** The master has no getter for session async connections: they are the managed devices it redials. */
export async function sessionAsyncConnections(
  client: GsdkClient,
  gatewayID: string,
): Promise<AsyncConnectInfo[]> {
  const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
  return deviceInfos
    .filter((d) => d.autoReconnect && d.connectionMode === ConnectionMode.SERVER_TO_DEVICE)
    .map((d) => ({ deviceID: d.deviceID, IPAddr: d.IPAddr, port: d.port, useSSL: d.useSSL }));
}

export async function readAcceptFilters(
  client: GsdkClient,
  gatewayID: string,
): Promise<AcceptFilterResponse> {
  const [session, db] = await Promise.all([
    client.connectMaster.getAcceptFilter({ gatewayID }),
    client.connectMaster.getAcceptFilterDB({ gatewayID }),
  ]);
  return { session: toAcceptFilter(session.filter), db: toAcceptFilter(db.filter) };
}

export function connectRouter(deps: RouterDeps): Router {
  const router = Router();
  const gateway = (user: Parameters<typeof accessGateway>[1], gatewayID: string) =>
    accessGateway(deps.pool, user, gatewayID);

  defineRoute(router, route('gateways.search'), deps, async ({ user, params, body }) => {
    const { client } = await gateway(user, params.gatewayID);
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

  defineRoute(router, route('gateways.connect'), deps, async ({ user, params, body, audit }) => {
    const { client } = await gateway(user, params.gatewayID);
    audit.summary = `connect ${body.IPAddr}:${body.port}${body.useSSL ? ' (SSL)' : ''}`;
    const { deviceID } = await client.connectMaster.connect({
      gatewayID: params.gatewayID,
      connectInfo: body,
    });
    audit.deviceIDs = [deviceID];
    return { deviceID };
  });

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
