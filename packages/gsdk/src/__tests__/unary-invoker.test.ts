import { status, type CallOptions as GrpcCallOptions, type Client } from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.ts';
import {
  buildUnaryApi,
  invokeUnary,
  searchDeadlineMarginMs,
  type InvokerDeps,
} from '../unary-invoker.ts';
import type { AnyMethod } from '../unary-call.ts';

const { grpc } = loadGsdk();
const connectMaster = grpc.gsdk.connect_master.ConnectMaster.service;

// A stand-in for grpc-js Client.makeUnaryRequest (unit test of this module only): answers each
// attempt from `replies` and records the path and deadline it was given.
function fakeClient(replies: Array<{ code: number; details: string } | object>) {
  const attempts: Array<{ path: string; deadlineInMs: number }> = [];
  const client = {
    makeUnaryRequest(
      path: string,
      _serialize: unknown,
      deserialize: (bytes: Buffer) => unknown,
      _bytes: Buffer,
      _metadata: unknown,
      options: GrpcCallOptions,
      callback: (error: unknown, value?: unknown) => void,
    ) {
      attempts.push({ path, deadlineInMs: Number(options.deadline) - Date.now() });
      const reply = replies.shift();
      setImmediate(() => {
        if (reply && 'code' in reply) callback(Object.assign(new Error(reply.details), reply));
        else callback(null, deserialize(Buffer.alloc(0)));
      });
      return { cancel() {} };
    },
  };
  return { client: client as unknown as Client, attempts };
}

function deps(): InvokerDeps & { logins: string[] } {
  const logins: string[] = [];
  let n = 0;
  const session = new Session(
    async () => `jwt-${++n}`,
    ({ reason }) => logins.push(reason),
  );
  return { session, defaultDeadlineMs: 10_000, isClosed: () => false, logins };
}

const unauthenticated = { code: status.UNAUTHENTICATED, details: 'token expired' };

describe('invokeUnary', () => {
  it('on UNAUTHENTICATED logs in again and retries once', async () => {
    const d = deps();
    const { client, attempts } = fakeClient([unauthenticated, {}]);
    const response = await invokeUnary(
      d,
      client,
      connectMaster.GetDeviceList as AnyMethod,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      undefined,
    );
    expect(response).toEqual({ deviceInfos: [] });
    expect(attempts).toHaveLength(2);
    expect(d.logins).toEqual(['first-call', 'unauthenticated']);
  });

  it('a second UNAUTHENTICATED goes to the caller, with no third attempt', async () => {
    const d = deps();
    const { client, attempts } = fakeClient([unauthenticated, unauthenticated, {}]);
    const call = invokeUnary(
      d,
      client,
      connectMaster.GetDeviceList as AnyMethod,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      undefined,
    );
    await expect(call).rejects.toMatchObject({
      name: 'GsdkError',
      codeName: 'UNAUTHENTICATED',
      details: 'token expired',
    });
    expect(attempts).toHaveLength(2);
    expect(d.logins).toEqual(['first-call', 'unauthenticated']);
  });

  it('other errors are not retried', async () => {
    const d = deps();
    const { client, attempts } = fakeClient([{ code: status.NOT_FOUND, details: 'no gateway g' }]);
    const call = invokeUnary(
      d,
      client,
      connectMaster.GetDeviceList as AnyMethod,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      undefined,
    );
    await expect(call).rejects.toMatchObject({
      codeName: 'NOT_FOUND',
      rpc: 'ConnectMaster.GetDeviceList',
    });
    expect(attempts).toHaveLength(1);
  });

  it('deadlines: default, per call, and SearchDevice = timeout + margin', async () => {
    const { client, attempts } = fakeClient([{}, {}, {}, {}]);
    const d = deps();
    await invokeUnary(
      d,
      client,
      connectMaster.GetDeviceList as AnyMethod,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      undefined,
    );
    await invokeUnary(
      d,
      client,
      connectMaster.GetDeviceList as AnyMethod,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      { deadlineMs: 1234 },
    );
    await invokeUnary(
      d,
      client,
      connectMaster.SearchDevice as AnyMethod,
      'ConnectMaster.SearchDevice',
      { gatewayID: 'g', timeout: 20_000 },
      undefined,
    );
    await invokeUnary(
      d,
      client,
      connectMaster.SearchDevice as AnyMethod,
      'ConnectMaster.SearchDevice',
      { gatewayID: 'g', timeout: 20_000 },
      { deadlineMs: 50 },
    );
    const expected = [10_000, 1234, 20_000 + searchDeadlineMarginMs, 50];
    attempts.forEach((attempt, i) =>
      expect(Math.abs(attempt.deadlineInMs - expected[i]!)).toBeLessThan(100),
    );
  });
});

describe('invokeUnary and AbortSignal', () => {
  it('an abort while waiting for the shared login rejects at once; the login goes on for others', async () => {
    let finishLogin!: (token: string) => void;
    const session = new Session(() => new Promise<string>((resolve) => (finishLogin = resolve)));
    const d: InvokerDeps = { session, defaultDeadlineMs: 10_000, isClosed: () => false };
    const { client, attempts } = fakeClient([{}]);
    const controller = new AbortController();
    const method = connectMaster.GetDeviceList as AnyMethod;
    const aborted = invokeUnary(
      d,
      client,
      method,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      { signal: controller.signal },
    );
    const other = invokeUnary(
      d,
      client,
      method,
      'ConnectMaster.GetDeviceList',
      { gatewayID: 'g' },
      undefined,
    );
    await Promise.resolve();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({
      codeName: 'CANCELLED',
      rpc: 'ConnectMaster.GetDeviceList',
    });
    finishLogin('jwt');
    await expect(other).resolves.toEqual({ deviceInfos: [] });
    expect(attempts).toHaveLength(1);
  });
});

describe('buildUnaryApi', () => {
  it('has one camelCase method per unary RPC of each service and nothing else', () => {
    const d = deps();
    const { client } = fakeClient([]);
    const api = buildUnaryApi('ConnectMaster', connectMaster, client, d);
    expect(Object.keys(api).sort()).toEqual(
      [
        'addAsyncConnection',
        'addAsyncConnectionDB',
        'addSlaveDeviceDB',
        'connect',
        'deleteAsyncConnection',
        'deleteAsyncConnectionDB',
        'deleteSlaveDeviceDB',
        'disableSSL',
        'disableSSLMulti',
        'disconnect',
        'disconnectAll',
        'enableSSL',
        'enableSSLMulti',
        'getAcceptFilter',
        'getAcceptFilterDB',
        'getAsyncConnectionDB',
        'getDeviceList',
        'getPendingList',
        'getSlaveDevice',
        'getSlaveDeviceDB',
        'searchDevice',
        'setAcceptFilter',
        'setAcceptFilterDB',
        'setConnectionMode',
        'setConnectionModeMulti',
        'setSlaveDevice',
      ].sort(),
    );
    expect(
      Object.keys(buildUnaryApi('Tenant', grpc.gsdk.tenant.Tenant.service, client, d)),
    ).toHaveLength(11);
    expect(
      Object.keys(buildUnaryApi('Gateway', grpc.gsdk.gateway.Gateway.service, client, d)),
    ).toHaveLength(9);
  });

  it('routes each method to its own RPC path', async () => {
    const d = deps();
    const { client, attempts } = fakeClient([{}]);
    const api = buildUnaryApi('Gateway', grpc.gsdk.gateway.Gateway.service, client, d);
    await api.getList({});
    expect(attempts[0]!.path).toBe('/gsdk.gateway.Gateway/GetList');
  });
});
