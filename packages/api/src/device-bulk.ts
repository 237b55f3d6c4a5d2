import { z } from 'zod';
import { deviceID, gatewayID } from './common.ts';
import { deviceListQuery } from './devices.ts';
import { deviceResult } from './gateway-ops.ts';
import { connectionMode } from './names.ts';

/** The most devices one bulk request may name explicitly (a "matching" selection has no cap). */
export const MAX_BULK_DEVICE_IDS = 100_000;

/** The device list's filter, in the same form as its query (comma-separated lists), without paging. */
export const deviceFilter = deviceListQuery.omit({
  page: true,
  pageSize: true,
  sort: true,
  order: true,
});
export type DeviceFilter = z.input<typeof deviceFilter>;

/**
 * Which devices a bulk action runs on: named, or every device the list shows for a filter right
 * now (the BFF resolves it with the list's own code, scoped to the user), less those unticked.
 */
export const bulkSelection = z.union([
  z.object({
    deviceIDs: z
      .array(deviceID)
      .min(1, { message: 'must list at least one device ID' })
      .max(MAX_BULK_DEVICE_IDS, { message: `must list at most ${MAX_BULK_DEVICE_IDS} device IDs` }),
  }),
  z.object({
    matching: deviceFilter,
    except: z
      .array(deviceID)
      .max(MAX_BULK_DEVICE_IDS, { message: `must list at most ${MAX_BULK_DEVICE_IDS} device IDs` })
      .optional(),
  }),
]);
export type BulkSelection = z.input<typeof bulkSelection>;

export const bulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disconnect') }),
  z.object({ kind: z.literal('ssl'), enabled: z.boolean() }),
  z.object({ kind: z.literal('mode'), mode: connectionMode }),
]);
export type BulkActionRequest = z.infer<typeof bulkAction>;

export const bulkRequest = z.object({ action: bulkAction, selection: bulkSelection });
export type BulkRequest = z.input<typeof bulkRequest>;

/** One entry per device the selection resolved to, with its gateway; gateways that could not be read. */
export const bulkResponse = z.object({
  results: z.array(deviceResult.extend({ gatewayID: gatewayID.optional() })),
  succeeded: z.number().int(),
  failed: z.number().int(),
  unavailableGateways: z.array(z.object({ gatewayID, error: z.string() })),
});
export type BulkResponse = z.infer<typeof bulkResponse>;
