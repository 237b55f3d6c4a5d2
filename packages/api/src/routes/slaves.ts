// Slave devices of a gateway.
import { gatewayParams, ok } from '../common.ts';
import { deviceIDsRequest, setSlaveDevicesRequest, slaveDevicesResponse } from '../gateway-ops.ts';
import { GATEWAY_PATH as gw, type RouteDef } from './route-def.ts';

export const slaveRoutes = [
  {
    id: 'slaves.get',
    method: 'get',
    path: `${gw}/slave-devices`,
    summary: 'Slave devices: session and DB',
    access: 'viewer',
    params: gatewayParams,
    response: slaveDevicesResponse,
    tag: 'devices',
  },
  {
    id: 'slaves.set-session',
    method: 'put',
    path: `${gw}/slave-devices/session`,
    summary: 'Set slave devices (session)',
    access: 'admin',
    params: gatewayParams,
    body: setSlaveDevicesRequest,
    response: ok,
    tag: 'devices',
  },
  {
    id: 'slaves.add-db',
    method: 'post',
    path: `${gw}/slave-devices/db`,
    summary: "Add slave devices to the master's DB",
    access: 'admin',
    params: gatewayParams,
    body: setSlaveDevicesRequest,
    response: ok,
    tag: 'devices',
  },
  {
    id: 'slaves.delete-db',
    method: 'post',
    path: `${gw}/slave-devices/db/delete`,
    summary: "Delete slave devices (by parent device ID) from the master's DB",
    access: 'admin',
    params: gatewayParams,
    body: deviceIDsRequest,
    response: ok,
    tag: 'devices',
  },
] as const satisfies readonly RouteDef[];
