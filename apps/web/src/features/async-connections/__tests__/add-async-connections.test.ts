import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../lib/query-keys.ts';
import { addAsyncConnectionsMutation } from '../api/add-async-connections.ts';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/api-client.ts', () => ({ call }));

describe('add async connections', () => {
  it("re-reads the gateway's async list, not its other settings or any device list", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.deviceList({ page: 1 }), { items: [], total: 0 });
    queryClient.setQueryData(queryKeys.asyncConnections('g1'), { session: [], db: [] });
    queryClient.setQueryData(queryKeys.asyncConnections('g2'), { session: [], db: [] });
    queryClient.setQueryData(queryKeys.slaves('g1'), { session: [], db: [] });
    call.mockResolvedValue({ ok: true });
    const info = { deviceID: 5, IPAddr: '10.0.0.5', port: 51211, useSSL: false };
    await new MutationObserver(queryClient, addAsyncConnectionsMutation(queryClient, 'g1')).mutate({
      store: 'db',
      connectInfos: [info],
    });
    expect(call.mock.calls[0]![0].id).toBe('async.add-db');
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalidated(queryKeys.asyncConnections('g1'))).toBe(true);
    expect(invalidated(queryKeys.asyncConnections('g2'))).toBe(false);
    expect(invalidated(queryKeys.slaves('g1'))).toBe(false);
    expect(invalidated(queryKeys.deviceList({ page: 1 }))).toBe(false);
  });
});
