// Rows of a gateway that is offline: its devices as the BFF last saw them before the gateway left
// the master (gateways/gateway-memory.ts), not connected and flagged `gatewayOffline`, instead of
// vanishing from the list. Rare and small, so not cached.
import type { DeviceInfo } from '@cmc/gsdk';
import { DeviceStatus } from '@cmc/gsdk/names';
import type { OfflineGateway } from '../gateways/gateway-memory.ts';
import type { RenderedRow } from './device-row-cache.ts';
import { toDeviceRow, type DeviceFactsSource } from './device-row.ts';

const clockTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`;

export function offlineRows(
  gatewayID: string,
  offline: OfflineGateway,
  history: DeviceFactsSource | undefined,
  names?: ReadonlyMap<number, string>,
): RenderedRow[] {
  const facts = history?.facts(offline.devices.map((d) => d.deviceID));
  return offline.devices.map((info) => {
    const row = toDeviceRow(
      // Enum numbers exactly as the master's own list gave them.
      { ...info, status: DeviceStatus.DISCONNECTED } as DeviceInfo,
      gatewayID,
      facts?.get(info.deviceID),
      names?.get(info.deviceID),
    );
    row.gatewayOffline = true;
    return { row, bytes: Buffer.from(JSON.stringify(row)) };
  });
}

export function offlineMessage(gatewayID: string, offline: OfflineGateway): string {
  return (
    `gateway ${gatewayID} is offline (left the master at ${clockTime(offline.since)}): ` +
    `its ${offline.devices.length} devices are shown as last seen, their status is unknown`
  );
}
