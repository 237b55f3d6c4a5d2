import { z } from 'zod';
import { gatewayID, tenantID } from './common.ts';

export const tenantInfo = z.object({ tenantID, gatewayIDs: z.array(gatewayID) });
export type TenantInfo = z.infer<typeof tenantInfo>;
export const tenantList = z.object({ tenants: z.array(tenantInfo) });
export type TenantList = z.infer<typeof tenantList>;

export const createTenantRequest = z.object({
  tenantID: tenantID.refine((id) => id !== 'administrator', {
    message: 'administrator always exists',
  }),
  gatewayIDs: z
    .array(gatewayID)
    .max(100, { message: 'must list at most 100 gateways' })
    .default([]),
});
export type CreateTenantRequest = z.input<typeof createTenantRequest>;

export const tenantParams = z.object({ tenantID });
export const tenantGatewaysRequest = z.object({
  gatewayIDs: z
    .array(gatewayID)
    .min(1, { message: 'must list at least one gateway' })
    .max(100, { message: 'must list at most 100 gateways' }),
});
export type TenantGatewaysRequest = z.infer<typeof tenantGatewaysRequest>;
