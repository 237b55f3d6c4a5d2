import type { DeviceInfo } from '@cmc/gsdk';

/** A connected device as GetDeviceList answers it, at 10.0.0.<id>. */
export const info = (deviceID: number, over: Partial<DeviceInfo> = {}): DeviceInfo => ({
  deviceID,
  status: 1 as DeviceInfo['status'],
  type: 12 as DeviceInfo['type'],
  connectionMode: 0 as DeviceInfo['connectionMode'],
  IPAddr: `10.0.0.${deviceID}`,
  port: 51211,
  useSSL: false,
  autoReconnect: true,
  ...over,
});
