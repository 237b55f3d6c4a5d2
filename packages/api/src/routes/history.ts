// Connection history: one device, connected-device series, recent changes.
import {
  connectedSeriesSchema,
  historyDeviceParamsSchema,
  historyPageSchema,
  historyQuerySchema,
  recentChangesQuerySchema,
  recentChangesSchema,
  seriesGatewayParamSchema,
  seriesQuerySchema,
} from '../history.ts';
import type { RouteDef } from './route-def.ts';

export const historyRoutes = [
  {
    id: 'history.device',
    method: 'get',
    path: '/devices/{deviceID}/history',
    summary:
      "A device's connection history, newest first, with its facts (last connected, last failure, flapping)",
    access: 'viewer',
    params: historyDeviceParamsSchema,
    query: historyQuerySchema,
    response: historyPageSchema,
    tag: 'history',
  },
  {
    id: 'history.connected-series',
    method: 'get',
    path: '/gateways/{gatewayID}/connected-series',
    summary: 'Connected-device count over time of a gateway (or all the user may see), for charts',
    access: 'viewer',
    params: seriesGatewayParamSchema,
    query: seriesQuerySchema,
    response: connectedSeriesSchema,
    tag: 'history',
  },
  {
    id: 'history.recent',
    method: 'get',
    path: '/history/recent',
    summary: 'The latest status changes on the gateways the user may see, newest first',
    access: 'viewer',
    query: recentChangesQuerySchema,
    response: recentChangesSchema,
    tag: 'history',
  },
] as const satisfies readonly RouteDef[];
