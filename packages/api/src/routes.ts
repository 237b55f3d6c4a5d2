import type { z } from 'zod';
import {
  accountList,
  account,
  accountParams,
  createAccountRequest,
  resetPasswordRequest,
} from './accounts.ts';
import { auditList, auditQuery } from './audit.ts';
import { loginRequest, sessionResponse } from './auth.ts';
import { gatewayParams, ok } from './common.ts';
import { deviceDetail, deviceList, deviceListQuery, deviceParams } from './devices.ts';
import {
  acceptFilterResponse,
  addAsyncConnectionsRequest,
  asyncConnectionsResponse,
  connectionModeRequest,
  connectRequest,
  connectResponse,
  deviceIDsRequest,
  multiResponse,
  pendingResponse,
  searchRequest,
  searchResponse,
  setAcceptFilterRequest,
  setSlaveDevicesRequest,
  slaveDevicesResponse,
  sslRequest,
} from './gateway-ops.ts';
import { gatewayList, gatewaySummary } from './gateways.ts';
import { storageStatus } from './health.ts';
import {
  createTenantRequest,
  tenantGatewaysRequest,
  tenantInfo,
  tenantList,
  tenantParams,
} from './tenants.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
/** public: no session; viewer: any signed-in user (tenant users limited to their gateways); admin: admins only. */
export type Access = 'public' | 'viewer' | 'admin';

export interface RouteDef {
  /** Stable identifier; also the audit action of mutating routes. */
  id: string;
  method: HttpMethod;
  /** Under /api/v1, OpenAPI style: /gateways/{gatewayID}. */
  path: string;
  summary: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | null;
  /** Success status; 200 unless stated. */
  status?: 200 | 201 | 204;
  tag: string;
  /** A file answer instead of JSON (the body is not described by `response`). */
  produces?: 'text/csv';
}

export const API_PREFIX = '/api/v1';

const gw = '/gateways/{gatewayID}';

