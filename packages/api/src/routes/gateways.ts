// Gateways and their summaries.
import { gatewayParams } from '../common.ts';
import { gatewayList, gatewaySummary } from '../gateways.ts';
import { GATEWAY_PATH as gw, type RouteDef } from './route-def.ts';

export const gatewayRoutes = [
  {
    id: 'gateways.list',
    method: 'get',
    path: '/gateways',
    summary: 'Gateways the user may see, connected state and device counts by status',
    access: 'viewer',
    response: gatewayList,
    tag: 'gateways',
  },
  {
    id: 'gateways.get',
    method: 'get',
    path: gw,
    summary: 'One gateway',
    access: 'viewer',
    params: gatewayParams,
    response: gatewaySummary,
    tag: 'gateways',
  },
] as const satisfies readonly RouteDef[];
