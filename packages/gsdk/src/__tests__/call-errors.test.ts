import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GsdkError } from '../errors.ts';
import type { GsdkClient } from '../types.ts';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// What callers get for bad input, slow calls and cancelled calls: always a GsdkError, never a throw.
let fixture: SimFixture;
let client: GsdkClient;

beforeAll(async () => {
  fixture = await startFixture();
  client = fixture.adminClient('tenant1');
});
afterAll(async () => {
  await fixture?.stop();
});

async function failure(promise: Promise<unknown>): Promise<GsdkError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof GsdkError)) throw error;
  return error;
}

describe('invalid arguments', () => {
  it('the master rejects semantic errors with INVALID_ARGUMENT, carried unchanged', async () => {
    const error = await failure(client.connectMaster.getDeviceList({ gatewayID: '' }));
    expect(error).toMatchObject({
      codeName: 'INVALID_ARGUMENT',
      rpc: 'ConnectMaster.GetDeviceList',
    });
    expect(error.details).not.toBe('');
    const mode = await failure(
      client.connectMaster.setConnectionMode({ deviceID: 1102, connectionMode: 7 as 0 }),
    );
    expect(mode.codeName).toBe('INVALID_ARGUMENT');
    const empty = await failure(client.connectMaster.disconnect({ deviceIDs: [] }));
    expect(empty.codeName).toBe('INVALID_ARGUMENT');
  });

  it('requests the encoder cannot encode are refused by the client, naming the field', async () => {
    const call = client.connectMaster.connect({
      gatewayID: 'gw1',
      connectInfo: 'bad' as unknown as { IPAddr: string },
    });
    const error = await failure(call);
    expect(error).toMatchObject({ codeName: 'INVALID_ARGUMENT', rpc: 'ConnectMaster.Connect' });
    expect(error.details).toMatch(/connectInfo/);
    const list = await failure(
      client.connectMaster.disconnect({ deviceIDs: 5 as unknown as number[] }),
    );
    expect(list.details).toMatch(/deviceIDs/);
  });

  it('a request or options of the wrong shape never throw synchronously', async () => {
    const calls = [
      () => client.connectMaster.getDeviceList(null as unknown as { gatewayID: string }),
      () => client.connectMaster.getDeviceList('gw1' as unknown as { gatewayID: string }),
      () => client.connectMaster.getDeviceList({ gatewayID: 'gw1' }, { deadlineMs: -5 }),
      () =>
        client.connectMaster.getDeviceList(
          { gatewayID: 'gw1' },
          { signal: 'stop' as unknown as AbortSignal },
        ),
    ];
    const errors = [];
    for (const call of calls) errors.push(await failure(call()));
    expect(errors.map((e) => e.codeName)).toEqual([
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
    ]);
    expect(errors.map((e) => e.details)).toEqual([
      'the request must be an object, got null',
      'the request must be an object, got string',
      'deadlineMs must be a positive number of milliseconds, got -5',
      'signal must be an AbortSignal',
    ]);
  });

  it('bad subscribe options fail the iteration, not the caller', async () => {
    const subscription = client.subscribeDeviceStatus({ queueSize: -1 });
    const iterator = subscription[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({
      codeName: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/queueSize/),
    });
  });
});

describe('deadlines and cancellation', () => {
  it('a deadline shorter than the search → DEADLINE_EXCEEDED', async () => {
    const started = Date.now();
    const error = await failure(
      client.connectMaster.searchDevice({ gatewayID: 'gw1', timeout: 3_000 }, { deadlineMs: 100 }),
    );
    expect(error).toMatchObject({
      codeName: 'DEADLINE_EXCEEDED',
      rpc: 'ConnectMaster.SearchDevice',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('SearchDevice gets its own timeout plus a margin, beyond the client default deadline', async () => {
    const short = fixture.adminClient('tenant1', { deadlineMs: 300 });
    const { deviceInfos } = await short.connectMaster.searchDevice({
      gatewayID: 'gw1',
      timeout: 800,
    });
    expect(deviceInfos.length).toBeGreaterThan(0);
    // The same default deadline does cut other calls short: the search margin is specific.
    await expect(
      short.connectMaster.searchDevice({ gatewayID: 'gw1', timeout: 800 }, { deadlineMs: 300 }),
    ).rejects.toMatchObject({
      codeName: 'DEADLINE_EXCEEDED',
    });
  });

  it('an AbortSignal cancels a running call (CANCELLED)', async () => {
    const controller = new AbortController();
    const call = client.connectMaster.searchDevice(
      { gatewayID: 'gw1', timeout: 3_000 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(call);
    expect(error.codeName).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(
      client.connectMaster.getDeviceList({ gatewayID: 'gw1' }, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      codeName: 'CANCELLED',
    });
  });

  it('a closed client rejects calls with FAILED_PRECONDITION', async () => {
    const closed = fixture.adminClient('tenant1');
    await closed.connectMaster.getDeviceList({ gatewayID: 'gw1' });
    closed.close();
    await expect(closed.connectMaster.getDeviceList({ gatewayID: 'gw1' })).rejects.toMatchObject({
      codeName: 'FAILED_PRECONDITION',
    });
    await expect(closed.login()).rejects.toMatchObject({ codeName: 'FAILED_PRECONDITION' });
  });
});
