import type { AcceptFilter } from '@cmc/api';

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
