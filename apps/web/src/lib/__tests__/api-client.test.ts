import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { route } from '@cmc/api';
import { call, fileUrl, setUnauthorizedHandler } from '../api-client.ts';
import { ApiError } from '../api-error.ts';
import { setCsrfToken } from '../csrf.ts';

function respond(status: number, body: unknown, contentType = 'application/json') {
  return new Response(
    body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    {
      status,
      statusText: status === 400 ? 'Bad Request' : '',
      headers: { 'content-type': contentType },
    },
  );
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('maps a problem+json validation failure to an ApiError with detail and field paths', async () => {
    fetchMock.mockResolvedValue(
      respond(
        400,
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          detail: 'connectInfo.port must be between 1 and 65535',
          requestId: 'r-1',
          errors: [
            { path: 'body.port', message: 'must be between 1 and 65535' },
            { path: 'body.IPAddr', message: 'must be an IPv4 address such as 192.168.0.10' },
            { path: 'body.port', message: 'a second message for the same field' },
          ],
        },
        'application/problem+json',
      ),
    );
    const error = await call(route('gateways.connect'), {
      params: { gatewayID: 'g1' },
      body: { IPAddr: 'x', port: 0, useSSL: false },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.userMessage).toBe('connectInfo.port must be between 1 and 65535');
    expect(apiError.requestId).toBe('r-1');
    expect(apiError.fieldErrors).toEqual({
      port: 'must be between 1 and 65535',
      IPAddr: 'must be an IPv4 address such as 192.168.0.10',
    });
  });

  it('names the status when the body is not JSON (e.g. a proxy error page)', async () => {
    fetchMock.mockResolvedValue(respond(502, '<html>bad gateway</html>', 'text/html'));
    const error = (await call(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.userMessage).toMatch(/HTTP 502/);
  });

  it('turns a network failure into status 0 with a readable message', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = (await call(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.userMessage).toBe('The console server cannot be reached.');
  });

  it('calls the unauthorized handler on 401 unless the caller expects 401', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValue(
      respond(401, { type: 'x', title: 'Unauthorized', status: 401, detail: 'sign in first' }),
    );
    await expect(call(route('devices.list'))).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValue(
      respond(401, { type: 'x', title: 'Unauthorized', status: 401, detail: 'wrong password' }),
    );
    await expect(
      call(route('auth.login'), {
        body: { username: 'a', password: 'b' },
        allowUnauthorized: true,
      }),
    ).rejects.toMatchObject({ detail: 'wrong password' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('sends JSON with credentials and the CSRF header on state-changing requests only', async () => {
    setCsrfToken('tok-123');
    fetchMock.mockImplementation(async () => respond(200, { ok: true }));
    await call(route('devices.disconnect'), {
      params: { gatewayID: 'g1' },
      body: { deviceIDs: [1] },
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/gateways/g1/disconnect');
    expect(init?.credentials).toBe('same-origin');
    expect((init?.headers as Record<string, string>)['x-csrf-token']).toBe('tok-123');
    expect(init?.body).toBe('{"deviceIDs":[1]}');
    await call(route('gateways.list')).catch(() => undefined);
    expect(
      (fetchMock.mock.calls[1]?.[1]?.headers as Record<string, string>)['x-csrf-token'],
    ).toBeUndefined();
  });

  it('rejects a response that does not match the shared schema', async () => {
    fetchMock.mockResolvedValue(respond(200, { gateways: 'nope' }));
    const error = (await call(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.title).toBe('Unexpected response');
  });

  it('builds query strings without empty values and joins lists with commas', async () => {
    fetchMock.mockResolvedValue(respond(200, {}));
    await call(route('devices.list'), {
      query: {
        status: ['TCP_CONNECTED', 'TLS_CONNECTED'],
        q: '',
        mode: undefined,
        page: 2,
        ssl: false,
      },
    }).catch(() => undefined);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/v1/devices?status=TCP_CONNECTED%2CTLS_CONNECTED&page=2&ssl=false',
    );
  });

  it('builds CSV download links from the route table', () => {
    expect(
      fileUrl(route('inventory.export'), { query: { gatewayID: 'g 1', status: ['DISCONNECTED'] } }),
    ).toBe('/api/v1/inventory/devices.csv?gatewayID=g+1&status=DISCONNECTED');
  });
});
