import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ApiError } from '../client/api-error.ts';
import { createApiClient, type FetchLike } from '../client/call.ts';
import { routeUrl } from '../client/url.ts';
import { route, routes } from '../routes.ts';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

function client(status: number, answer: unknown, statusText = '') {
  const sent: Sent[] = [];
  const onUnauthorized = vi.fn();
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, method: init.method, headers: init.headers, body: init.body });
    const text =
      answer === undefined ? '' : typeof answer === 'string' ? answer : JSON.stringify(answer);
    return { ok: status >= 200 && status < 300, status, statusText, text: async () => text };
  };
  const call = createApiClient({
    baseUrl: '/api/v1',
    fetch,
    headers: (method): Record<string, string> =>
      method === 'get' ? {} : { 'x-csrf-token': 'tok' },
    onUnauthorized,
  });
  return { call, sent, onUnauthorized };
}

const problem400 = {
  type: 'https://cmc.local/problems/400',
  title: 'Bad Request',
  status: 400,
  detail: 'body.port: must be between 1 and 65535',
  errors: [
    { path: 'body.port', message: 'must be between 1 and 65535' },
    { path: 'body.IPAddr', message: 'must be an IPv4 address such as 192.168.0.10' },
    { path: 'body.port', message: 'a second message for the same field' },
  ],
  requestId: 'req-1',
};

describe('route table', () => {
  it('reaches every route by its id, the history routes too', () => {
    expect(route('history.device').path).toBe('/devices/{deviceID}/history');
    expect(route('gateways.list').path).toBe('/gateways');
    expect(route('alarms.deliveries').method).toBe('get');
    for (const r of routes) expect(route(r.id)).toBe(r);
  });
});

