// The master pool as the REST routes see it: while the master is known not to answer
// (master-liveness.ts), every unary call rejects at once with UNAVAILABLE naming since when, so a
// request answers 503 in milliseconds instead of a 504 after the full deadline. Streams and the live
// hub use the unguarded pool: their reads after a recovery must not be refused by a stale verdict.
import type { GsdkClient } from '@cmc/gsdk';
import type { MasterLiveness } from './master-liveness.ts';
import type { MasterPool } from './master-pool.ts';

type Guard = Pick<MasterLiveness, 'check'>;

// The services are frozen objects of methods: a copy with each method checked first.
function guardService<S extends object>(service: S, serviceName: string, guard: Guard): S {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(service)) {
    if (typeof value !== 'function') {
      copy[name] = value;
      continue;
    }
    const rpc = `${serviceName}.${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    copy[name] = (...args: unknown[]) => {
      try {
        guard.check(rpc);
      } catch (error) {
        return Promise.reject(error);
      }
      return (value as (...a: unknown[]) => unknown).apply(service, args);
    };
  }
  return Object.freeze(copy) as S;
}

function guardClient(client: GsdkClient, guard: Guard): GsdkClient {
  return Object.assign(Object.create(client) as GsdkClient, {
    connectMaster: guardService(client.connectMaster, 'ConnectMaster', guard),
    tenant: guardService(client.tenant, 'Tenant', guard),
    gateway: guardService(client.gateway, 'Gateway', guard),
  });
}

export function guardedPool(pool: MasterPool, guard: Guard): MasterPool {
  const guarded = new WeakMap<GsdkClient, GsdkClient>();
  const wrap = (client: GsdkClient): GsdkClient => {
    let found = guarded.get(client);
    if (!found) {
      found = guardClient(client, guard);
      guarded.set(client, found);
    }
    return found;
  };
  return {
    ...pool,
    forTenant: (tenantID) => wrap(pool.forTenant(tenantID)),
    admin: () => wrap(pool.admin()),
  };
}
