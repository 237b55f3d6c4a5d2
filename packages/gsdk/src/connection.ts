// One mutual-TLS connection to a master gateway shared by clients of several logins (e.g. the BFF's
// LoginAdmin per tenant): one TCP/TLS session and one HTTP/2 connection instead of one per login,
// with each client's token sent per call.
import { createGsdkChannel } from './channel.ts';
import { buildGsdkClient } from './client.ts';
import { resolveOptions } from './client-options.ts';
import { GsdkError } from './errors.ts';
import type { GsdkClient, GsdkClientOptions, LoginMode } from './types.ts';
import { status as GrpcStatus } from '@grpc/grpc-js';

/** Everything of GsdkClientOptions but the login: the address, certificates, deadlines, backoff. */
export type GsdkConnectionOptions = Omit<GsdkClientOptions, 'login' | 'onLogin'>;

export interface GsdkConnection {
  /** A client logged in as `login` on this connection; it lives until it or the connection closes. */
  client(login: LoginMode, options?: Pick<GsdkClientOptions, 'onLogin'>): GsdkClient;
  /** Closes every client of the connection, then the connection. */
  close(): void;
}

/** Validates like createGsdkClient (INVALID_ARGUMENT naming the option), at construction. */
export function createGsdkConnection(options: GsdkConnectionOptions): GsdkConnection {
  // Checked with a placeholder login, so a bad address or certificate fails here, not later.
  const base = resolveOptions({ ...options, login: { kind: 'tenant' } });
  const transport = createGsdkChannel(base);
  const clients = new Set<GsdkClient>();
  let closed = false;
  return {
    client(login, extra) {
      if (closed)
        throw new GsdkError(
          GrpcStatus.FAILED_PRECONDITION,
          'the connection has been closed',
          'createGsdkConnection',
        );
      const config = resolveOptions({ ...options, login });
      const built = buildGsdkClient(config, transport, false, extra?.onLogin);
      const client: GsdkClient = {
        ...built,
        close() {
          clients.delete(client);
          built.close();
        },
      };
      clients.add(client);
      return client;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const client of clients) client.close();
      clients.clear();
      transport.channel.close();
    },
  };
}
