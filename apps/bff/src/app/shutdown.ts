// Graceful shutdown of a BFF: stop accepting, drain HTTP, end this instance's live sockets, run the
// shutdown hooks while the database is still open, then close what the hooks may still have used.
import type http from 'node:http';
import type https from 'node:https';
import type { Server as SocketServer } from 'socket.io';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { MasterPool } from '../master/master-pool.ts';

export interface ShutdownDeps {
  server: http.Server | https.Server;
  io: SocketServer;
  db: Db;
  pool: MasterPool;
  logger: Logger;
  /** Open requests get this long to finish before their connections are cut. */
  drainTimeoutMs: number;
  /** Run in order; a failing hook is logged and the next one still runs. */
  hooks: ReadonlyArray<() => Promise<void> | void>;
  /** Called first: the API answers 503 from then on. */
  startDraining(): void;
  /** Closed after the socket.io server (the redis adapter and clients of scale-out). */
  closeScale?: () => Promise<void>;
}

/** Returns close(): the first call shuts down, later calls wait for the same shutdown. */
export function createShutdown(deps: ShutdownDeps): () => Promise<void> {
  const { server, io, logger } = deps;
  let closing: Promise<void> | null = null;
  const shutdown = async () => {
    deps.startDraining();
    // Stop accepting, end live sockets (they would hold the server open), let HTTP requests finish.
    const serverClosed = new Promise<void>((resolve) =>
      server.listening ? server.close(() => resolve()) : resolve(),
    );
    server.closeIdleConnections();
    io.local.disconnectSockets(true); // only ours: with the redis adapter io.* reaches every instance
    const timer = setTimeout(() => server.closeAllConnections(), deps.drainTimeoutMs);
    await serverClosed;
    clearTimeout(timer);
    // Then the hooks (live hub streams, history flush) while the database is still open.
    for (const hook of deps.hooks) {
      try {
        await hook();
      } catch (error) {
        logger.error('shutdown hook failed', { error });
      }
    }
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await deps.closeScale?.();
    deps.pool.close();
    deps.db.close();
    logger.info('shut down');
  };
  return () => (closing ??= shutdown());
}
