// Connections a gateway lost when it reconnected to the master: the notice (any signed-in user, on
// the gateways they may see) and the one admin action that restores them, either as they were
// (session AddAsyncConnection / one-off Connect: lost again at the next reconnect) or saved to the
// master's database (AddAsyncConnectionDB: re-applied at every reconnect).
import { Router } from 'express';
import { route, type LostDevice, type RestoreLostResponse } from '@cmc/api';
import { defineRoute, errorMessage } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { GatewayMemory } from './gateway-memory.ts';

type Result = RestoreLostResponse['results'][number];

const connectInfo = (d: LostDevice) => ({
  deviceID: d.deviceID,
  IPAddr: d.IPAddr,
  port: d.port,
  useSSL: d.useSSL,
});

export function lostConnectionsRouter(deps: RouterDeps & { gatewayMemory: GatewayMemory }): Router {
  const router = Router();
  const memory = deps.gatewayMemory;

  defineRoute(router, route('lost-connections.list'), deps, async ({ user }) => ({
    notices: memory.noticesFor(await deps.pool.gatewaysFor(user)),
  }));

  defineRoute(
    router,
    route('lost-connections.restore'),
    deps,
    async ({ user, params, body, audit }): Promise<RestoreLostResponse> => {
      const { gatewayID } = params;
      const { client } = await accessGateway(deps.pool, user, gatewayID);
      const lost = new Map(memory.lostDevices(gatewayID).map((d) => [d.deviceID, d]));
      const unknown = body.deviceIDs.map((id, i) => ({ id, i })).filter(({ id }) => !lost.has(id));
      if (unknown.length > 0)
        throw problem(
          404,
          unknown
            .map(({ id }) => `device ${id} is not among the connections gateway ${gatewayID} lost`)
            .join('; '),
          unknown.map(({ id, i }) => ({
            path: `body.deviceIDs.${i}`,
            message: `device ${id} is not among the connections gateway ${gatewayID} lost`,
          })),
        );
      const devices = body.deviceIDs.map((id) => lost.get(id)!);
      const results = new Map<number, Result>();
      const settle = async (group: LostDevice[], call: () => Promise<unknown>) => {
        if (group.length === 0) return;
        try {
          await call();
          for (const d of group) results.set(d.deviceID, { deviceID: d.deviceID, ok: true });
        } catch (error) {
          for (const d of group)
            results.set(d.deviceID, {
              deviceID: d.deviceID,
              ok: false,
              error: errorMessage(error),
            });
        }
      };
      if (body.saveToDatabase) {
        await settle(devices, () =>
          client.connectMaster.addAsyncConnectionDB({
            gatewayID,
            connectInfos: devices.map(connectInfo),
          }),
        );
      } else {
        const asyncs = devices.filter((d) => d.kind === 'async');
        await settle(asyncs, () =>
          client.connectMaster.addAsyncConnection({
            gatewayID,
            connectInfos: asyncs.map(connectInfo),
          }),
        );
        // One-off connections are one Connect each; a device that does not answer fails alone.
        for (const d of devices.filter((x) => x.kind === 'sync'))
          await settle([d], () =>
            client.connectMaster.connect({
              gatewayID,
              connectInfo: { IPAddr: d.IPAddr, port: d.port, useSSL: d.useSSL },
            }),
          );
      }
      const ordered = body.deviceIDs.map((id) => results.get(id)!);
      memory.resolve(
        gatewayID,
        ordered.filter((r) => r.ok).map((r) => r.deviceID),
      );
      audit.summary = `re-apply ${devices.length} lost connections ${
        body.saveToDatabase ? "saved to the master's database" : 'as before (session / one-off)'
      }`;
      const failed = ordered.filter((r) => !r.ok);
      if (failed.length > 0)
        audit.error = failed.map((r) => `device ${r.deviceID}: ${r.error ?? 'failed'}`).join('; ');
      return { results: ordered };
    },
  );

  defineRoute(router, route('lost-connections.dismiss'), deps, async ({ user, params, audit }) => {
    await accessGateway(deps.pool, user, params.gatewayID);
    audit.deviceIDs = memory.lostDevices(params.gatewayID).map((d) => d.deviceID);
    memory.dismiss(params.gatewayID);
    return { ok: true as const };
  });

  return router;
}
