import type { QueryClient } from '@tanstack/react-query';
import { startEarlyRead } from '../../../lib/early-reads.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { paramsFromSearch } from '../url-state.ts';
import { devicesQuery, fetchDevices } from './list-devices.ts';

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

/**
 * Asks for the list a Devices page at `url` shows as the app starts (start-early-reads.ts), before
 * the session is known: a signed-out visitor's 401 is dropped quietly (no "session ended"), and
 * useDevices / prefetchDevices claim the answer through devicesQuery.
 */
export function startDevicesRead(url: URL): void {
  const params = paramsFromSearch(url.searchParams);
  startEarlyRead(queryKeys.deviceList(params), () => fetchDevices(params, undefined, true));
}
