// One way to put something around every unary master RPC of a pool's clients (the fast-fail guard,
// the latency histogram): every function of each service, so new RPCs are covered. The services are
// frozen objects of methods, so a Proxy cannot answer with wrappers: each is a frozen copy.
import type { GsdkClient } from '@cmc/gsdk';
import { ADMIN_TENANT, type MasterPool } from './master-pool.ts';

/** Whose token a call carries (the pool's tenant of the client) and what it was called with. */
export interface RpcScope {
  tenantID: string;
  args: readonly unknown[];
}

/** Runs `call` (the RPC) its own way; `rpc` is e.g. 'ConnectMaster.GetDeviceList'. */
export type AroundRpc = (rpc: string, call: () => unknown, scope: RpcScope) => unknown;

function wrapService<S extends object>(
  service: S,
  serviceName: string,
  tenantID: string,
  around: AroundRpc,
): S {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(service)) {
    if (typeof value !== 'function') {
      copy[name] = value;
      continue;
    }
    const rpc = `${serviceName}.${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    copy[name] = (...args: unknown[]) =>
      around(rpc, () => (value as (...a: unknown[]) => unknown).apply(service, args), {
        tenantID,
        args,
      });
  }
  return Object.freeze(copy) as S;
}

function wrapClient(client: GsdkClient, tenantID: string, around: AroundRpc): GsdkClient {
  return Object.assign(Object.create(client) as GsdkClient, {
    connectMaster: wrapService(client.connectMaster, 'ConnectMaster', tenantID, around),
    tenant: wrapService(client.tenant, 'Tenant', tenantID, around),
    gateway: wrapService(client.gateway, 'Gateway', tenantID, around),
  });
}

/** The pool with `around` put around every unary RPC; each client is wrapped once per tenant. */
/** Runs a wrapped call and always answers with a promise (a synchronous throw becomes a rejection). */
export function settle(call: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

export function wrapPool(pool: MasterPool, around: AroundRpc): MasterPool {
  // Keyed by tenant too: the scope a wrapper reports must be the tenant it was asked for.
  const wrapped = new Map<string, WeakMap<GsdkClient, GsdkClient>>();
  const wrap = (client: GsdkClient, tenantID: string): GsdkClient => {
    let ofTenant = wrapped.get(tenantID);
    if (!ofTenant) wrapped.set(tenantID, (ofTenant = new WeakMap()));
    let found = ofTenant.get(client);
    if (!found) {
      found = wrapClient(client, tenantID, around);
      ofTenant.set(client, found);
    }
    return found;
  };
  return {
    ...pool,
    forTenant: (tenantID) => wrap(pool.forTenant(tenantID), tenantID),
    admin: () => wrap(pool.admin(), ADMIN_TENANT),
  };
}
