// What the live module needs from core (docs/bff-internals.md). Declared as the subset it uses, so
// core's MasterPool and Logger fit structurally and unit tests can hand in small fakes.
import type { GsdkClient } from '@cmc/gsdk';
import type { Server } from 'socket.io';
import type { GetSessionUser, SessionUser } from '../auth/types.ts';
import type { Logger } from '../logger.ts';
import type { HistoryStore } from '../history/history-store.ts';

export interface LivePool {
  forTenant(tenantID: string): GsdkClient;
  admin(): GsdkClient;
  tenants(): Promise<Array<{ tenantID: string; gatewayIDs: string[] }>>;
  gatewaysFor(user: SessionUser): Promise<string[]>;
}

export type LiveHistory = Pick<HistoryStore, 'record'>;

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
}

export type { SessionUser, GetSessionUser, Logger };
