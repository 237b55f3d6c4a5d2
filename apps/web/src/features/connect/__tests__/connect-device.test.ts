import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../lib/query-keys.ts';
import { connectDeviceMutation } from '../api/connect-device.ts';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/api-client.ts', () => ({ call }));

describe('connect a device', () => {
  it('leaves device lists and gateway counts to the live deltas', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.deviceList({ page: 1 }), { items: [], total: 0 });
    queryClient.setQueryData(queryKeys.gatewayList(), { gateways: [] });
    queryClient.setQueryData(queryKeys.deviceDetail(42), { device: { deviceID: 42 } });
    call.mockResolvedValue({ deviceID: 42 });
    await new MutationObserver(queryClient, connectDeviceMutation(queryClient, 'g1')).mutate({
      IPAddr: '10.0.0.42',
    });
    expect(call.mock.calls[0]![0].id).toBe('gateways.connect');
    expect(call.mock.calls[0]![1]).toEqual({
      params: { gatewayID: 'g1' },
      body: { IPAddr: '10.0.0.42' },
    });
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalidated(queryKeys.deviceDetail(42))).toBe(true);
    expect(invalidated(queryKeys.deviceList({ page: 1 }))).toBe(false);
    expect(invalidated(queryKeys.gatewayList())).toBe(false);
  });
});
