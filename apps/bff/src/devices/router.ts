// Managed devices (list/detail) and the device commands of one gateway.
import { Router } from 'express';
import { route } from '@cmc/api';
import { ConnectionMode } from '@cmc/gsdk';
import type { GsdkClient } from '@cmc/gsdk';
import { filterAccepts, readAcceptFilters } from '../accept-filter/accept-filter.ts';
import { sessionAsyncConnections } from '../async-connections/session-async.ts';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { accessGateway } from '../master/gateway-access.ts';
import { deviceListJson } from './device-list-json.ts';
import { listDevices } from './device-list.ts';
import { deviceOfUser } from './device-service.ts';
import { describeFailures, multiResults } from './multi-results.ts';
import { describeAction, describeFilter, resolveSelection, runBulk } from './bulk-run.ts';

/** Settled value or null: the detail page shows what it could read. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch {
    return null;
  }
}

/** Refuses device IDs the gateway does not manage, before a command reaches the master. */
async function requireManaged(
  client: GsdkClient,
  gatewayID: string,
  deviceIDs: number[],
): Promise<void> {
  const { deviceInfos } = await client.connectMaster.getDeviceList({ gatewayID });
  const managed = new Set(deviceInfos.map((d) => d.deviceID));
  const errors = deviceIDs
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !managed.has(id))
    .map(({ id, i }) => ({
      path: `body.deviceIDs.${i}`,
      message: `device ${id} is not managed by gateway ${gatewayID}`,
    }));
  if (errors.length) throw problem(404, errors.map((e) => e.message).join('; '), errors);
}

export function devicesRouter(deps: RouterDeps): Router {
  const router = Router();

  defineRoute(router, route('devices.list'), deps, async ({ user, query }) => {
    const { items, total, unavailable, live } = await listDevices(deps, user, query);
    return deviceListJson({
      items,
      total,
      page: query.page,
      pageSize: query.pageSize,
      unavailableGateways: unavailable,
      ...(live ? { live } : {}),
    });
  });

  defineRoute(router, route('devices.get'), deps, async ({ user, params }) => {
    const device = await deviceOfUser(deps, user, params.deviceID);
    if (!device)
      throw problem(404, `device ${params.deviceID} is not managed by any gateway you can see`);
    const { client } = await accessGateway(deps.pool, user, device.gatewayID);
    const gatewayID = device.gatewayID;
    const [sessionAsync, dbAsync, filters, slaves, slavesDB] = await Promise.all([
      orNull(sessionAsyncConnections(client, gatewayID)),
      orNull(client.connectMaster.getAsyncConnectionDB({ gatewayID })),
      orNull(readAcceptFilters(client, gatewayID)),
      orNull(client.connectMaster.getSlaveDevice({ gatewayID })),
      orNull(client.connectMaster.getSlaveDeviceDB({ gatewayID })),
    ]);
    const pick = <T extends { deviceID: number }>(list: T[] | undefined) =>
      list?.find((x) => x.deviceID === params.deviceID) ?? null;
    const slaveOf = (
      list:
        | Array<{
            deviceID: number;
            rs485SlaveDeviceIDs: number[];
            wiegandSlaveDeviceIDs: number[];
          }>
        | undefined,
    ) => {
      const s = pick(list);
      return (
        s && {
          deviceID: s.deviceID,
          rs485SlaveDeviceIDs: [...s.rs485SlaveDeviceIDs],
          wiegandSlaveDeviceIDs: [...s.wiegandSlaveDeviceIDs],
        }
      );
    };
    const db = pick(dbAsync?.connectInfos);
    return {
      device,
      asyncConnection: {
        session: pick(sessionAsync ?? undefined),
        db: db && { deviceID: db.deviceID, IPAddr: db.IPAddr, port: db.port, useSSL: db.useSSL },
      },
      acceptedByFilter: {
        session: filters ? filterAccepts(filters.session, params.deviceID) : false,
        db: filters ? filterAccepts(filters.db, params.deviceID) : false,
      },
      slaves: {
        session: slaveOf(slaves?.slaveDeviceInfos),
        db: slaveOf(slavesDB?.slaveDeviceInfos),
      },
    };
  });

  defineRoute(router, route('devices.disconnect'), deps, async ({ user, params, body }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    await requireManaged(client, params.gatewayID, body.deviceIDs);
    await client.connectMaster.disconnect({ deviceIDs: body.deviceIDs });
    return { ok: true as const };
  });

  defineRoute(router, route('devices.disconnect-all'), deps, async ({ user, params }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    await client.connectMaster.disconnectAll({ gatewayID: params.gatewayID });
    return { ok: true as const };
  });

  defineRoute(
    router,
    route('devices.connection-mode'),
    deps,
    async ({ user, params, body, audit }) => {
      const { client } = await accessGateway(deps.pool, user, params.gatewayID);
      await requireManaged(client, params.gatewayID, body.deviceIDs);
      const { deviceErrors } = await client.connectMaster.setConnectionModeMulti({
        deviceIDs: body.deviceIDs,
        connectionMode: ConnectionMode[body.mode],
      });
      const result = multiResults(body.deviceIDs, deviceErrors);
      audit.summary = `set connection mode ${body.mode} on ${body.deviceIDs.length} devices`;
      audit.error = describeFailures(result);
      return result;
    },
  );

  defineRoute(router, route('devices.ssl'), deps, async ({ user, params, body, audit }) => {
    const { client } = await accessGateway(deps.pool, user, params.gatewayID);
    await requireManaged(client, params.gatewayID, body.deviceIDs);
    const request = { deviceIDs: body.deviceIDs };
    const { deviceErrors } = await (body.enabled
      ? client.connectMaster.enableSSLMulti(request)
      : client.connectMaster.disableSSLMulti(request));
    const result = multiResults(body.deviceIDs, deviceErrors);
    audit.summary = `${body.enabled ? 'enable' : 'disable'} SSL on ${body.deviceIDs.length} devices`;
    audit.error = describeFailures(result);
    return result;
  });

  defineRoute(router, route('devices.bulk'), deps, async ({ user, body, audit }) => {
    const { refs, unknown, unavailable } = await resolveSelection(deps, user, body.selection);
    const results = [
      ...unknown.map((deviceID) => ({
        deviceID,
        ok: false,
        message: `device ${deviceID} is not managed by any gateway you can see`,
      })),
      ...(await runBulk(deps, user, body.action, refs)),
    ];
    const failed = results.filter((r) => !r.ok).length;
    const what =
      'matching' in body.selection
        ? `${refs.length} devices matching ${describeFilter(body.selection.matching)}` +
          (body.selection.except?.length ? ` (${body.selection.except.length} unticked)` : '')
        : `${results.length} devices`;
    audit.summary = `${describeAction(body.action)} on ${what}`;
    audit.deviceIDs = results.map((r) => r.deviceID);
    const response = { results, succeeded: results.length - failed, failed };
    audit.error = describeFailures(response);
    return { ...response, unavailableGateways: unavailable };
  });

  return router;
}