export const routes = [
  // auth
  {
    id: 'auth.login',
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in (sets the session cookie)',
    access: 'public',
    body: loginRequest,
    response: sessionResponse,
    tag: 'auth',
  },
  {
    id: 'auth.logout',
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out',
    access: 'viewer',
    response: null,
    status: 204,
    tag: 'auth',
  },
  {
    id: 'auth.me',
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user and the CSRF token',
    access: 'viewer',
    response: sessionResponse,
    tag: 'auth',
  },

  // gateways
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
  {
    id: 'gateways.search',
    method: 'post',
    path: `${gw}/search`,
    summary: "Search the gateway's subnet for devices",
    access: 'admin',
    params: gatewayParams,
    body: searchRequest,
    response: searchResponse,
    tag: 'connect',
  },
  {
    id: 'gateways.connect',
    method: 'post',
    path: `${gw}/connect`,
    summary: 'Connect a device synchronously',
    access: 'admin',
    params: gatewayParams,
    body: connectRequest,
    response: connectResponse,
    tag: 'connect',
  },
  {
    id: 'async.list',
    method: 'get',
    path: `${gw}/async-connections`,
    summary: 'Async connections: session (not stored) and DB (stored)',
    access: 'viewer',
    params: gatewayParams,
    response: asyncConnectionsResponse,
    tag: 'connect',
  },
  {
    id: 'async.add-session',
    method: 'post',
    path: `${gw}/async-connections/session`,
    summary: 'Add async connections (session: lost when the gateway reconnects)',
    access: 'admin',
    params: gatewayParams,
    body: addAsyncConnectionsRequest,
    response: ok,
    tag: 'connect',
  },
  {
    id: 'async.add-db',
    method: 'post',
    path: `${gw}/async-connections/db`,
    summary: "Add async connections to the master's DB",
    access: 'admin',
    params: gatewayParams,
    body: addAsyncConnectionsRequest,
    response: ok,
    tag: 'connect',
  },
  {
    id: 'async.delete-session',
    method: 'post',
    path: `${gw}/async-connections/session/delete`,
    summary: 'Delete async connections (session)',
    access: 'admin',
    params: gatewayParams,
    body: deviceIDsRequest,
    response: ok,
    tag: 'connect',
  },
  {
    id: 'async.delete-db',
    method: 'post',
    path: `${gw}/async-connections/db/delete`,
    summary: "Delete async connections from the master's DB",
    access: 'admin',
    params: gatewayParams,
    body: deviceIDsRequest,
    response: ok,
    tag: 'connect',
  },
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
    id: 'pending.list',
    method: 'get',
    path: `${gw}/pending`,
    summary: 'Devices refused by the accept filter',
    access: 'viewer',
    params: gatewayParams,
    response: pendingResponse,
    tag: 'connect',
  },
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

  // devices
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

  // tenants (Tenant API)
  {
    id: 'tenants.list',
    method: 'get',
    path: '/tenants',
    summary: 'Tenants and their gateways',
    access: 'admin',
    response: tenantList,
    tag: 'tenants',
  },
  {
    id: 'tenants.create',
    method: 'post',
    path: '/tenants',
    summary: 'Add a tenant',
    access: 'admin',
    body: createTenantRequest,
    response: tenantInfo,
    status: 201,
    tag: 'tenants',
  },
  {
    id: 'tenants.delete',
    method: 'delete',
    path: '/tenants/{tenantID}',
    summary: 'Delete a tenant',
    access: 'admin',
    params: tenantParams,
    response: null,
    status: 204,
    tag: 'tenants',
  },
  {
    id: 'tenants.add-gateways',
    method: 'post',
    path: '/tenants/{tenantID}/gateways',
    summary: 'Assign gateways to a tenant',
    access: 'admin',
    params: tenantParams,
    body: tenantGatewaysRequest,
    response: tenantInfo,
    tag: 'tenants',
  },
  {
    id: 'tenants.delete-gateways',
    method: 'post',
    path: '/tenants/{tenantID}/gateways/delete',
    summary: 'Remove gateways from a tenant',
    access: 'admin',
    params: tenantParams,
    body: tenantGatewaysRequest,
    response: tenantInfo,
    tag: 'tenants',
  },

  // accounts
  {
    id: 'accounts.list',
    method: 'get',
    path: '/accounts',
    summary: 'Console accounts',
    access: 'admin',
    response: accountList,
    tag: 'accounts',
  },
  {
    id: 'accounts.create',
    method: 'post',
    path: '/accounts',
    summary: 'Create a tenant viewer account',
    access: 'admin',
    body: createAccountRequest,
    response: account,
    status: 201,
    tag: 'accounts',
  },
  {
    id: 'accounts.delete',
    method: 'delete',
    path: '/accounts/{accountID}',
    summary: 'Delete an account',
    access: 'admin',
    params: accountParams,
    response: null,
    status: 204,
    tag: 'accounts',
  },
  {
    id: 'accounts.reset-password',
    method: 'post',
    path: '/accounts/{accountID}/password',
    summary: "Reset an account's password (ends its sessions)",
    access: 'admin',
    params: accountParams,
    body: resetPasswordRequest,
    response: null,
    status: 204,
    tag: 'accounts',
  },
  {
    id: 'accounts.unlock',
    method: 'post',
    path: '/accounts/{accountID}/unlock',
    summary: 'Clear the sign-in lock-outs of an account, from every address',
    access: 'admin',
    params: accountParams,
    response: null,
    status: 204,
    tag: 'accounts',
  },

  // audit
  {
    id: 'audit.list',
    method: 'get',
    path: '/audit',
    summary: 'Audit log, paged and filtered',
    access: 'admin',
    query: auditQuery,
    response: auditList,
    tag: 'audit',
  },

  // storage (issue 14: the console's own database stops taking writes)
  {
    id: 'storage.status',
    method: 'get',
    path: '/storage',
    summary: "Whether the console's database takes writes, and what is held in memory meanwhile",
    access: 'admin',
    response: storageStatus,
    tag: 'ops',
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): RouteDef {
  const found = routes.find((r) => r.id === id);
  if (!found) throw new Error(`unknown route ${id}`);
  return found;
}

/** '/gateways/{gatewayID}' -> '/gateways/:gatewayID' (Express syntax). */
export function expressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** The exact (literal-typed) definition of one route, so servers and clients keep its schema types. */
export type RouteOf<I extends RouteId> = Extract<(typeof routes)[number], { id: I }>;

export function route<I extends RouteId>(id: I): RouteOf<I> {
  return routeById(id) as RouteOf<I>;
}
