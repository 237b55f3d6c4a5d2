import { queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';

export const storageStatusKey = ['storage'] as const;

/** Admins only: whether the console's database takes writes (disk full, read-only file). */
export const storageStatusQuery = () =>
  queryOptions({
    queryKey: storageStatusKey,
    queryFn: ({ signal }) => call(route('storage.status'), { signal }),
    // A full disk comes and goes without any other event the browser would see.
    refetchInterval: 30_000,
  });

export function useStorageStatus(enabled: boolean) {
  return useQuery({ ...storageStatusQuery(), enabled });
}
