import { queryOptions, useQuery } from '@tanstack/react-query';
import { type HistoryEntry, type HistoryPage, route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const DAY_MS = 86_400_000;

/**
 * The device's status changes of the last day (newest first), following cursors until an entry
 * older than a day shows up, plus the one change before the window so the day starts in a known state.
 */
export async function fetchDayHistory(
  deviceID: number,
  now: number,
  signal?: AbortSignal,
): Promise<{ entries: HistoryEntry[]; facts: HistoryPage['facts'] }> {
  const entries: HistoryEntry[] = [];
  let cursor: string | null = null;
  let facts: HistoryPage['facts'] | null = null;
  for (let i = 0; i < 20; i++) {
    const page: HistoryPage = await call(route('history.device'), {
      params: { deviceID },
      query: { limit: 1000, cursor: cursor ?? undefined },
      signal,
    });
    facts ??= page.facts;
    entries.push(...page.items);
    const oldest = page.items.at(-1);
    if (!page.nextCursor || !oldest || Date.parse(oldest.at) < now - DAY_MS) break;
    cursor = page.nextCursor;
  }
  return {
    entries,
    facts: facts ?? {
      lastConnectedAt: null,
      lastDisconnectedAt: null,
      lastFailure: null,
      flapping: false,
    },
  };
}

export const deviceHistoryQuery = (deviceID: number) =>
  queryOptions({
    queryKey: queryKeys.deviceHistory(deviceID),
    queryFn: ({ signal }) => fetchDayHistory(deviceID, Date.now(), signal),
  });

export function useDeviceHistory(deviceID: number) {
  return useQuery(deviceHistoryQuery(deviceID));
}
