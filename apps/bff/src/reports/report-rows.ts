// Device figures -> report rows per device, gateway or tenant, in the API's units (seconds, %).
import type { AvailabilityRow, ReportGroup } from '@cmc/api';
import {
  addTo,
  emptyAggregate,
  meanReconnectMs,
  percentOf,
  type Aggregate,
} from './availability.ts';
import type { DeviceAvailability } from './availability-query.ts';

/** The tenant key of gateways that belong to no tenant. */
export const NO_TENANT = '(no tenant)';

const seconds = (ms: number): number => Math.round(ms) / 1000;

function rowOf(
  key: string,
  ids: { deviceID: number | null; gatewayID: string | null; tenantID: string | null },
  a: Aggregate,
): AvailabilityRow {
  const mean = meanReconnectMs(a);
  return {
    key,
    ...ids,
    devices: a.devices,
    observedSeconds: seconds(a.observedMs),
    connectedSeconds: seconds(a.connectedMs),
    availabilityPercent: percentOf(a),
    drops: a.drops,
    longestOutageSeconds: seconds(a.longestOutageMs),
    meanTimeToReconnectSeconds: mean === null ? null : seconds(mean),
    downAtEnd: a.downAtEnd > 0,
  };
}

export function reportRows(
  devices: DeviceAvailability[],
  groupBy: ReportGroup,
  tenantOf: (gatewayID: string) => string | null,
): AvailabilityRow[] {
  if (groupBy === 'device') {
    return devices.map((d) => {
      const a = emptyAggregate();
      addTo(a, d);
      return rowOf(
        String(d.deviceID),
        { deviceID: d.deviceID, gatewayID: d.gatewayID, tenantID: tenantOf(d.gatewayID) },
        a,
      );
    });
  }
  const groups = new Map<
    string,
    { gatewayID: string | null; tenantID: string | null; a: Aggregate }
  >();
  for (const d of devices) {
    const tenantID = tenantOf(d.gatewayID);
    const key = groupBy === 'gateway' ? d.gatewayID : (tenantID ?? NO_TENANT);
    let g = groups.get(key);
    if (!g) {
      g = {
        gatewayID: groupBy === 'gateway' ? d.gatewayID : null,
        tenantID,
        a: emptyAggregate(),
      };
      groups.set(key, g);
    }
    addTo(g.a, d);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) =>
      rowOf(key, { deviceID: null, gatewayID: g.gatewayID, tenantID: g.tenantID }, g.a),
    );
}
