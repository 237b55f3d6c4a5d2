import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { devicesQuery } from '../list-devices.ts';
import { prefetchDevices } from '../prefetch-devices.ts';
import { paramsFromSearch } from '../../url-state.ts';

const list = { items: [], total: 0, page: 2, pageSize: 500, unavailableGateways: [] };

describe('prefetchDevices (devices route loader)', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the list of the URL and fills the cache entry the page reads', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(list), { headers: { 'content-type': 'application/json' } }),
    );
    const client = new QueryClient();
    const url = new URL('http://console.test/devices?status=TLS_CONNECTED&page=2&pageSize=500');
    await prefetchDevices(client, url, () => Promise.resolve(true));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const asked = String(fetchMock.mock.calls[0]?.[0]);
    expect(asked).toMatch(/\/api\/v1\/devices\?/);
    expect(asked).toContain('status=TLS_CONNECTED');
    expect(asked).toContain('pageSize=500');
    const key = devicesQuery(paramsFromSearch(url.searchParams)).queryKey;
    expect(client.getQueryData(key)).toEqual(list);
  });

  it('asks nothing without a session, and never rejects', async () => {
    const client = new QueryClient();
    await prefetchDevices(client, new URL('http://console.test/devices'), () =>
      Promise.resolve(false),
    );
    await expect(
      prefetchDevices(client, new URL('http://console.test/devices'), () =>
        Promise.reject(new Error('network down')),
      ),
    ).resolves.toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
