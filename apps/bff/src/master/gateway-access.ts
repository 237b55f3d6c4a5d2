// Picks the master client for a gateway and enforces the tenant scope in the BFF before any call:
// a tenant user reaches only its tenant's gateways; an admin acts through the owning tenant's client.
import type { GsdkClient } from '@cmc/gsdk';
import type { SessionUser } from '../auth/types.ts';
import { problem } from '../http/problem.ts';
import { ADMIN_TENANT, type MasterPool } from './master-pool.ts';

export interface GatewayAccess {
  gatewayID: string;
  /** Tenant owning the gateway; null when no tenant claims it. */
  tenantID: string | null;
  client: GsdkClient;
}

export async function accessGateway(
  pool: MasterPool,
  user: SessionUser,
  gatewayID: string,
): Promise<GatewayAccess> {
  if (user.role === 'tenant') {
    const own = (await pool.tenants()).find((t) => t.tenantID === user.tenantID);
    // Not "not found": a tenant user learns nothing about gateways outside its tenant.
    if (!user.tenantID || !own?.gatewayIDs.includes(gatewayID)) {
      throw problem(
        403,
        `gateway ${gatewayID} is not one of tenant ${user.tenantID ?? '?'}'s gateways`,
      );
    }
    return { gatewayID, tenantID: user.tenantID, client: pool.forTenant(user.tenantID) };
  }
  const tenantID = await pool.tenantOfGateway(gatewayID);
  if (tenantID !== undefined) return { gatewayID, tenantID, client: pool.forTenant(tenantID) };
  const { gatewayIDs } = await pool.admin().gateway.getList({});
  if (!gatewayIDs.includes(gatewayID))
    throw problem(404, `gateway ${gatewayID} is not known to the master`);
  return { gatewayID, tenantID: null, client: pool.forTenant(ADMIN_TENANT) };
}
