import {
  Channel,
  credentials,
  Metadata,
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
  /** Reads the current JWT at the moment each call starts. */
  currentToken: () => string | undefined;
}

/**
 * One HTTP/2 channel for all four services: mutual TLS (CA + client cert/key) combined with a call
 * credential that adds metadata `token: <JWT>` to every call but Login/LoginAdmin.
 */
export function createGsdkChannel(config: ChannelConfig): {
  channel: Channel;
  credentials: ChannelCredentials;
} {
  const ssl = credentials.createSsl(config.caCert, config.clientKey, config.clientCert);
  const tokenCredential = credentials.createFromMetadataGenerator((options, callback) => {
    const metadata = new Metadata();
    const token = config.currentToken();
    if (token !== undefined && !isTokenless(options)) metadata.set('token', token);
    callback(null, metadata);
  });
  const options: ChannelOptions = {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    // grpc-js would otherwise wait up to 120 s between reconnects after the master was away,
    // far longer than our own stream backoff.
    'grpc.initial_reconnect_backoff_ms': Math.max(100, config.backoff.initialDelayMs),
    'grpc.max_reconnect_backoff_ms': Math.max(100, config.backoff.maxDelayMs),
  };
  if (config.serverName !== undefined) {
    options['grpc.ssl_target_name_override'] = config.serverName;
    options['grpc.default_authority'] = config.serverName;
  }
  const combined = credentials.combineChannelCredentials(ssl, tokenCredential);
  return { channel: new Channel(config.address, combined, options), credentials: combined };
}