describe('call', () => {
  it('fills path params (encoded) and sends the body as JSON with the app headers', async () => {
    const { call, sent } = client(200, { ok: true });
    const result = await call(route('async.add-db'), {
      params: { gatewayID: 'gw 1/x' },
      body: { connectInfos: [{ deviceID: 5, IPAddr: '10.0.0.5', port: 51211, useSSL: false }] },
    });
    expect(result).toEqual({ ok: true });
    expect(sent[0]).toMatchObject({
      url: '/api/v1/gateways/gw%201%2Fx/async-connections/db',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'tok' },
    });
    expect(JSON.parse(sent[0]!.body!)).toEqual({
      connectInfos: [{ deviceID: 5, IPAddr: '10.0.0.5', port: 51211, useSSL: false }],
    });
  });

  it('comma-joins query lists and leaves out empty values', async () => {
    const { call, sent } = client(200, { items: [], total: 0, limit: 50, offset: 0 });
    await call(route('devices.list'), {
      query: {
        status: ['TCP_CONNECTED', 'TLS_CONNECTED'],
        gatewayID: '',
        q: undefined,
        pageSize: 50,
      },
    }).catch(() => undefined);
    expect(sent[0]!.url).toBe('/api/v1/devices?status=TCP_CONNECTED%2CTLS_CONNECTED&pageSize=50');
    expect(sent[0]!.method).toBe('GET');
    expect(sent[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(sent[0]!.body).toBeNull();
  });

  it('parses the answer with the route schema (output types, defaults applied)', async () => {
    const { call } = client(200, { ok: true });
    const result = await call(route('gateways.connect'), {
      params: { gatewayID: 'g1' },
      body: { IPAddr: '10.0.0.1', port: 51211, useSSL: false },
    }).catch((e: unknown) => e);
    // connectResponse is not { ok: true }: the mismatch is an error naming the route, not data.
    expect(result).toBeInstanceOf(ApiError);
    expect((result as ApiError).title).toBe('Unexpected response');
    expect((result as ApiError).detail).toMatch(/POST \/gateways\/\{gatewayID\}\/connect/);
  });

  it('returns undefined for routes without a response body', async () => {
    const { call, sent } = client(204, undefined);
    const result = await call(route('tenants.delete'), { params: { tenantID: 't1' } });
    expect(result).toBeUndefined();
    expect(sent[0]).toMatchObject({ url: '/api/v1/tenants/t1', method: 'DELETE' });
  });

  it('reads errors with the problem+json schema: detail, field paths without prefix, request ID', async () => {
    const { call, onUnauthorized } = client(400, problem400, 'Bad Request');
    const error = (await call(route('gateways.connect'), {
      params: { gatewayID: 'g1' },
      body: { IPAddr: 'x', port: 0, useSSL: false },
    }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.userMessage).toBe('body.port: must be between 1 and 65535');
    expect(error.requestId).toBe('req-1');
    expect(error.fieldErrors).toEqual({
      port: 'must be between 1 and 65535',
      IPAddr: 'must be an IPv4 address such as 192.168.0.10',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('names only the status when the error body is not problem+json', async () => {
    const { call } = client(502, '<html>bad gateway</html>', 'Bad Gateway');
    const error = (await call(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.userMessage).toBe('The console server failed (HTTP 502 Bad Gateway).');
    expect(error.fieldErrors).toEqual({});
  });

  it('does not take guessed error shapes ({ error }, { message }) for problem+json', async () => {
    const { call } = client(409, { error: 'guessed', message: 'also guessed' });
    const error = (await call(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error.userMessage).toBe('Request failed (HTTP 409).');
  });

  it('reports an unexpected 401 to the app, an expected one only to the caller', async () => {
    const body = { type: 'x', title: 'Unauthorized', status: 401, detail: 'sign in first' };
    const a = client(401, body);
    await expect(a.call(route('devices.list'))).rejects.toBeInstanceOf(ApiError);
    expect(a.onUnauthorized).toHaveBeenCalledTimes(1);
    const b = client(401, body);
    await expect(
      b.call(route('auth.login'), {
        body: { username: 'a', password: 'b' },
        allowUnauthorized: true,
      }),
    ).rejects.toMatchObject({ status: 401, userMessage: 'sign in first' });
    expect(b.onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a network failure into status 0 and lets an abort through', async () => {
    const failing = createApiClient({
      baseUrl: '/api/v1',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = (await failing(route('gateways.list')).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.userMessage).toBe('The console server cannot be reached.');
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const aborted = createApiClient({ baseUrl: '/api/v1', fetch: () => Promise.reject(abort) });
    await expect(aborted(route('gateways.list'))).rejects.toBe(abort);
  });

  it('refuses a file route and a missing path param with a clear message', async () => {
    const { call } = client(200, {});
    await expect(call(route('inventory.export'))).rejects.toThrow(/routeUrl/);
    await expect(call(route('gateways.get'), { params: { gatewayID: '' } })).rejects.toThrow(
      /gateways.get needs the path parameter gatewayID/,
    );
  });

  it('builds download links from the table', () => {
    expect(
      routeUrl('/api/v1', route('reports.availability-csv'), {
        query: { groupBy: 'gateway', gatewayID: ['a', 'b'] },
      }),
    ).toBe('/api/v1/reports/availability.csv?groupBy=gateway&gatewayID=a%2Cb');
    expect(routeUrl('/api/v1', route('history.device'), { params: { deviceID: 42 } })).toBe(
      '/api/v1/devices/42/history',
    );
  });

  it('types params, query, body and result from the route schemas', () => {
    const { call } = client(200, {});
    type GatewayList = Awaited<ReturnType<typeof call<ReturnType<typeof route<'gateways.list'>>>>>;
    expectTypeOf<GatewayList>().toHaveProperty('gateways');
    // @ts-expect-error -- a route with path params needs them
    void call(route('gateways.get')).catch(() => undefined);
    // @ts-expect-error -- an unknown body field is refused
    void call(route('auth.login'), { body: { username: 'a', password: 'b', x: 1 } }).catch(
      () => undefined,
    );
  });
});
