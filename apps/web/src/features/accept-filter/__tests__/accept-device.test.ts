import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../lib/query-keys.ts';
import { acceptDeviceMutation } from '../api/set-accept-filter.ts';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../../lib/api-client.ts', () => ({ call }));

const filters = {
  session: { allowAll: false, deviceIDs: [7], IPAddrs: [], subnetMasks: [] },
  db: { allowAll: false, deviceIDs: [], IPAddrs: [], subnetMasks: [] },
};
const detailOf = (deviceID: number, gatewayID: string) => ({ device: { deviceID, gatewayID } });

describe('Accept on a pending device', () => {
  let queryClient: QueryClient;
  const invalidated = (key: readonly unknown[]) =>
    queryClient.getQueryState(key)?.isInvalidated ?? false;

  beforeEach(() => {
    call.mockReset();
    queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.deviceList({ page: 1 }), { items: [], total: 0 });
    queryClient.setQueryData(queryKeys.gatewayList(), { gateways: [] });
    queryClient.setQueryData(queryKeys.pending('g1'), { devices: [] });
    queryClient.setQueryData(queryKeys.deviceDetail(7), detailOf(7, 'g1'));
    queryClient.setQueryData(queryKeys.deviceDetail(8), detailOf(8, 'g2'));
  });

  it('is one server call that adds the device; the filter answer fills the cache', async () => {
    call.mockResolvedValue(filters);
    await new MutationObserver(queryClient, acceptDeviceMutation(queryClient, 'g1')).mutate({
      store: 'session',
      deviceID: 7,
    });
    expect(call).toHaveBeenCalledTimes(1);
    const [route, options] = call.mock.calls[0]!;
    expect(route.id).toBe('accept-filter.change-devices');
    expect(options).toEqual({
      params: { gatewayID: 'g1' },
      body: { store: 'session', add: [7], remove: [] },
    });
    expect(queryClient.getQueryData(queryKeys.acceptFilter('g1'))).toEqual(filters);
  });

  it("re-reads that gateway's pending list and device details, never the device lists", async () => {
    call.mockResolvedValue(filters);
    await new MutationObserver(queryClient, acceptDeviceMutation(queryClient, 'g1')).mutate({
      store: 'db',
      deviceID: 7,
    });
    expect(invalidated(queryKeys.pending('g1'))).toBe(true);
    expect(invalidated(queryKeys.deviceDetail(7))).toBe(true);
    expect(invalidated(queryKeys.deviceDetail(8))).toBe(false);
    expect(invalidated(queryKeys.deviceList({ page: 1 }))).toBe(false);
    expect(invalidated(queryKeys.gatewayList())).toBe(false);
  });
});
