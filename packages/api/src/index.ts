export * from './common.ts';
export * from './names.ts';
export * from './labels.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './gateways.ts';
export * from './devices.ts';
export * from './device-bulk.ts';
export * from './gateway-ops.ts';
export * from './tenants.ts';
export * from './audit.ts';
export * from './health.ts';
export * from './routes.ts';
export * from './device-labels.ts';
export * from './alerts.ts';
export * from './alert-webhooks.ts';
export { buildOpenApiDocument } from './openapi.ts';
// Owned by the live module (socket.io events, connection history routes).
export * from './live.ts';
export * from './history.ts';
export * from './lost-connections.ts';
export * from './reports.ts';
export * from './inventory.ts';
export { createApiClient } from './client/call.ts';
export type {
  BodyOf,
  Call,
  CallOptions,
  ClientConfig,
  FetchLike,
  ParamsOf,
  QueryOf,
  ResultOf,
} from './client/call.ts';
export { ApiError, apiErrorOf, fieldErrorsOf, isApiError } from './client/api-error.ts';
export { fillPath, queryString, routeUrl, type QueryValue } from './client/url.ts';
