// Wire DeviceInfo (numeric enums) -> the API's DeviceRow (names + history facts).
import type { DeviceRow } from '@cmc/api';
import type { DeviceInfo } from '@cmc/gsdk';
import { connectionModeName, deviceStatusName, deviceTypeName } from '@cmc/gsdk';

/** Same shape as history's DeviceFacts (docs/bff-internals.md). */
export interface DeviceFacts {
  lastConnectedAt: string | null;
  lastDisconnectedAt: string | null;
  lastFailure: string | null;
  flapping: boolean;
}

/** What device routes need from the history store (provided by the live module when present). */
export interface DeviceFactsSource {
  facts(deviceIDs: number[]): Map<number, DeviceFacts>;
}

/** Facts with nothing in them are left out of the row, not sent as nulls (docs/decisions.md). */
export function toDeviceRow(
  info: DeviceInfo,
  gatewayID: string,
  facts?: DeviceFacts,
  name?: string,
): DeviceRow {
  const row: DeviceRow = {
    deviceID: info.deviceID,
    gatewayID,
    ...(name ? { name } : {}),
    type: deviceTypeName(info.type),
    IPAddr: info.IPAddr,
    port: info.port,
    status: deviceStatusName(info.status) as DeviceRow['status'],
    connectionMode: connectionModeName(info.connectionMode) as DeviceRow['connectionMode'],
    useSSL: info.useSSL,
    autoReconnect: info.autoReconnect,
  };
  return withFacts(row, facts);
}

/** Adds the facts that say something to a row (empty ones are left out, not sent as nulls). */
export function withFacts(row: DeviceRow, facts: DeviceFacts | undefined): DeviceRow {
  if (facts?.lastConnectedAt) row.lastConnectedAt = facts.lastConnectedAt;
  if (facts?.lastDisconnectedAt) row.lastDisconnectedAt = facts.lastDisconnectedAt;
  if (facts?.lastFailure) row.lastFailure = facts.lastFailure as DeviceRow['lastFailure'];
  if (facts?.flapping) row.flapping = true;
  return row;
}

/** Whether `row` carries this name and these facts as toDeviceRow / withFacts would put them. */
export function showsNameAndFacts(
  row: DeviceRow,
  name: string | undefined,
  facts: DeviceFacts | undefined,
): boolean {
  return (
    row.name === (name ? name : undefined) &&
    row.lastConnectedAt === (facts?.lastConnectedAt || undefined) &&
    row.lastDisconnectedAt === (facts?.lastDisconnectedAt || undefined) &&
    row.lastFailure === (facts?.lastFailure || undefined) &&
    row.flapping === (facts?.flapping ? true : undefined)
  );
}
