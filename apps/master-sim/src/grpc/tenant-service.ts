import type { TenantHandlers } from '@cmc/protos/generated/gsdk/tenant/Tenant.ts';
import { alreadyExists, failedPrecondition, invalidArgument, notFound } from '../errors.ts';
import type { CertRecord } from '../certs/cert-registry.ts';
import { authenticateSuperAdmin, nonEmpty, requireTenant, type SimContext } from './context.ts';
import { unary } from './handler.ts';
import * as v from './validate.ts';

function gatewaysOf(ctx: SimContext, tenantID: string): string[] {
  return [...ctx.world.gateways.values()]
    .filter((g) => g.tenantID === tenantID)
    .map((g) => g.gatewayID);
}

/** Gateways being given to a tenant must exist and be unowned (or already that tenant's). */
function checkAssignable(
  ctx: SimContext,
  tenantID: string,
  gatewayIDs: string[],
  field: string,
): void {
  gatewayIDs.forEach((id, i) => {
    v.gatewayID(id, `${field}[${i}]`);
    const gw = ctx.world.gateways.get(id);
    if (!gw) throw notFound(`${field}[${i}]: gateway ${id} not found`);
    if (gw.tenantID !== null && gw.tenantID !== tenantID)
      throw failedPrecondition(
        `${field}[${i}]: gateway ${id} already belongs to tenant ${gw.tenantID}`,
      );
  });
}

export const certInfo = (r: CertRecord) => ({
  subject: r.subject,
  serialNO: r.serialNO,
  issueDate: String(r.issueDate),
  expiryDate: String(r.expiryDate),
  blacklisted: r.blacklisted,
});

export function serials(values: string[], field = 'serialNOs'): string[] {
  nonEmpty(values, field);
  return values.map((s, i) => {
    if (!/^\d+$/.test(s) || s === '0')
      throw invalidArgument(`${field}[${i}] "${s}" is not a certificate serial number`);
    return s;
  });
}

/** (Un)blacklists certificates of one owner; NOT_FOUND names the serials never issued to it. */
export function setBlacklist(
  ctx: SimContext,
  kind: 'tenant' | 'gateway',
  ownerID: string,
  serialNOs: string[],
  blacklisted: boolean,
): Record<string, never> {
  const missing = ctx.registry.setBlacklisted(kind, ownerID, serials(serialNOs), blacklisted);
  if (missing.length)
    throw notFound(`no certificate of ${kind} ${ownerID} with serial ${missing.join(', ')}`);
  return {};
}

export function years(value: number): number {
  if (value === 0) return 5;
  if (value < 1 || value > 30)
    throw invalidArgument(`expireAfterYears ${value} is out of range 1-30`);
  return value;
}

export function tenantService(ctx: SimContext): TenantHandlers {
  const admin = (call: Parameters<typeof authenticateSuperAdmin>[1]) =>
    authenticateSuperAdmin(ctx, call, 'Tenant');
  const { world } = ctx;
  return {
    GetList: unary(async (call) => {
      await admin(call);
      return { tenantIDs: [...world.tenants] };
    }),
    Get: unary(async (call) => {
      await admin(call);
      const ids = call.request.tenantIDs.length > 0 ? call.request.tenantIDs : [...world.tenants];
      ids.forEach((id, i) => requireTenant(ctx, id, `tenantIDs[${i}]`));
      return {
        tenantInfos: ids.map((tenantID) => ({ tenantID, gatewayIDs: gatewaysOf(ctx, tenantID) })),
      };
    }),
    Add: unary(async (call) => {
      await admin(call);
      const infos = nonEmpty(call.request.tenantInfos, 'tenantInfos');
      const seen = new Set<string>();
      infos.forEach((t, i) => {
        v.tenantID(t.tenantID, `tenantInfos[${i}].tenantID`);
        if (world.tenants.has(t.tenantID) || seen.has(t.tenantID))
          throw alreadyExists(`tenantInfos[${i}]: tenant ${t.tenantID} already exists`);
        seen.add(t.tenantID);
        checkAssignable(ctx, t.tenantID, t.gatewayIDs, `tenantInfos[${i}].gatewayIDs`);
      });
      for (const t of infos) {
        world.tenants.add(t.tenantID);
        for (const g of t.gatewayIDs) world.gateways.get(g)!.tenantID = t.tenantID;
      }
      return {};
    }),
    Delete: unary(async (call) => {
      await admin(call);
      const ids = nonEmpty(call.request.tenantIDs, 'tenantIDs');
      ids.forEach((id, i) => {
        if (id === 'administrator')
          throw failedPrecondition('the tenant "administrator" cannot be deleted');
        requireTenant(ctx, id, `tenantIDs[${i}]`);
      });
      for (const id of ids) {
        world.tenants.delete(id);
        for (const gw of world.gateways.values()) if (gw.tenantID === id) gw.tenantID = null;
      }
      return {};
    }),
    AddGateway: unary(async (call) => {
      await admin(call);
      const tenantID = requireTenant(ctx, call.request.tenantID);
      checkAssignable(ctx, tenantID, nonEmpty(call.request.gatewayIDs, 'gatewayIDs'), 'gatewayIDs');
      for (const g of call.request.gatewayIDs) world.gateways.get(g)!.tenantID = tenantID;
      return {};
    }),
    DeleteGateway: unary(async (call) => {
      await admin(call);
      const tenantID = requireTenant(ctx, call.request.tenantID);
      const ids = nonEmpty(call.request.gatewayIDs, 'gatewayIDs');
      ids.forEach((id, i) => {
        v.gatewayID(id, `gatewayIDs[${i}]`);
        const gw = world.gateways.get(id);
        if (!gw) throw notFound(`gatewayIDs[${i}]: gateway ${id} not found`);
        if (gw.tenantID !== tenantID)
          throw failedPrecondition(
            `gatewayIDs[${i}]: gateway ${id} does not belong to tenant ${tenantID}`,
          );
      });
      for (const id of ids) world.gateways.get(id)!.tenantID = null;
      return {};
    }),
    CreateCertificate: unary(async (call) => {
      await admin(call);
      const tenantID = requireTenant(ctx, call.request.tenantID);
      const pair = ctx.registry.issue(
        'tenant',
        tenantID,
        call.request.subject ?? {},
        years(call.request.expireAfterYears),
      );
      return { tenantCert: pair.cert, tenantKey: pair.key };
    }),
    GetIssuanceHistory: unary(async (call) => {
      await admin(call);
      const records = ctx.registry.history('tenant', call.request.tenantIDs);
      return { certInfos: records.map((r) => ({ tenantID: r.ownerID, ...certInfo(r) })) };
    }),
    GetCertificateBlacklist: unary(async (call) => {
      await admin(call);
      const records = ctx.registry
        .history('tenant', call.request.tenantIDs)
        .filter((r) => r.blacklisted);
      return { certInfos: records.map((r) => ({ tenantID: r.ownerID, ...certInfo(r) })) };
    }),
    AddCertificateBlacklist: unary(async (call) => {
      await admin(call);
      const tenantID = requireTenant(ctx, call.request.tenantID);
      return setBlacklist(ctx, 'tenant', tenantID, call.request.serialNOs, true);
    }),
    DeleteCertificateBlacklist: unary(async (call) => {
      await admin(call);
      const tenantID = requireTenant(ctx, call.request.tenantID);
      return setBlacklist(ctx, 'tenant', tenantID, call.request.serialNOs, false);
    }),
  };
}
