// URLs of the route table's routes: the path template filled from params, the query serialised the
// way the BFF's query schemas read it (lists comma-joined, empty values left out).
import type { RouteDef } from '../routes/route-def.ts';

export type QueryValue =
  string | number | boolean | null | undefined | ReadonlyArray<string | number>;

/** '/gateways/{gatewayID}/connect' + { gatewayID: 'a/b' } -> '/gateways/a%2Fb/connect'. */
export function fillPath(route: Pick<RouteDef, 'id' | 'path'>, params: object | undefined): string {
  const values = (params ?? {}) as Record<string, unknown>;
  return route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`route ${route.id} needs the path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** '' or '?a=1&ids=1,2'; undefined, null, '' and empty lists are left out. */
export function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The full URL of a route (e.g. a CSV download link), under `base` (such as '/api/v1'). */
export function routeUrl(
  base: string,
  route: Pick<RouteDef, 'id' | 'path'>,
  parts: { params?: object | undefined; query?: object | undefined } = {},
): string {
  return `${base}${fillPath(route, parts.params)}${queryString(parts.query)}`;
}
