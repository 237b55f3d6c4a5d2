import type { QueryClient } from '@tanstack/react-query';
import { paramsFromSearch } from '../url-state.ts';
import { devicesQuery } from './list-devices.ts';

/**
 * Starts the Devices page's list request from its route loader, so it runs while the page's chunks
 * load and render instead of after the first render. Same queryOptions (and so the same cache entry)
 * as the page's useDevices, which then finds the request in flight or answered. Not awaited by the
 * loader. `hasSession` gates it, so a signed-out visit asks nothing (no 401 racing the redirect).
 */
export function prefetchDevices(
  queryClient: QueryClient,
  url: URL,
  hasSession: () => Promise<boolean>,
): Promise<void> {
  const params = paramsFromSearch(url.searchParams);
  return hasSession()
    .then((signedIn) => (signedIn ? queryClient.prefetchQuery(devicesQuery(params)) : undefined))
    .catch(() => undefined); // the page's own query reports any error
}
