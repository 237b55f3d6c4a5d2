import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../lib/api-client.ts';
import { queryKeys } from '../lib/query-keys.ts';
import type { FeedItem } from './live-store.ts';

/** The latest recorded status changes, so the feed is not empty after a page load. */
export function fetchRecentChanges(limit: number, signal?: AbortSignal): Promise<FeedItem[]> {
  return call(route('history.recent'), { query: { limit }, signal }).then((r) =>
    r.items.map((i) => {
      const at = Date.parse(i.at);
      return {
        key: `${i.deviceID}:${at}`,
        deviceID: i.deviceID,
        gatewayID: i.gatewayID,
        statusName: i.statusName,
        at,
      };
    }),
  );
}

export const recentChangesQuery = (limit: number) =>
  queryOptions({
    queryKey: [...queryKeys.recentChanges, limit],
    queryFn: ({ signal }) => fetchRecentChanges(limit, signal),
  });

export function useRecentChanges(limit: number) {
  return useQuery(recentChangesQuery(limit));
}

/**
 * Live items first-hand, history for what came before the socket connected. A change the live
 * feed carries and history recorded has the same device and time (the BFF stamps both with one
 * clock reading), so it appears once.
 */
export function mergeFeed(
  live: readonly FeedItem[],
  recorded: readonly FeedItem[],
  limit: number,
): FeedItem[] {
  const seen = new Set(live.map((i) => `${i.deviceID}:${i.at}`));
  const merged = [...live, ...recorded.filter((i) => !seen.has(`${i.deviceID}:${i.at}`))];
  return merged.sort((a, b) => b.at - a.at).slice(0, limit);
}
