import {
  Channel,
  credentials,
  Metadata,
  type CallCredentials,
  type ChannelCredentials,
  type ChannelOptions,
} from '@grpc/grpc-js';
import type { BackoffPolicy } from './backoff.ts';

// grpc-js does not export this type from its index.
type CallMetadataOptions = Parameters<
  Parameters<typeof credentials.createFromMetadataGenerator>[0]
>[0];

/** The master's default maximum message size (gsdk-facts: 75,497,472 bytes). */
const maxMessageBytes = 75_497_472;

// Login and LoginAdmin are the only RPCs that work without a token; they go out without one, so an
// expired token never reaches the call that replaces it.
const tokenlessPaths = new Set(['/gsdk.login.Login/Login', '/gsdk.login.Login/LoginAdmin']);

export function isTokenless({ method_name, service_url }: CallMetadataOptions): boolean {
  // grpc-js passes the full path as method_name; other gRPC stacks pass the bare method name plus a
  // service URL ending in the service name.
  if (tokenlessPaths.has(method_name)) return true;
  return (
    service_url.endsWith('/gsdk.login.Login') &&
    (method_name === 'Login' || method_name === 'LoginAdmin')
  );
}

export interface ChannelConfig {
  address: string;
  caCert: Buffer;
  clientCert: Buffer;
  clientKey: Buffer;
  serverName?: string;
  backoff: BackoffPolicy;
  keepalive: { timeMs: number; timeoutMs: number } | null;
}

/**
 * One HTTP/2 channel over mutual TLS (CA + client cert/key). It carries no token: each client adds
 * its own per call (tokenCredentials), so clients of several logins can share one connection.
 */
export function createGsdkChannel(config: ChannelConfig): {
  channel: Channel;
  credentials: ChannelCredentials;
} {
  const ssl = credentials.createSsl(config.caCert, config.clientKey, config.clientCert);
  const options: ChannelOptions = {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    // grpc-js would otherwise wait up to 120 s between reconnects after the master was away,
    // far longer than our own stream backoff.
    'grpc.initial_reconnect_backoff_ms': Math.max(100, config.backoff.initialDelayMs),
    'grpc.max_reconnect_backoff_ms': Math.max(100, config.backoff.maxDelayMs),
  };
  if (config.keepalive) {
    // Without pings a stopped (not killed) master leaves every open stream and call waiting
    // forever: its kernel still holds the TCP connection. Only while calls are open: a master's
    // default ping policy refuses pings on an idle connection.
    options['grpc.keepalive_time_ms'] = config.keepalive.timeMs;
    options['grpc.keepalive_timeout_ms'] = config.keepalive.timeoutMs;
    options['grpc.keepalive_permit_without_calls'] = 0;
  }
  if (config.serverName !== undefined) {
    options['grpc.ssl_target_name_override'] = config.serverName;
    options['grpc.default_authority'] = config.serverName;
  }
  return { channel: new Channel(config.address, ssl, options), credentials: ssl };
}

/** Adds metadata `token: <JWT>` (read when each call starts) to every call but Login/LoginAdmin. */
export function tokenCredentials(currentToken: () => string | undefined): CallCredentials {
  return credentials.createFromMetadataGenerator((options, callback) => {
    const metadata = new Metadata();
    const token = currentToken();
    if (token !== undefined && !isTokenless(options)) metadata.set('token', token);
    callback(null, metadata);
  });
}
