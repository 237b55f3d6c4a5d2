import type { ConnectMasterHandlers } from '@cmc/protos/generated/gsdk/connect_master/ConnectMaster.ts';
import type { SubscribeStatusRequest__Output } from '@cmc/protos/generated/gsdk/connect_master/SubscribeStatusRequest.ts';
import type { Session } from '../auth/token-service.ts';
import { SimError } from '../errors.ts';
import type { Device, DeviceStatusEvent } from '../world/model.ts';
import * as settings from '../world/gateway-settings.ts';
import * as ops from '../world/operations.ts';
import { requireOnline } from '../world/preconditions.ts';
import { authenticate, ownedDevice, ownedGateway, type SimContext } from './context.ts';
import { unary } from './handler.ts';
import { statusStream } from './status-stream.ts';
import * as v from './validate.ts';

interface DeviceError {
  deviceID: number;
  code: number;
  msg: string;
}

/**
 * Multi commands answer per device: a device that fails goes into deviceErrors (code = the gRPC
 * status number a single call would have returned) and the rest still run.
 */
function perDevice(
  ctx: SimContext,
  session: Session,
  ids: number[],
  action: (dev: Device) => void,
): { deviceErrors: DeviceError[] } {
  v.deviceIDs(ids);
  const deviceErrors: DeviceError[] = [];
  for (const id of ids) {
    try {
      action(ownedDevice(ctx, session, id));
    } catch (err) {
      if (!(err instanceof SimError)) throw err;
      deviceErrors.push({ deviceID: id, code: err.code, msg: err.message });
    }
  }
  return { deviceErrors };
}

export function connectMasterService(ctx: SimContext): ConnectMasterHandlers {
  const { world } = ctx;
  const auth = (call: Parameters<typeof authenticate>[1]) => authenticate(ctx, call);
  const gateway = async (call: Parameters<typeof authenticate>[1], id: string) =>
    ownedGateway(ctx, await auth(call), id);

  return {
    Connect: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      const info = v.connectInfo(call.request.connectInfo);
      return { deviceID: ops.connectSync(world, gw, info) };
    }),
    AddAsyncConnection: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      ops.addAsync(world, gw, v.asyncInfos(call.request.connectInfos), false);
      return {};
    }),
    AddAsyncConnectionDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      ops.addAsync(world, gw, v.asyncInfos(call.request.connectInfos), true);
      return {};
    }),
    DeleteAsyncConnection: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      ops.deleteAsync(world, gw, v.deviceIDs(call.request.deviceIDs));
      return {};
    }),
    DeleteAsyncConnectionDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      ops.deleteAsyncDB(world, gw, v.deviceIDs(call.request.deviceIDs));
      return {};
    }),
    GetAsyncConnectionDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { connectInfos: ops.getAsyncDB(gw) };
    }),
    SetAcceptFilter: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      settings.setAcceptFilter(gw, v.acceptFilter(call.request.filter), false);
      return {};
    }),
    GetAcceptFilter: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { filter: settings.getAcceptFilter(gw) };
    }),
    SetAcceptFilterDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      settings.setAcceptFilter(gw, v.acceptFilter(call.request.filter), true);
      return {};
    }),
    GetAcceptFilterDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { filter: settings.getAcceptFilterDB(gw) };
    }),
    GetPendingList: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { deviceInfos: settings.pendingList(gw) };
    }),
    GetDeviceList: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { deviceInfos: ops.deviceList(world, gw) };
    }),
    Disconnect: unary(async (call) => {
      const session = await auth(call);
      const devices = v
        .deviceIDs(call.request.deviceIDs)
        .map((id, i) => ownedDevice(ctx, session, id, `deviceIDs[${i}]`));
      ops.disconnect(world, devices);
      return {};
    }),
    DisconnectAll: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      ops.disconnectAll(world, gw);
      return {};
    }),
    SearchDevice: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      const timeout = v.searchTimeout(call.request.timeout);
      requireOnline(gw);
      // A real search listens for UDP replies for the whole timeout before answering.
      await new Promise<void>((resolve, reject) => {
        const finish = (err?: SimError) => {
          clearTimeout(timer);
          ctx.searches.delete(finish);
          if (err) reject(err);
          else resolve();
        };
        const timer = setTimeout(() => finish(), timeout);
        ctx.searches.add(finish);
        call.once('cancelled', () => finish());
      });
      return { deviceInfos: ops.searchResults(world, gw) };
    }),
    GetSlaveDevice: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { slaveDeviceInfos: settings.getSlaves(gw) };
    }),
    SetSlaveDevice: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      settings.setSlaves(world, gw, v.slaveInfos(call.request.slaveDeviceInfos));
      return {};
    }),
    AddSlaveDeviceDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      settings.addSlavesDB(world, gw, v.slaveInfos(call.request.slaveDeviceInfos));
      return {};
    }),
    DeleteSlaveDeviceDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      settings.deleteSlavesDB(gw, v.deviceIDs(call.request.deviceIDs));
      return {};
    }),
    GetSlaveDeviceDB: unary(async (call) => {
      const gw = await gateway(call, call.request.gatewayID);
      return { slaveDeviceInfos: settings.getSlavesDB(gw) };
    }),
    SetConnectionMode: unary(async (call) => {
      const session = await auth(call);
      const mode = v.connectionMode(call.request.connectionMode);
      ops.setConnectionMode(world, ownedDevice(ctx, session, call.request.deviceID), mode);
      return {};
    }),
    SetConnectionModeMulti: unary(async (call) => {
      const session = await auth(call);
      const mode = v.connectionMode(call.request.connectionMode);
      return perDevice(ctx, session, call.request.deviceIDs, (dev) =>
        ops.setConnectionMode(world, dev, mode),
      );
    }),
    EnableSSL: unary(async (call) => {
      const session = await auth(call);
      ops.setSSL(world, ownedDevice(ctx, session, call.request.deviceID), true);
      return {};
    }),
    EnableSSLMulti: unary(async (call) => {
      const session = await auth(call);
      return perDevice(ctx, session, call.request.deviceIDs, (dev) => ops.setSSL(world, dev, true));
    }),
    DisableSSL: unary(async (call) => {
      const session = await auth(call);
      ops.setSSL(world, ownedDevice(ctx, session, call.request.deviceID), false);
      return {};
    }),
    DisableSSLMulti: unary(async (call) => {
      const session = await auth(call);
      return perDevice(ctx, session, call.request.deviceIDs, (dev) =>
        ops.setSSL(world, dev, false),
      );
    }),
    SubscribeStatus: statusStream<SubscribeStatusRequest__Output, DeviceStatusEvent>(
      () => world.deviceHub,
      async (call) => {
        const session = await auth(call);
        return {
          label: `device-status:${session.tenantID}`,
          // Only the caller tenant's devices; ownership is read per event so reassignments apply at once.
          accept: (e) => world.gateways.get(e.gatewayID)?.tenantID === session.tenantID,
        };
      },
    ),
  };
}
