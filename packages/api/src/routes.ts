// The one route table of /api/v1: every route, by id, with its schemas. The BFF registers its
// handlers from it, the OpenAPI document is generated from it and the web client calls through it.
// Each resource keeps its routes in its own file under ./routes/.
import { acceptFilterRoutes } from './routes/accept-filter.ts';
import { accountRoutes } from './routes/accounts.ts';
import { webhookRoutes } from './routes/alert-webhooks.ts';
import { alertRoutes } from './routes/alerts.ts';
import { authRoutes } from './routes/auth.ts';
import { connectRoutes } from './routes/connect.ts';
import { deviceLabelRoutes } from './routes/device-labels.ts';
import { deviceRoutes } from './routes/devices.ts';
import { gatewayDeviceRoutes } from './routes/gateway-devices.ts';
import { gatewayRoutes } from './routes/gateways.ts';
import { historyRoutes } from './routes/history.ts';
import { inventoryRoutes } from './routes/inventory.ts';
import { lostConnectionRoutes } from './routes/lost-connections.ts';
import { opsRoutes } from './routes/ops.ts';
import { reportRoutes } from './routes/reports.ts';
import { slaveRoutes } from './routes/slaves.ts';
import { tenantRoutes } from './routes/tenants.ts';
import type { RouteDef } from './routes/route-def.ts';

export { API_PREFIX, type Access, type HttpMethod, type RouteDef } from './routes/route-def.ts';

export const routes = [
  ...authRoutes,
  ...gatewayRoutes,
  ...connectRoutes,
  ...acceptFilterRoutes,
  ...gatewayDeviceRoutes,
  ...slaveRoutes,
  ...deviceRoutes,
  ...deviceLabelRoutes,
  ...historyRoutes,
  ...lostConnectionRoutes,
  ...reportRoutes,
  ...inventoryRoutes,
  ...alertRoutes,
  ...webhookRoutes,
  ...tenantRoutes,
  ...accountRoutes,
  ...opsRoutes,
] as const satisfies readonly RouteDef[];

export type AnyRoute = (typeof routes)[number];
export type RouteId = AnyRoute['id'];

const byId = new Map<string, AnyRoute>(routes.map((r) => [r.id, r]));

export function routeById(id: RouteId): RouteDef {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown route ${id}`);
  return found;
}

/** '/gateways/{gatewayID}' -> '/gateways/:gatewayID' (Express syntax). */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** The exact (literal-typed) definition of one route, so servers and clients keep its schema types. */
export type RouteOf<I extends RouteId> = Extract<AnyRoute, { id: I }>;

export function route<I extends RouteId>(id: I): RouteOf<I> {
  return routeById(id) as RouteOf<I>;
}
