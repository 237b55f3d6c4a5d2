import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
/** public: no session; viewer: any signed-in user (tenant users limited to their gateways); admin: admins only. */
export type Access = 'public' | 'viewer' | 'admin';

export interface RouteDef {
  /** Stable identifier ('resource.action'); also the audit action of mutating routes. */
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

export const GATEWAY_PATH = '/gateways/{gatewayID}';
