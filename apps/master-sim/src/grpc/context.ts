import type { ServerUnaryCall, ServerWritableStream } from '@grpc/grpc-js';
import type { Session, TokenService } from '../auth/token-service.ts';
import type { CertRegistry } from '../certs/cert-registry.ts';
import type { CertificateSet } from '../certs/ensure-certificates.ts';
import {
  invalidArgument,
  notFound,
  permissionDenied,
  unauthenticated,
  type SimError,
} from '../errors.ts';
import type { Device, Gateway } from '../world/model.ts';
import type { World } from '../world/world.ts';
import { tokenOf } from './handler.ts';
import * as v from './validate.ts';

export interface SimContext {
  world: World;
  tokens: TokenService;
  certs: CertificateSet;
  registry: CertRegistry;
  /** SearchDevice calls in flight: call with an error to end one early (on stop). */
  searches: Set<(err?: SimError) => void>;
}

type AnyCall = ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>;

/** The caller's session from its `token` metadata; UNAUTHENTICATED when missing, bad, expired or revoked. */
export async function authenticate(ctx: SimContext, call: AnyCall): Promise<Session> {
  const session = await ctx.tokens.verify(tokenOf(call.metadata));
  if (!ctx.world.tenants.has(session.tenantID))
    throw unauthenticated(`tenant ${session.tenantID} no longer exists`);
  return session;
}

export function isSuperAdmin(session: Session): boolean {
  return session.admin && session.tenantID === 'administrator';
}

export async function authenticateSuperAdmin(
  ctx: SimContext,
  call: AnyCall,
  api: string,
): Promise<Session> {
  const session = await authenticate(ctx, call);
  if (!isSuperAdmin(session))
    throw permissionDenied(
      `the ${api} API needs an admin token for tenant "administrator" (LoginAdmin with tenantID "administrator")`,
    );
  return session;
}

/** The caller's tenant owns the gateway: NOT_FOUND for an unknown one, PERMISSION_DENIED for another tenant's. */
export function ownedGateway(
  ctx: SimContext,
  session: Session,
  id: string,
  field = 'gatewayID',
): Gateway {
  v.gatewayID(id, field);
  const gw = ctx.world.gateways.get(id);
  if (!gw) throw notFound(`gateway ${id} not found`);
  if (gw.tenantID !== session.tenantID)
    throw permissionDenied(`gateway ${id} does not belong to tenant ${session.tenantID}`);
  return gw;
}

export function ownedDevice(
  ctx: SimContext,
  session: Session,
  id: number,
  field = 'deviceID',
): Device {
  v.deviceID(id, field);
  const dev = ctx.world.devices.get(id);
  if (!dev) throw notFound(`device ${id} not found`);
  const gw = ctx.world.gateways.get(dev.gatewayID)!;
  if (gw.tenantID !== session.tenantID)
    throw permissionDenied(
      `device ${id} is on gateway ${gw.gatewayID}, which does not belong to tenant ${session.tenantID}`,
    );
  return dev;
}

/** Gateways a token may see in the Gateway API: all for the administrator admin, else its tenant's. */
export function visibleGateway(ctx: SimContext, session: Session, gw: Gateway): boolean {
  return isSuperAdmin(session) || gw.tenantID === session.tenantID;
}

export function requireTenant(ctx: SimContext, id: string, field = 'tenantID'): string {
  v.tenantID(id, field);
  if (!ctx.world.tenants.has(id)) throw notFound(`tenant ${id} not found`);
  return id;
}

export function nonEmpty<T>(values: T[], field: string): T[] {
  if (values.length === 0) throw invalidArgument(`${field} is empty`);
  return values;
}
