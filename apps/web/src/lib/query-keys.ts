import type { Query } from '@tanstack/react-query';

/**
 * Query keys shared by the feature fetchers and the live-status module, so a socket event updates
 * or invalidates exactly the cache entries the screens read.
 */
export const queryKeys = {
  gateways: ['gateways'] as const,
  gatewayList: () => ['gateways', 'list'] as const,
  gateway: (gatewayID: string) => ['gateways', 'one', gatewayID] as const,
  connectedSeries: (gatewayID: string) => ['gateways', 'series', gatewayID] as const,
  devices: ['devices'] as const,
  deviceLists: () => ['devices', 'list'] as const,
  deviceList: (params: object) => ['devices', 'list', params] as const,
  deviceIdLists: () => ['devices', 'ids'] as const,
  deviceDetails: () => ['devices', 'detail'] as const,
  deviceDetail: (deviceID: number) => ['devices', 'detail', deviceID] as const,
  deviceHistory: (deviceID: number) => ['devices', 'history', deviceID] as const,
  gatewayConfig: (gatewayID: string) => ['gateway-config', gatewayID] as const,
  asyncConnections: (gatewayID: string) => ['gateway-config', gatewayID, 'async'] as const,
  acceptFilter: (gatewayID: string) => ['gateway-config', gatewayID, 'accept-filter'] as const,
  pending: (gatewayID: string) => ['gateway-config', gatewayID, 'pending'] as const,
  slaves: (gatewayID: string) => ['gateway-config', gatewayID, 'slaves'] as const,
  tenants: () => ['tenants'] as const,
  accounts: () => ['accounts'] as const,
  audit: (params: object) => ['audit', params] as const,
  lostConnections: ['lost-connections'] as const,
  recentChanges: ['history', 'recent'] as const,
};

/**
 * The cached device details of one gateway's devices: they show its async registrations, accept
 * filters and slaves, which a save on that gateway changes. Device rows and gateway counts are not
 * here on purpose: the live socket's deltas keep those current without re-reading any list.
 */
export function deviceDetailsOfGateway(gatewayID: string) {
  return {
    queryKey: queryKeys.deviceDetails(),
    predicate: (query: Query) =>
      (query.state.data as { device?: { gatewayID?: string } } | undefined)?.device?.gatewayID ===
      gatewayID,
  };
}
