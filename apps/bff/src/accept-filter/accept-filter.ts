import type { AcceptFilter, AcceptFilterResponse } from '@cmc/api';
import type { GsdkClient } from '@cmc/gsdk';

interface WireFilter {
  allowAll: boolean;
  deviceIDs: number[];
  IPAddrs: string[];
  subnetMasks: string[];
}

/** A gateway without a filter accepts nobody: the same as an empty filter. */
export function toAcceptFilter(filter: WireFilter | null | undefined): AcceptFilter {
  return {
    allowAll: filter?.allowAll ?? false,
    deviceIDs: [...(filter?.deviceIDs ?? [])],
    IPAddrs: [...(filter?.IPAddrs ?? [])],
    subnetMasks: [...(filter?.subnetMasks ?? [])],
  };
}

export function filterAccepts(filter: AcceptFilter, deviceID: number): boolean {
  return filter.allowAll || filter.deviceIDs.includes(deviceID);
}

/** Both filters of a gateway: the session one (the gateway's own) and the DB one (the master's). */
export async function readAcceptFilters(
  client: GsdkClient,
  gatewayID: string,
): Promise<AcceptFilterResponse> {
  const [session, db] = await Promise.all([
    client.connectMaster.getAcceptFilter({ gatewayID }),
    client.connectMaster.getAcceptFilterDB({ gatewayID }),
  ]);
  return { session: toAcceptFilter(session.filter), db: toAcceptFilter(db.filter) };
}
