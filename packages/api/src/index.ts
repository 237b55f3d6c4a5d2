export * from './common.ts';
export * from './names.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './gateways.ts';
export * from './devices.ts';
export * from './gateway-ops.ts';
export * from './tenants.ts';
export * from './audit.ts';
export * from './health.ts';
export * from './routes.ts';
export * from './device-labels.ts';
export * from './alerts.ts';
export * from './alert-webhooks.ts';
export { allRoutes, buildOpenApiDocument } from './openapi.ts';
// Owned by the live module (socket.io events, connection history routes).
export * from './live.ts';
export * from './history.ts';
