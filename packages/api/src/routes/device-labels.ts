// Device display names and notes.
import {
  deviceLabel,
  deviceLabelList,
  deviceLabelsQuery,
  setDeviceLabelRequest,
} from '../device-labels.ts';
import type { RouteDef } from './route-def.ts';

import { ok } from '../common.ts';
import { deviceParams } from '../devices.ts';
export const deviceLabelRoutes = [
  {
    id: 'device-labels.list',
    method: 'get',
    path: '/device-labels',
    summary: 'Device names and notes (tenant users: devices on their gateways only)',
    access: 'viewer',
    query: deviceLabelsQuery,
    response: deviceLabelList,
    tag: 'devices',
  },
  {
    id: 'device-labels.set',
    method: 'put',
    path: '/devices/{deviceID}/label',
    summary: 'Give a device a display name and notes',
    access: 'admin',
    params: deviceParams,
    body: setDeviceLabelRequest,
    response: deviceLabel,
    tag: 'devices',
  },
  {
    id: 'device-labels.delete',
    method: 'post',
    path: '/devices/{deviceID}/label/delete',
    summary: "Remove a device's display name and notes",
    access: 'admin',
    params: deviceParams,
    response: ok,
    tag: 'devices',
  },
] as const satisfies readonly RouteDef[];
