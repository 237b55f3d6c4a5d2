// The managed-device list and one device.
import { deviceDetail, deviceList, deviceListQuery, deviceParams } from '../devices.ts';
import type { RouteDef } from './route-def.ts';

export const deviceRoutes = [
  {
    id: 'devices.list',
    method: 'get',
    path: '/devices',
    summary: 'Managed devices, filtered, sorted and paged on the server',
    access: 'viewer',
    query: deviceListQuery,
    response: deviceList,
    tag: 'devices',
  },
  {
    id: 'devices.get',
    method: 'get',
    path: '/devices/{deviceID}',
    summary: 'One device with its async registration, accept-filter state and slaves',
    access: 'viewer',
    params: deviceParams,
    response: deviceDetail,
    tag: 'devices',
  },
] as const satisfies readonly RouteDef[];
