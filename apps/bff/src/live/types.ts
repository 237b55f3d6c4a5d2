// What the live module needs from core (docs/bff-internals.md). Declared as the subset it uses, so
// core's MasterPool and Logger fit structurally and unit tests can hand in small fakes.
import type {
  DeviceStatusChange,
  GatewayStatusChange,
  GsdkClient,
  StatusSubscription,
} from '@cmc/gsdk';
import type { Server } from 'socket.io';
import type { GetSessionUser, SessionUser } from '../auth/types.ts';
import type { Logger } from '../logger.ts';
import type { HistoryStore } from '../history/history-store.ts';
import type { GatewayMemory } from '../gateways/gateway-memory.ts';

export interface LivePool {
  forTenant(tenantID: string): GsdkClient;
  admin(): GsdkClient;
  tenants(): Promise<Array<{ tenantID: string; gatewayIDs: string[] }>>;
  gatewaysFor(user: SessionUser): Promise<string[]>;
}

export type LiveHistory = Pick<HistoryStore, 'record' | 'observe'>;

/** A status subscription; `holding: false` = another BFF instance holds the master stream (scale-out). */
export type LiveSubscription<T> = StatusSubscription<T> & { readonly holding?: boolean };

/**
 * Where the feeds get their status streams. Alone, a feed opens the master stream itself; scaled out
 * (docs/scale-out.md) one instance per scope holds it and relays it to the others.
 */
export interface StatusStreams {
  device(
    tenantID: string,
    open: () => StatusSubscription<DeviceStatusChange>,
  ): LiveSubscription<DeviceStatusChange>;
  gateway(
    open: () => StatusSubscription<GatewayStatusChange>,
  ): LiveSubscription<GatewayStatusChange>;
}

export const directStreams: StatusStreams = {
  device: (_tenantID, open) => open(),
  gateway: (open) => open(),
};

export interface LiveHubDeps {
  /** The socket.io server on the BFF's http server (path /socket.io). */
  io: Server;
  pool: LivePool;
  history: LiveHistory;
  getSessionUser: GetSessionUser;
  logger: Logger;
  /** Delta batch window (ms); default 10. */
  batchWindowMs?: number;
  /** How often the tenant -> gateways map is re-read to pick up new tenants (ms); default 60,000. */
  tenantRefreshMs?: number;
  /** How often open sockets' sessions are re-read, so an expired one is closed (ms); default 60,000. */
  sessionCheckMs?: number;
  /** Whether the master answers (master-liveness.ts): while it does not, every gateway is degraded. */
  liveness?: {
    onChange(listener: (down: { since: number; reason: string } | null) => void): () => void;
  };
  /** Default: each feed opens its master stream (one process). */
  streams?: StatusStreams;
  /** Listener for every gateway connected flag the hub reads or is streamed (alerts). */
  onGatewayFlag?: (gatewayID: string, connected: boolean) => void;
  /** Remembers offline gateways' devices and names what their reconnect lost (gateway-memory.ts). */
  memory?: GatewayMemory;
}

export type { SessionUser, GetSessionUser, Logger };
