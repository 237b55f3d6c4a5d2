// One way to put something around every unary master RPC of a pool's clients (the fast-fail guard,
// the latency histogram): every function of each service, so new RPCs are covered. The services are
// frozen objects of methods, so a Proxy cannot answer with wrappers: each is a frozen copy.
import type { GsdkClient } from '@cmc/gsdk';
import type { MasterPool } from './master-pool.ts';

/** Runs `call` (the RPC) its own way; `rpc` is e.g. 'ConnectMaster.GetDeviceList'. */
export type AroundRpc = (rpc: string, call: () => unknown) => unknown;

function wrapService<S extends object>(service: S, serviceName: string, around: AroundRpc): S {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(service)) {
    if (typeof value !== 'function') {
      copy[name] = value;
      continue;
    }
    const rpc = `${serviceName}.${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    copy[name] = (...args: unknown[]) =>
      around(rpc, () => (value as (...a: unknown[]) => unknown).apply(service, args));
  }
  return Object.freeze(copy) as S;
}

function wrapClient(client: GsdkClient, around: AroundRpc): GsdkClient {
  return Object.assign(Object.create(client) as GsdkClient, {
    connectMaster: wrapService(client.connectMaster, 'ConnectMaster', around),
    tenant: wrapService(client.tenant, 'Tenant', around),
    gateway: wrapService(client.gateway, 'Gateway', around),
  });
}

/** The pool with `around` put around every unary RPC; each client is wrapped once. */
export function wrapPool(pool: MasterPool, around: AroundRpc): MasterPool {
  const wrapped = new WeakMap<GsdkClient, GsdkClient>();
  const wrap = (client: GsdkClient): GsdkClient => {
    let found = wrapped.get(client);
    if (!found) {
      found = wrapClient(client, around);
      wrapped.set(client, found);
    }
    return found;
  };
  return {
    ...pool,
    forTenant: (tenantID) => wrap(pool.forTenant(tenantID)),
    admin: () => wrap(pool.admin()),
  };
}
