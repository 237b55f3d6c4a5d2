import { invalidArgument } from './error-mapping.ts';
import type { BackoffPolicy } from './backoff.ts';
import type { GsdkClientOptions, LoginMode } from './types.ts';

export const defaultDeadlineMs = 10_000;

export interface ResolvedOptions {
  address: string;
  caCert: Buffer;
  clientCert: Buffer;
  clientKey: Buffer;
  login: LoginMode;
  serverName?: string;
  deadlineMs: number;
  backoff: BackoffPolicy;
  healthyAfterMs: number;
  /** null: no keep-alive pings. */
  keepalive: { timeMs: number; timeoutMs: number } | null;
}

const where = 'createGsdkClient';

function pem(name: string, value: unknown): Buffer {
  if (!(typeof value === 'string' || Buffer.isBuffer(value))) {
    throw invalidArgument(where, `options.${name} must be a PEM string or Buffer`);
  }
  const buffer = Buffer.isBuffer(value) ? value : Buffer.from(value);
  if (!buffer.toString('utf8').includes('-----BEGIN ')) {
    throw invalidArgument(where, `options.${name} is not PEM (no "-----BEGIN" line)`);
  }
  return buffer;
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidArgument(
      where,
      `${name} must be a positive number of milliseconds, got ${String(value)}`,
    );
  }
  return value;
}

/** Keep-alive defaults: a hung master is noticed within about 10 s (worst case time + timeout). */
export const defaultKeepalive = { timeMs: 5_000, timeoutMs: 5_000 };

function resolveKeepalive(value: GsdkClientOptions['keepalive']): ResolvedOptions['keepalive'] {
  if (value === false) return null;
  if (value !== undefined && (typeof value !== 'object' || value === null))
    throw invalidArgument(where, 'options.keepalive must be an object or false');
  return {
    timeMs: positive('options.keepalive.timeMs', value?.timeMs, defaultKeepalive.timeMs),
    timeoutMs: positive(
      'options.keepalive.timeoutMs',
      value?.timeoutMs,
      defaultKeepalive.timeoutMs,
    ),
  };
}

/**
 * Checks the options once, at construction, so that a misconfiguration fails at start-up with a
 * message naming the option instead of as a TLS error on the first call.
 */
export function resolveOptions(options: GsdkClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    throw invalidArgument(where, 'options must be an object');
  const { address, login, serverName } = options;
  if (typeof address !== 'string' || !/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/.test(address)) {
    throw invalidArgument(
      where,
      `options.address must be "host:port", got ${JSON.stringify(address)}`,
    );
  }
  const kind = (login as { kind?: unknown } | undefined)?.kind;
  if (kind !== 'tenant' && kind !== 'admin') {
    throw invalidArgument(
      where,
      `options.login.kind must be "tenant" or "admin", got ${JSON.stringify(kind)}`,
    );
  }
  if (login.kind === 'admin' && (typeof login.tenantID !== 'string' || login.tenantID === '')) {
    throw invalidArgument(
      where,
      'options.login.tenantID must be a non-empty tenant ID for an admin login',
    );
  }
  if (serverName !== undefined && (typeof serverName !== 'string' || serverName === '')) {
    throw invalidArgument(where, 'options.serverName must be a non-empty host name');
  }
  const initialDelayMs = positive(
    'options.resubscribe.initialDelayMs',
    options.resubscribe?.initialDelayMs,
    250,
  );
  const maxDelayMs = positive(
    'options.resubscribe.maxDelayMs',
    options.resubscribe?.maxDelayMs,
    10_000,
  );
  if (maxDelayMs < initialDelayMs) {
    throw invalidArgument(where, 'options.resubscribe.maxDelayMs must not be below initialDelayMs');
  }
  return {
    address,
    caCert: pem('caCert', options.caCert),
    clientCert: pem('clientCert', options.clientCert),
    clientKey: pem('clientKey', options.clientKey),
    login,
    serverName,
    deadlineMs: positive('options.deadlineMs', options.deadlineMs, defaultDeadlineMs),
    backoff: { initialDelayMs, maxDelayMs },
    healthyAfterMs: positive(
      'options.resubscribe.healthyAfterMs',
      options.resubscribe?.healthyAfterMs,
      30_000,
    ),
    keepalive: resolveKeepalive(options.keepalive),
  };
}
