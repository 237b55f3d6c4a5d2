import { afterEach, describe, expect, it, vi } from 'vitest';
import { reRegisterAsync } from '../re-register-async.ts';

const info = (deviceID: number, useSSL = false) => ({
  deviceID,
  IPAddr: `10.0.0.${deviceID}`,
  port: 51211,
  useSSL,
});

describe('re-registering async connections after an SSL change', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('updates the saved registration (not its applied session copy), the session-only one, and skips unregistered devices', async () => {
    const calls: Array<{ method: string; url: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({
          method: init.method ?? 'GET',
          url,
          body: init.body ? JSON.parse(String(init.body)) : undefined,
        });
        const body = url.endsWith('/async-connections')
          ? { session: [info(1), info(2)], db: [info(1)] }
          : { ok: true };
        return new Response(JSON.stringify(body), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    const outcome = await reRegisterAsync(
      [1, 2, 3].map((deviceID) => ({ deviceID, gatewayID: 'gw1' })),
      true,
    );
    expect(outcome).toEqual({ updated: [1, 2], notRegistered: [3], failures: new Map() });
    expect(calls.slice(1).map((c) => [c.url, c.body])).toEqual([
      ['/api/v1/gateways/gw1/async-connections/db/delete', { deviceIDs: [1] }],
      ['/api/v1/gateways/gw1/async-connections/db', { connectInfos: [info(1, true)] }],
      ['/api/v1/gateways/gw1/async-connections/session/delete', { deviceIDs: [2] }],
      ['/api/v1/gateways/gw1/async-connections/session', { connectInfos: [info(2, true)] }],
    ]);
  });

  it('reports a refused call against every device it carried', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.endsWith('/async-connections'))
          return new Response(JSON.stringify({ session: [info(5)], db: [] }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          });
        return new Response(
          JSON.stringify({
            type: 'x',
            title: 'Service Unavailable',
            status: 503,
            detail: 'gateway gw1 is not connected',
          }),
          {
            status: 503,
            headers: { 'content-type': 'application/problem+json' },
          },
        );
      }),
    );
    const outcome = await reRegisterAsync([{ deviceID: 5, gatewayID: 'gw1' }], false);
    expect(outcome.updated).toEqual([]);
    expect([...outcome.failures]).toEqual([[5, 'gateway gw1 is not connected']]);
  });
});
