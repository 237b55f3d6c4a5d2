// One gsdk client per tenant, all logged in with LoginAdmin(admin certificate, tenantID): the master
// then scopes every call to that tenant, so isolation holds even if a BFF check were missed. The
// clients share one mutual-TLS connection; each call carries its own tenant's token.
import { createGsdkConnection, type GsdkClient, type GsdkConnection } from '@cmc/gsdk';
import type { MasterConfig } from '../config.ts';
import type { SessionUser } from '../auth/types.ts';
import type { Logger } from '../logger.ts';
import { cachedRead } from './cached-read.ts';

export const ADMIN_TENANT = 'administrator';

export interface TenantGateways {
  tenantID: string;
  gatewayIDs: string[];
}

export interface MasterPool {
  /** gsdk client logged in with LoginAdmin(adminCert, tenantID); created on first use, cached. */
  forTenant(tenantID: string): GsdkClient;
  /** forTenant('administrator'): Tenant API and Gateway API. */
  admin(): GsdkClient;
  /** tenant -> gateways map from the Tenant API; cached, refreshed on miss and every 60 s. */
  tenants(): Promise<TenantGateways[]>;
  tenantOfGateway(gatewayID: string): Promise<string | undefined>;
  /**
   * Gateway IDs a user may see: the tenant's for a tenant user; for an admin every gateway of the
   * master (Gateway.GetList), served from a cache that is re-read in the background once it is
   * `revalidateMs` old and waited for once it is `refreshMs` old.
   */
  gatewaysFor(user: SessionUser): Promise<string[]>;
  /** Drops the cached tenant map (after a Tenant API change) and tells the listeners. */
  invalidate(): void;
  /** Calls `listener` after every invalidate(), e.g. so the live hub re-reads who owns which gateway. */
  onInvalidate(listener: () => void): () => void;
  close(): void;
}

export interface MasterPoolOptions {
  master: MasterConfig;
  logger: Logger;
  deadlineMs?: number;
  refreshMs?: number;
  /** Minimum gap between refreshes caused by lookups that missed (unknown gateway IDs). */
  missRefreshMs?: number;
  /** Age after which the admin gateway list is re-read in the background (default 2 s). */
  revalidateMs?: number;
  /** Checked before the pool's own reads (tenant map, gateway list): rejects while the master is down. */
  guard?: { check(rpc: string): void };
  /** Creates the shared connection (tests pass a fake). */
  connect?: typeof createGsdkConnection;
}

export function createMasterPool(options: MasterPoolOptions): MasterPool {
  const invalidateListeners = new Set<() => void>();
  const connect = options.connect ?? createGsdkConnection;
  let connection: GsdkConnection | undefined;
  const refreshMs = options.refreshMs ?? 60_000;
  const missRefreshMs = options.missRefreshMs ?? 2_000;
  const revalidateMs = options.revalidateMs ?? 2_000;
  const clients = new Map<string, GsdkClient>();
  let closed = false;

  function forTenant(tenantID: string): GsdkClient {
    if (closed) throw new Error('master pool is closed');
    let client = clients.get(tenantID);
    if (!client) {
      connection ??= connect({
        address: options.master.address,
        caCert: options.master.caCert,
        clientCert: options.master.adminCert,
        clientKey: options.master.adminKey,
        ...(options.master.serverName ? { serverName: options.master.serverName } : {}),
        ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
        ...(options.master.keepaliveMs === undefined
          ? {}
          : {
              keepalive:
                options.master.keepaliveMs === 0 ? false : { timeMs: options.master.keepaliveMs },
            }),
      });
      client = connection.client({ kind: 'admin', tenantID });
      clients.set(tenantID, client);
      options.logger.debug('master client created', { tenantID });
    }
    return client;
  }

  const tenantMap = cachedRead(async (): Promise<TenantGateways[]> => {
    options.guard?.check('Tenant.GetList');
    const admin = forTenant(ADMIN_TENANT);
    const { tenantIDs } = await admin.tenant.getList({});
    if (tenantIDs.length === 0) return [];
    const { tenantInfos } = await admin.tenant.get({ tenantIDs });
    return tenantInfos.map((t) => ({ tenantID: t.tenantID, gatewayIDs: [...t.gatewayIDs] }));
  });
  const gatewayList = cachedRead(async () => {
    options.guard?.check('Gateway.GetList');
    const { gatewayIDs } = await forTenant(ADMIN_TENANT).gateway.getList({});
    return [...gatewayIDs].sort();
  });

  async function tenants(): Promise<TenantGateways[]> {
    const cached = tenantMap.current;
    if (cached && Date.now() - cached.at < refreshMs) return cached.value;
    return tenantMap.refresh();
  }

  // A device list of every gateway is the admin's most frequent read: a Gateway.GetList round trip
  // in front of each one cost as much as the rest of the BFF's own work (bench/README.md).
  async function allGateways(): Promise<string[]> {
    const cached = gatewayList.current;
    const age = cached ? Date.now() - cached.at : Infinity;
    if (!cached || age >= refreshMs) return [...(await gatewayList.refresh())];
    if (age >= revalidateMs)
      gatewayList
        .refresh()
        .catch((error: unknown) => options.logger.warn('gateway list not re-read', { error }));
    return [...cached.value];
  }

  function find(list: TenantGateways[], gatewayID: string): string | undefined {
    return list.find((t) => t.gatewayIDs.includes(gatewayID))?.tenantID;
  }

  return {
    forTenant,
    admin: () => forTenant(ADMIN_TENANT),
    tenants,
    async tenantOfGateway(gatewayID) {
      const hit = find(await tenants(), gatewayID);
      const cached = tenantMap.current;
      if (hit !== undefined || !cached || Date.now() - cached.at < missRefreshMs) return hit;
      return find(await tenantMap.refresh(), gatewayID);
    },
    async gatewaysFor(user) {
      if (user.role === 'admin') return allGateways();
      if (!user.tenantID) return [];
      const list = await tenants();
      return [...(list.find((t) => t.tenantID === user.tenantID)?.gatewayIDs ?? [])].sort();
    },
    invalidate() {
      tenantMap.clear();
      gatewayList.clear();
      for (const listener of invalidateListeners) listener();
    },
    onInvalidate(listener) {
      invalidateListeners.add(listener);
      return () => invalidateListeners.delete(listener);
    },
    close() {
      closed = true;
      for (const client of clients.values()) client.close();
      clients.clear();
      connection?.close();
    },
  };
}
