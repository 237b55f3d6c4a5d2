// Unit test of the liveness verdict alone (a scripted probe); the real thing against a frozen
// simulator is master-hung.it.test.ts.
import { GsdkError } from '@cmc/gsdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import { guardedPool } from '../guarded-pool.ts';
import { createMasterLiveness, type MasterLiveness } from '../master-liveness.ts';
import type { MasterPool } from '../master-pool.ts';

const logger = createLogger({ level: 'silent' });
let liveness: MasterLiveness | undefined;
afterEach(() => liveness?.stop());

const until = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('master liveness', () => {
  it('is down after an unanswered probe, refuses at once naming since when, and is up after an answer', async () => {
    let answer: () => Promise<unknown> = () => Promise.resolve({});
    const changes: Array<string | null> = [];
    liveness = createMasterLiveness({
      probe: () => answer(),
      logger,
      intervalMs: 10,
      downIntervalMs: 10,
      timeoutMs: 3000,
    });
    liveness.onChange((down) => changes.push(down ? down.reason : null));
    liveness.start();
    await new Promise((r) => setTimeout(r, 40));
    expect(liveness.down()).toBeNull();
    expect(() => liveness!.check('Gateway.GetList')).not.toThrow();

    answer = () => Promise.reject(new GsdkError(4, 'Deadline exceeded', 'Gateway.GetList'));
    await until(() => liveness!.down() !== null);
    const since = liveness.down()!.since;
    // Further failures keep the first moment.
    await new Promise((r) => setTimeout(r, 40));
    expect(liveness.down()!.since).toBe(since);
    let refused: unknown;
    try {
      liveness.check('ConnectMaster.GetDeviceList');
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      code: 14,
      rpc: 'ConnectMaster.GetDeviceList',
      details: expect.stringMatching(
        /^not answering since \d\d:\d\d:\d\d UTC \(no answer within 3 s\)$/,
      ) as unknown,
    });

    // A refusal (here: permission) is an answer: the master is there.
    answer = () => Promise.reject(new GsdkError(7, 'no', 'Gateway.GetList'));
    await until(() => liveness!.down() === null);
    expect(changes).toEqual(['no answer within 3 s', null]);
  });

  it('one slow answer alone is not a hung master: it takes two unanswered probes in a row', async () => {
    let calls = 0;
    const changes: unknown[] = [];
    liveness = createMasterLiveness({
      // Every other probe times out: never two in a row.
      probe: () =>
        ++calls % 2 === 0
          ? Promise.reject(new GsdkError(4, 'Deadline exceeded', 'Gateway.GetList'))
          : Promise.resolve({}),
      logger,
      intervalMs: 5,
      downIntervalMs: 5,
    });
    liveness.onChange((down) => changes.push(down));
    liveness.start();
    await until(() => calls >= 10);
    expect(changes).toEqual([]);
    expect(liveness.down()).toBeNull();
  });

  it('the guarded pool rejects unary calls while down and passes them through otherwise', async () => {
    let down = false;
    const calls: string[] = [];
    const service = Object.freeze({
      getList: (request: object) => {
        calls.push(JSON.stringify(request));
        return Promise.resolve({ gatewayIDs: ['g1'] });
      },
    });
    const client = { gateway: service, connectMaster: service, tenant: service };
    const pool = { admin: () => client, forTenant: () => client } as unknown as MasterPool;
    const guarded = guardedPool(pool, {
      check(rpc) {
        if (down) throw new GsdkError(14, 'not answering since 03:41:07 UTC', rpc);
      },
    });
    await expect(guarded.admin().gateway.getList({})).resolves.toEqual({ gatewayIDs: ['g1'] });
    down = true;
    await expect(guarded.forTenant('t1').gateway.getList({})).rejects.toMatchObject({
      code: 14,
      rpc: 'Gateway.GetList',
    });
    expect(calls).toEqual(['{}']);
  });
});
