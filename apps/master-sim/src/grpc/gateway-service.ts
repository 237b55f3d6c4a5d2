import type { GatewayHandlers } from '@cmc/protos/generated/gsdk/gateway/Gateway.ts';
import type { SubscribeStatusRequest__Output } from '@cmc/protos/generated/gsdk/gateway/SubscribeStatusRequest.ts';
import { alreadyExists, failedPrecondition, notFound, permissionDenied } from '../errors.ts';
import type { GatewayStatusEvent } from '../world/model.ts';
import {
  authenticate,
  authenticateSuperAdmin,
  isSuperAdmin,
  nonEmpty,
  visibleGateway,
  type SimContext,
} from './context.ts';
import { unary } from './handler.ts';
import { statusStream } from './status-stream.ts';
import { certInfo, setBlacklist, years } from './tenant-service.ts';
import * as v from './validate.ts';

export function gatewayService(ctx: SimContext): GatewayHandlers {
  const { world } = ctx;
  const admin = (call: Parameters<typeof authenticateSuperAdmin>[1]) =>
    authenticateSuperAdmin(ctx, call, 'Gateway administration');
  const existing = (id: string, field: string) => {
    v.gatewayID(id, field);
    const gw = world.gateways.get(id);
    if (!gw) throw notFound(`${field}: gateway ${id} not found`);
    return gw;
  };
  return {
    GetList: unary(async (call) => {
      const session = await authenticate(ctx, call);
      return {
        gatewayIDs: [...world.gateways.values()]
          .filter((g) => visibleGateway(ctx, session, g))
          .map((g) => g.gatewayID),
      };
    }),
    Get: unary(async (call) => {
      const session = await authenticate(ctx, call);
      const gws = nonEmpty(call.request.gatewayIDs, 'gatewayIDs').map((id, i) => {
        const gw = existing(id, `gatewayIDs[${i}]`);
        if (!visibleGateway(ctx, session, gw))
          throw permissionDenied(`gateway ${id} does not belong to tenant ${session.tenantID}`);
        return gw;
      });
      return {
        gatewayInfos: gws.map((gw) => ({
          gatewayID: gw.gatewayID,
          isConnected: gw.connected,
          deviceIDs: [...gw.deviceIDs].filter((id) => world.devices.get(id)!.managed),
        })),
      };
    }),
    Add: unary(async (call) => {
      await admin(call);
      const ids = nonEmpty(call.request.gatewayIDs, 'gatewayIDs');
      ids.forEach((id, i) => {
        v.gatewayID(id, `gatewayIDs[${i}]`);
        if (world.gateways.has(id) || ids.indexOf(id) !== i)
          throw alreadyExists(`gatewayIDs[${i}]: gateway ${id} already exists`);
      });
      // A gateway registered with the master but whose device gateway has not connected yet.
      for (const id of ids) world.addGateway(id, null);
      return {};
    }),
    Delete: unary(async (call) => {
      await admin(call);
      const ids = nonEmpty(call.request.gatewayIDs, 'gatewayIDs');
      ids.forEach((id, i) => {
        const gw = existing(id, `gatewayIDs[${i}]`);
        if (gw.deviceIDs.size > 0)
          throw failedPrecondition(
            `gatewayIDs[${i}]: gateway ${id} has devices in the simulated world; take it offline instead`,
          );
      });
      for (const id of ids) world.gateways.delete(id);
      return {};
    }),
    CreateCertificate: unary(async (call) => {
      await admin(call);
      const gw = existing(call.request.gatewayID, 'gatewayID');
      const pair = ctx.registry.issue(
        'gateway',
        gw.gatewayID,
        call.request.subject ?? {},
        years(call.request.expireAfterYears),
      );
      return { gatewayCert: pair.cert, gatewayKey: pair.key };
    }),
    GetIssuanceHistory: unary(async (call) => {
      await admin(call);
      return {
        certInfos: ctx.registry
          .history('gateway', call.request.gatewayIDs)
          .map((r) => ({ gatewayID: r.ownerID, ...certInfo(r) })),
      };
    }),
    GetCertificateBlacklist: unary(async (call) => {
      await admin(call);
      return {
        certInfos: ctx.registry
          .history('gateway', call.request.gatewayIDs)
          .filter((r) => r.blacklisted)
          .map((r) => ({ gatewayID: r.ownerID, ...certInfo(r) })),
      };
    }),
    AddCertificateBlacklist: unary(async (call) => {
      await admin(call);
      const gw = existing(call.request.gatewayID, 'gatewayID');
      return setBlacklist(ctx, 'gateway', gw.gatewayID, call.request.serialNOs, true);
    }),
    DeleteCertificateBlacklist: unary(async (call) => {
      await admin(call);
      const gw = existing(call.request.gatewayID, 'gatewayID');
      return setBlacklist(ctx, 'gateway', gw.gatewayID, call.request.serialNOs, false);
    }),
    SubscribeStatus: statusStream<SubscribeStatusRequest__Output, GatewayStatusEvent>(
      () => world.gatewayHub,
      async (call) => {
        const session = await authenticate(ctx, call);
        const all = isSuperAdmin(session);
        return {
          label: `gateway-status:${session.tenantID}`,
          // Ownership is looked up per event, so Tenant.AddGateway/DeleteGateway apply at once.
          accept: (e) => all || world.gateways.get(e.gatewayID)?.tenantID === session.tenantID,
        };
      },
    ),
  };
}
