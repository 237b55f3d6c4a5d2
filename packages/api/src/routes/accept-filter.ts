// The accept filter of a gateway and the devices it refused.
import { gatewayParams } from '../common.ts';
import {
  acceptFilterResponse,
  changeAcceptedDevicesRequest,
  pendingResponse,
  setAcceptFilterRequest,
} from '../gateway-ops.ts';
import { GATEWAY_PATH as gw, type RouteDef } from './route-def.ts';

export const acceptFilterRoutes = [
  {
    id: 'accept-filter.get',
    method: 'get',
    path: `${gw}/accept-filter`,
    summary: 'Accept filter: session and DB',
    access: 'viewer',
    params: gatewayParams,
    response: acceptFilterResponse,
    tag: 'connect',
  },
  {
    id: 'accept-filter.set-session',
    method: 'put',
    path: `${gw}/accept-filter/session`,
    summary: 'Set the accept filter (session)',
    access: 'admin',
    params: gatewayParams,
    body: setAcceptFilterRequest,
    response: acceptFilterResponse,
    tag: 'connect',
  },
  {
    id: 'accept-filter.set-db',
    method: 'put',
    path: `${gw}/accept-filter/db`,
    summary: "Set the accept filter in the master's DB",
    access: 'admin',
    params: gatewayParams,
    body: setAcceptFilterRequest,
    response: acceptFilterResponse,
    tag: 'connect',
  },
  {
    id: 'accept-filter.change-devices',
    method: 'post',
    path: `${gw}/accept-filter/devices`,
    summary:
      "Accept (add) or stop accepting (remove) devices in one store's filter, in one step on the server",
    access: 'admin',
    params: gatewayParams,
    body: changeAcceptedDevicesRequest,
    response: acceptFilterResponse,
    tag: 'connect',
  },
  {
    id: 'pending.list',
    method: 'get',
    path: `${gw}/pending`,
    summary: 'Devices refused by the accept filter',
    access: 'viewer',
    params: gatewayParams,
    response: pendingResponse,
    tag: 'connect',
  },
] as const satisfies readonly RouteDef[];
