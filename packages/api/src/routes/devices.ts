// The managed-device list and one device.
import { bulkRequest, bulkResponse } from '../device-bulk.ts';
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
  {
    id: 'devices.bulk',
    method: 'post',
    path: '/devices/bulk',
    summary:
      'Disconnect, SSL or connection mode on named devices or on every device matching a list filter (resolved on the server, per-device results)',
    access: 'admin',
    body: bulkRequest,
    response: bulkResponse,
    tag: 'devices',
  },
] as const satisfies readonly RouteDef[];
