// Connections a device gateway lost when it reconnected to the master (session-only async
// registrations and one-off Connect connections are not kept across a reconnect; DB ones are).
// The BFF remembers what each gateway managed before it dropped and names what did not come back.
import { z } from 'zod';
import { deviceID, deviceIDList, gatewayID, port } from './common.ts';

export const lostDevice = z.object({
  deviceID,
  IPAddr: z.string(),
  port,
  useSSL: z.boolean(),
  /** async: a session AddAsyncConnection registration; sync: a one-off Connect. */
  kind: z.enum(['async', 'sync']),
  /** gsdk device type name, e.g. BIOSTATION_L2 */
  type: z.string(),
});
export type LostDevice = z.infer<typeof lostDevice>;

export const lostConnectionsNotice = z.object({
  gatewayID,
  /** ISO 8601: when the gateway went offline. */
  offlineAt: z.string(),
  /** ISO 8601: when it came back and the loss was seen. */
  reconnectedAt: z.string(),
  devices: z.array(lostDevice),
});
export type LostConnectionsNotice = z.infer<typeof lostConnectionsNotice>;

export const lostConnectionsList = z.object({ notices: z.array(lostConnectionsNotice) });
export type LostConnectionsList = z.infer<typeof lostConnectionsList>;

export const restoreLostRequest = z.object({
  deviceIDs: deviceIDList,
  /**
   * false: re-apply as before (AddAsyncConnection / Connect), lost again at the next reconnect;
   * true: save to the master's database (AddAsyncConnectionDB), re-applied at every reconnect.
   */
  saveToDatabase: z.boolean({ message: 'must be true or false' }),
});
export type RestoreLostRequest = z.infer<typeof restoreLostRequest>;

export const restoreLostResponse = z.object({
  results: z.array(z.object({ deviceID, ok: z.boolean(), error: z.string().optional() })),
});
export type RestoreLostResponse = z.infer<typeof restoreLostResponse>;
