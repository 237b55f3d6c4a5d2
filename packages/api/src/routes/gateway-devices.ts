// Operations on the devices of one gateway.
import { gatewayParams, ok } from '../common.ts';
import {
  connectionModeRequest,
  deviceIDsRequest,
  multiResponse,
  sslRequest,
} from '../gateway-ops.ts';
import { GATEWAY_PATH as gw, type RouteDef } from './route-def.ts';

export const gatewayDeviceRoutes = [
  {
    id: 'devices.disconnect',
    method: 'post',
    path: `${gw}/disconnect`,
    summary: 'Disconnect devices',
    access: 'admin',
    params: gatewayParams,
    body: deviceIDsRequest,
    response: ok,
    tag: 'devices',
  },
  {
    id: 'devices.disconnect-all',
    method: 'post',
    path: `${gw}/disconnect-all`,
    summary: 'Disconnect every device of the gateway',
    access: 'admin',
    params: gatewayParams,
    response: ok,
    tag: 'devices',
  },
  {
    id: 'devices.connection-mode',
    method: 'post',
    path: `${gw}/connection-mode`,
    summary: 'Set the connection mode of devices (per-device results)',
    access: 'admin',
    params: gatewayParams,
    body: connectionModeRequest,
    response: multiResponse,
    tag: 'devices',
  },
  {
    id: 'devices.ssl',
    method: 'post',
    path: `${gw}/ssl`,
    summary: 'Enable or disable SSL on devices (per-device results)',
    access: 'admin',
    params: gatewayParams,
    body: sslRequest,
    response: multiResponse,
    tag: 'devices',
  },
] as const satisfies readonly RouteDef[];
