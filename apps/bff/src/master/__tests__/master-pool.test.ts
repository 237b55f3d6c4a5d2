// Unit test of the pool's caching with a fake gsdk client factory (no network).
import { describe, expect, it, vi } from 'vitest';
import type { GsdkClient, GsdkClientOptions } from '@cmc/gsdk';
import { createLogger } from '../../logger.ts';
import { createMasterPool } from '../master-pool.ts';

function fakeFactory(tenants: Record<string, string[]>, gateways: string[]) {
  const created: GsdkClientOptions[] = [];
  const calls = { getList: 0, get: 0, closed: 0, gatewayList: 0, connectionsClosed: 0 };
  const factory = (options: GsdkClientOptions): GsdkClient => {
    created.push(options);
    return {
      tenant: {
        getList: async () => {
          calls.getList++;
          return { tenantIDs: Object.keys(tenants) };
        },
        get: async ({ tenantIDs }: { tenantIDs: string[] }) => {
          calls.get++;
          return {
            tenantInfos: tenantIDs.map((tenantID) => ({
              tenantID,
              gatewayIDs: tenants[tenantID] ?? [],
            })),
          };
        },
      },
      gateway: {
        getList: async () => {
          calls.gatewayList++;
          return { gatewayIDs: [...gateways] };
        },
      },
      close: () => {
        calls.closed++;
      },
    } as unknown as GsdkClient;
  };
  // The pool's shared connection: every client it gives records its options with its login.
  const connect = ((options: Omit<GsdkClientOptions, 'login'>) => ({
    client: (login: GsdkClientOptions['login']) => factory({ ...options, login }),
    close: () => {
      calls.connectionsClosed++;
    },
  })) as never;
  return { connect, created, calls };
}

const master = { address: '127.0.0.1:1', caCert: 'ca', adminCert: 'cert', adminKey: 'key' };
const logger = createLogger({ level: 'silent' });

describe('createMasterPool', () => {
  it('creates one LoginAdmin client per tenant and reuses it', () => {
    const { connect, created } = fakeFactory({}, []);
    const pool = createMasterPool({ master, logger, connect });
    expect(pool.forTenant('tenant1')).toBe(pool.forTenant('tenant1'));
    pool.admin();
    expect(created.map((o) => o.login)).toEqual([
      { kind: 'admin', tenantID: 'tenant1' },
      { kind: 'admin', tenantID: 'administrator' },
    ]);
    expect(created[0]).toMatchObject({
      address: '127.0.0.1:1',
      clientCert: 'cert',
      clientKey: 'key',
      caCert: 'ca',
    });
  });

  it('caches the tenant map and refreshes it after the interval or on a miss', async () => {
    vi.useFakeTimers();
    try {
      const tenants: Record<string, string[]> = { tenant1: ['gw1'] };
      const { connect, calls } = fakeFactory(tenants, ['gw1', 'gw2']);
      const pool = createMasterPool({
        master,
        logger,
        connect,
        refreshMs: 60_000,
        missRefreshMs: 2_000,
      });
      expect(await pool.tenantOfGateway('gw1')).toBe('tenant1');
      expect(await pool.tenantOfGateway('gw1')).toBe('tenant1');
      expect(calls.getList).toBe(1);
      tenants.tenant2 = ['gw2'];
      // A miss right after a refresh does not hammer the master...
      expect(await pool.tenantOfGateway('gw2')).toBeUndefined();
      expect(calls.getList).toBe(1);
      // ...but a later one refreshes.
      vi.advanceTimersByTime(2_500);
      expect(await pool.tenantOfGateway('gw2')).toBe('tenant2');
      expect(calls.getList).toBe(2);
      vi.advanceTimersByTime(61_000);
      await pool.tenants();
      expect(calls.getList).toBe(3);
      pool.invalidate();
      await pool.tenants();
      expect(calls.getList).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    const { connect, calls } = fakeFactory({ tenant1: ['gw1'] }, []);
    const pool = createMasterPool({ master, logger, connect });
    await Promise.all([pool.tenants(), pool.tenants(), pool.tenants()]);
    expect(calls.getList).toBe(1);
  });

  it('lists gateways per user and closes every client', async () => {
    const { connect, calls } = fakeFactory({ tenant1: ['gw2', 'gw1'] }, ['gw3', 'gw1', 'gw2']);
    const pool = createMasterPool({ master, logger, connect });
    expect(await pool.gatewaysFor({ id: 1, username: 'a', role: 'admin', tenantID: null })).toEqual(
      ['gw1', 'gw2', 'gw3'],
    );
    expect(
      await pool.gatewaysFor({ id: 2, username: 't', role: 'tenant', tenantID: 'tenant1' }),
    ).toEqual(['gw1', 'gw2']);
    expect(
      await pool.gatewaysFor({ id: 3, username: 'u', role: 'tenant', tenantID: 'tenant9' }),
    ).toEqual([]);
    pool.close();
    expect(calls.closed).toBe(1);
    expect(calls.connectionsClosed).toBe(1);
    expect(() => pool.admin()).toThrow(/closed/);
  });

  it('serves the admin gateway list from cache, re-reading it in the background once stale', async () => {
    vi.useFakeTimers();
    try {
      const gateways = ['gw2', 'gw1'];
      const { connect, calls } = fakeFactory({}, gateways);
      const pool = createMasterPool({
        master,
        logger,
        connect,
        refreshMs: 60_000,
        revalidateMs: 2_000,
      });
      const admin = { id: 1, username: 'a', role: 'admin' as const, tenantID: null };
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2']);
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2']);
      expect(calls.gatewayList).toBe(1);
      gateways.push('gw3');
      // Stale: this caller still gets the cached list, and a re-read starts for the next one.
      vi.advanceTimersByTime(2_500);
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2']);
      expect(calls.gatewayList).toBe(2);
      await vi.advanceTimersByTimeAsync(0);
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2', 'gw3']);
      expect(calls.gatewayList).toBe(2);
      // Too old to show at all: the caller waits for a fresh reading.
      gateways.push('gw4');
      vi.advanceTimersByTime(61_000);
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2', 'gw3', 'gw4']);
      expect(calls.gatewayList).toBe(3);
      // A change made through the console (invalidate) is read at once.
      gateways.pop();
      pool.invalidate();
      expect(await pool.gatewaysFor(admin)).toEqual(['gw1', 'gw2', 'gw3']);
      expect(calls.gatewayList).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
