import { z } from 'zod';
import { gatewayID, tenantID } from './common.ts';
import { deviceStatus } from './names.ts';

/** Managed devices of a gateway counted per status name; every status is present (0 when none). */
export const statusCounts = z.record(deviceStatus, z.number().int());
export type StatusCounts = z.infer<typeof statusCounts>;

export const gatewaySummary = z.object({
  gatewayID,
  /** Tenant owning the gateway (from the Tenant API); null when no tenant claims it. */
  tenantID: tenantID.nullable(),
  connected: z.boolean(),
  /** Devices the gateway reports (GatewayInfo.deviceIDs). */
  deviceCount: z.number().int(),
  /** Managed devices by status; null when the device list could not be read (gateway offline). */
  statusCounts: statusCounts.nullable(),
  /** Why statusCounts is null, e.g. the master's message. */
  error: z.string().nullable(),
});
export type GatewaySummary = z.infer<typeof gatewaySummary>;

export const gatewayList = z.object({ gateways: z.array(gatewaySummary) });
export type GatewayList = z.infer<typeof gatewayList>;
