// The public, typed surface of @cmc/gsdk. Every message type is derived from the code generated
// out of protos/ (pnpm gen); nothing here restates a message by hand.
import type { ConnectMasterDefinition } from '@cmc/protos/generated/gsdk/connect_master/ConnectMaster.ts';
import type { LoginDefinition } from '@cmc/protos/generated/gsdk/login/Login.ts';
import type { TenantDefinition } from '@cmc/protos/generated/gsdk/tenant/Tenant.ts';
import type { GatewayDefinition } from '@cmc/protos/generated/gsdk/gateway/Gateway.ts';
import type { StatusChange__Output as DeviceStatusChangeMessage } from '@cmc/protos/generated/gsdk/connect/StatusChange.ts';
import type { StatusChange__Output as GatewayStatusChangeMessage } from '@cmc/protos/generated/gsdk/gateway/StatusChange.ts';
import type { GsdkError } from './errors.ts';

/** Request type (what we send) of a method in a generated service definition. */
export type RequestOf<M> = M extends { requestSerialize: (value: infer Req) => Buffer }
  ? Req
  : never;
/** Response type (what grpc-js hands back, every field present) of a method. */
export type ResponseOf<M> = M extends { responseDeserialize: (bytes: Buffer) => infer Res }
  ? Res
  : never;

export interface CallOptions {
  /** Overrides the client's default deadline for this call, in milliseconds. */
  deadlineMs?: number;
  signal?: AbortSignal;
}

// The generated definitions do not carry streaming as a literal type; the only streaming RPCs in
// the G-SDK services we use are the SubscribeStatus ones.
// grpc.ServiceDefinition adds a string index signature; only the named methods count.
type MethodNames<D> = keyof { [K in keyof D as string extends K ? never : K]: D[K] };
type UnaryKeys<D> = Exclude<MethodNames<D>, 'SubscribeStatus'>;

/** `getDeviceList`, `enableSSLMulti`, … : one promise-returning method per unary RPC of service D. */
export type UnaryApi<D> = {
  [K in UnaryKeys<D> & string as Uncapitalize<K>]: (
    request: RequestOf<D[K]>,
    options?: CallOptions,
  ) => Promise<ResponseOf<D[K]>>;
};

export type ConnectMasterApi = UnaryApi<ConnectMasterDefinition>;
export type TenantApi = UnaryApi<TenantDefinition>;
export type GatewayApi = UnaryApi<GatewayDefinition>;
export type LoginApi = UnaryApi<LoginDefinition>;

/** connect.DeviceInfo as GetDeviceList returns it (numeric enums, every field present). */
export type DeviceInfo = ResponseOf<
  ConnectMasterDefinition['GetDeviceList']
>['deviceInfos'][number];

export type DeviceStatusChange = DeviceStatusChangeMessage;
export type GatewayStatusChange = GatewayStatusChangeMessage;

/** How the client logs in; the PEM certificate sent is the client certificate of the channel. */
export type LoginMode =
  /** Login.Login{tenantCert}: a tenant's own certificate. */
  | { kind: 'tenant' }
  /** Login.LoginAdmin{adminTenantCert, tenantID}: the admin certificate, scoped to tenantID. */
  | { kind: 'admin'; tenantID: string };

export interface GsdkClientOptions {
  /** host:port of the master gateway, e.g. 127.0.0.1:4010. */
  address: string;
  /** PEM of the master's root CA (ca.crt). */
  caCert: string | Buffer;
  /** PEM client certificate and key presented in the mutual-TLS handshake and sent at login. */
  clientCert: string | Buffer;
  clientKey: string | Buffer;
  login: LoginMode;
  /** TLS server name to verify when `address` is not the name in the server certificate. */
  serverName?: string;
  /** Default deadline of unary calls (ms). Default 10,000. SearchDevice uses its timeout + margin. */
  deadlineMs?: number;
  /**
   * Backoff of status stream resubscription (ms). Defaults: 250 initial, 10,000 max, full jitter;
   * a stream that stayed up `healthyAfterMs` (default 30,000) starts again from the initial delay.
   */
  resubscribe?: { initialDelayMs?: number; maxDelayMs?: number; healthyAfterMs?: number };
  /**
   * HTTP/2 keep-alive pings while calls are open (streams always are), so a master that stops
   * answering (hung, or a silent network drop) fails the open calls within about timeMs + timeoutMs
   * instead of never. Defaults 5,000 / 5,000; `false` turns pings off. A master whose gRPC server
   * keeps the default ping policy (5 min) answers pings on a connection that carries no responses
   * with GOAWAY too_many_pings: a caller pinging this often must make the master send something
   * at least as often (the BFF probes every 3 s).
   */
  keepalive?: { timeMs?: number; timeoutMs?: number } | false;
  /**
   * Called after every successful Login/LoginAdmin: 'first-call' (lazy login), 'explicit'
   * (login()), 'unauthenticated' (the token was refused, e.g. expired, and was replaced).
   */
  onLogin?: (event: { reason: 'first-call' | 'explicit' | 'unauthenticated' }) => void;
}

export interface SubscribeOptions {
  /** Sent to the master as SubscribeStatusRequest.queueSize (its per-subscriber queue). */
  queueSize?: number;
  /**
   * Events the client keeps for a consumer that does not read (default 10,000). Beyond that the
   * oldest `change` events are dropped and counted in `StatusSubscription.dropped`: a consumer
   * that sees `dropped` grow should reconcile (e.g. re-read GetDeviceList).
   */
  maxBuffered?: number;
}

export type StatusEvent<T> =
  /** The stream is open; `resubscribed` is true after any earlier break: consumers should reconcile. */
  | { type: 'subscribed'; resubscribed: boolean }
  | { type: 'change'; change: T }
  /** The stream broke; it is retried after `retryInMs`. */
  | { type: 'error'; error: GsdkError; retryInMs: number };

/** An async-iterable status stream that survives stream errors; `cancel()` ends it cleanly. */
export interface StatusSubscription<T> extends AsyncIterable<StatusEvent<T>> {
  cancel(): void;
  readonly cancelled: boolean;
  /** `change` events dropped because the consumer fell `maxBuffered` events behind. */
  readonly dropped: number;
}

export interface GsdkClient {
  readonly connectMaster: ConnectMasterApi;
  readonly tenant: TenantApi;
  readonly gateway: GatewayApi;
  /** Logs in (also done lazily by the first call) and returns the JWT. */
  login(): Promise<string>;
  logout(): Promise<void>;
  /** ConnectMaster.SubscribeStatus, resubscribing with backoff and jitter after errors. */
  subscribeDeviceStatus(options?: SubscribeOptions): StatusSubscription<DeviceStatusChange>;
  /** Gateway.SubscribeStatus, with the same resubscription behaviour. */
  subscribeGatewayStatus(options?: SubscribeOptions): StatusSubscription<GatewayStatusChange>;
  /** Cancels every stream and closes the channel. */
  close(): void;
}
