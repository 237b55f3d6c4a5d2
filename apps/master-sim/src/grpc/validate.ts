import { invalidArgument } from '../errors.ts';
import { isIPv4 } from '../util/ip.ts';
import type { AcceptFilter, AsyncRegistration, SlaveDevices } from '../world/model.ts';

/** Most IDs one request may carry (Multi commands are meant for hundreds of devices at a time). */
export const MAX_IDS = 1000;
/** Accept filters may list more device IDs than a command. */
export const MAX_FILTER_IDS = 10_000;

export function gatewayID(value: string, field = 'gatewayID'): string {
  if (!value) throw invalidArgument(`${field} is required`);
  if (value.length > 128) throw invalidArgument(`${field} is longer than 128 characters`);
  return value;
}

export function deviceID(value: number, field = 'deviceID'): number {
  if (!Number.isInteger(value) || value <= 0 || value > 0xffffffff)
    throw invalidArgument(`${field} must be a device ID (1..4294967295), got ${value}`);
  return value;
}

export function deviceIDs(values: number[], field = 'deviceIDs', max = MAX_IDS): number[] {
  if (values.length === 0) throw invalidArgument(`${field} is empty`);
  if (values.length > max)
    throw invalidArgument(`${field} has ${values.length} entries; at most ${max} per request`);
  const seen = new Set<number>();
  values.forEach((v, i) => {
    deviceID(v, `${field}[${i}]`);
    if (seen.has(v)) throw invalidArgument(`${field}[${i}]: device ${v} is listed twice`);
    seen.add(v);
  });
  return values;
}

export function ipAddr(value: string, field = 'IPAddr'): string {
  if (!value) throw invalidArgument(`${field} is required`);
  if (!isIPv4(value)) throw invalidArgument(`${field} "${value}" is not an IPv4 address`);
  return value;
}

export function port(value: number, field = 'port'): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw invalidArgument(`${field} ${value} is out of range 1-65535`);
  return value;
}

export function connectionMode(value: number, field = 'connectionMode'): 0 | 1 {
  if (value !== 0 && value !== 1)
    throw invalidArgument(`${field} ${value} is not SERVER_TO_DEVICE (0) or DEVICE_TO_SERVER (1)`);
  return value;
}

export function connectInfo(
  info: { IPAddr: string; port: number; useSSL: boolean } | null,
  field = 'connectInfo',
) {
  if (!info) throw invalidArgument(`${field} is required`);
  return {
    IPAddr: ipAddr(info.IPAddr, `${field}.IPAddr`),
    port: port(info.port, `${field}.port`),
    useSSL: info.useSSL,
  };
}

export function asyncInfos(
  infos: AsyncRegistration[],
  field = 'connectInfos',
): AsyncRegistration[] {
  if (infos.length === 0) throw invalidArgument(`${field} is empty`);
  if (infos.length > MAX_IDS)
    throw invalidArgument(`${field} has ${infos.length} entries; at most ${MAX_IDS} per request`);
  const seen = new Set<number>();
  return infos.map((info, i) => {
    const f = `${field}[${i}]`;
    deviceID(info.deviceID, `${f}.deviceID`);
    if (seen.has(info.deviceID))
      throw invalidArgument(`${f}.deviceID: device ${info.deviceID} is listed twice`);
    seen.add(info.deviceID);
    return {
      deviceID: info.deviceID,
      IPAddr: ipAddr(info.IPAddr, `${f}.IPAddr`),
      port: port(info.port, `${f}.port`),
      useSSL: info.useSSL,
    };
  });
}

export function acceptFilter(filter: AcceptFilter | null, field = 'filter'): AcceptFilter {
  if (!filter) throw invalidArgument(`${field} is required`);
  if (filter.deviceIDs.length > MAX_FILTER_IDS)
    throw invalidArgument(
      `${field}.deviceIDs has ${filter.deviceIDs.length} entries; at most ${MAX_FILTER_IDS}`,
    );
  filter.deviceIDs.forEach((id, i) => deviceID(id, `${field}.deviceIDs[${i}]`));
  filter.IPAddrs.forEach((ip, i) => ipAddr(ip, `${field}.IPAddrs[${i}]`));
  filter.subnetMasks.forEach((m, i) => ipAddr(m, `${field}.subnetMasks[${i}]`));
  return {
    allowAll: filter.allowAll,
    deviceIDs: [...new Set(filter.deviceIDs)],
    IPAddrs: [...filter.IPAddrs],
    subnetMasks: [...filter.subnetMasks],
  };
}

export function slaveInfos(infos: SlaveDevices[], field = 'slaveDeviceInfos'): SlaveDevices[] {
  if (infos.length === 0) throw invalidArgument(`${field} is empty`);
  if (infos.length > MAX_IDS)
    throw invalidArgument(`${field} has ${infos.length} entries; at most ${MAX_IDS} per request`);
  return infos.map((s, i) => {
    const f = `${field}[${i}]`;
    deviceID(s.deviceID, `${f}.deviceID`);
    s.rs485SlaveDeviceIDs.forEach((id, j) => deviceID(id, `${f}.rs485SlaveDeviceIDs[${j}]`));
    s.wiegandSlaveDeviceIDs.forEach((id, j) => deviceID(id, `${f}.wiegandSlaveDeviceIDs[${j}]`));
    if (s.rs485SlaveDeviceIDs.length > 64 || s.wiegandSlaveDeviceIDs.length > 64)
      throw invalidArgument(`${f}: at most 64 slave devices per list`);
    return {
      deviceID: s.deviceID,
      rs485SlaveDeviceIDs: [...s.rs485SlaveDeviceIDs],
      wiegandSlaveDeviceIDs: [...s.wiegandSlaveDeviceIDs],
    };
  });
}

export const MAX_SEARCH_TIMEOUT_MS = 60_000;

export function searchTimeout(value: number): number {
  if (value > MAX_SEARCH_TIMEOUT_MS)
    throw invalidArgument(
      `timeout ${value} ms is longer than the maximum ${MAX_SEARCH_TIMEOUT_MS} ms`,
    );
  return value;
}

export function tenantID(value: string, field = 'tenantID'): string {
  if (!value) throw invalidArgument(`${field} is required`);
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(value))
    throw invalidArgument(
      `${field} "${value}" may only hold letters, digits, '.', '_' and '-' (max 128)`,
    );
  return value;
}
