// Connections lost when a gateway reconnected.
import {
  lostConnectionsList,
  restoreLostRequest,
  restoreLostResponse,
} from '../lost-connections.ts';
import type { RouteDef } from './route-def.ts';

import { gatewayParams, ok } from '../common.ts';
export const lostConnectionRoutes = [
  {
    id: 'lost-connections.list',
    method: 'get',
    path: '/lost-connections',
    summary:
      'Connections lost when a gateway reconnected (session async, one-off), on the gateways the user may see',
    access: 'viewer',
    response: lostConnectionsList,
    tag: 'gateways',
  },
  {
    id: 'lost-connections.restore',
    method: 'post',
    path: '/gateways/{gatewayID}/lost-connections/restore',
    summary:
      'Re-apply lost connections: as before (session / Connect) or saved to the master database',
    access: 'admin',
    params: gatewayParams,
    body: restoreLostRequest,
    response: restoreLostResponse,
    tag: 'gateways',
  },
  {
    id: 'lost-connections.dismiss',
    method: 'post',
    path: '/gateways/{gatewayID}/lost-connections/dismiss',
    summary: 'Forget the lost-connections notice of a gateway',
    access: 'admin',
    params: gatewayParams,
    response: ok,
    tag: 'gateways',
  },
] as const satisfies readonly RouteDef[];
