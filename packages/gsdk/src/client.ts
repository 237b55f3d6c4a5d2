import {
  connectivityState,
  status as GrpcStatus,
  type Channel,
  type ChannelCredentials,
  type Client,
  type ClientOptions,
  type ClientReadableStream,
} from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import { createGsdkChannel, tokenCredentials } from './channel.ts';
import { resolveOptions, type ResolvedOptions } from './client-options.ts';
import { GsdkError } from './errors.ts';
import { invalidArgument } from './error-mapping.ts';
import { Session } from './session.ts';
import {
  createStatusSubscription,
  failedSubscription,
  type ManagedSubscription,
} from './status-subscription.ts';
import type {
  DeviceStatusChange,
  GatewayStatusChange,
  GsdkClient,
  GsdkClientOptions,
  SubscribeOptions,
} from './types.ts';
import { buildUnaryApi, type InvokerDeps } from './unary-invoker.ts';
import { serializeRequest, unaryAttempt, type AnyMethod } from './unary-call.ts';

/** Default number of events a status subscription holds for a consumer that is not reading. */
const defaultMaxBuffered = 10_000;
/**
 * How long a quiet status stream must stay open on a connected channel to count as subscribed (a
 * gRPC server may hold its headers until the first change). A refusal (bad token, no permission)
 * comes back within one round trip; the list reads that "subscribed" releases reach the master
 * after the stream's request on the same connection, so a change could only be missed by a master
 * that takes longer than this to register a stream it already has. It was 1 s: a full second of
 * every start and every recovery after a break (docs/decisions.md).
 */
const subscribedFallbackMs = 300;

function validateSubscribeOptions(
  rpc: string,
  options: unknown,
): { queueSize: number; maxBuffered: number } {
  if (options === undefined) return { queueSize: 0, maxBuffered: defaultMaxBuffered };
  if (typeof options !== 'object' || options === null)
    throw invalidArgument(rpc, 'subscribe options must be an object');
  const { queueSize, maxBuffered } = options as SubscribeOptions;
  if (
    queueSize !== undefined &&
    !(Number.isInteger(queueSize) && queueSize >= 0 && queueSize <= 2 ** 31 - 1)
  ) {
    throw invalidArgument(rpc, `queueSize must be a non-negative int32, got ${String(queueSize)}`);
  }
  if (maxBuffered !== undefined && !(Number.isInteger(maxBuffered) && maxBuffered > 0)) {
    throw invalidArgument(
      rpc,
      `maxBuffered must be a positive integer, got ${String(maxBuffered)}`,
    );
  }
  return { queueSize: queueSize ?? 0, maxBuffered: maxBuffered ?? defaultMaxBuffered };
}

/**
 * A client for one master gateway and one login identity, on a connection of its own. Throws
 * GsdkError(INVALID_ARGUMENT) at construction when an option is unusable; every call afterwards
 * rejects instead of throwing. createGsdkConnection() shares one connection between logins.
 */
export function createGsdkClient(options: GsdkClientOptions): GsdkClient {
  const config = resolveOptions(options);
  return buildGsdkClient(config, createGsdkChannel(config), true, options.onLogin);
}

/** The channel a client runs on; `owned` channels are closed with the client. */
export function buildGsdkClient(
  config: ResolvedOptions,
  transport: { channel: Channel; credentials: ChannelCredentials },
  owned: boolean,
  onLogin: GsdkClientOptions['onLogin'],
): GsdkClient {
  const { grpc } = loadGsdk();
  const services = {
    ConnectMaster: grpc.gsdk.connect_master.ConnectMaster,
    Tenant: grpc.gsdk.tenant.Tenant,
    Gateway: grpc.gsdk.gateway.Gateway,
    Login: grpc.gsdk.login.Login,
  };

  let closed = false;
  const subscriptions = new Set<ManagedSubscription<unknown>>();
  const session = new Session(performLogin, onLogin);
  const { channel } = transport;
  // This login's token goes with each call, not with the channel, which other logins may share.
  const token = tokenCredentials(() => session.current());
  // Four service clients over one channel (grpc-js mutates the options object, so one each); calls
  // go through Client.makeUnaryRequest with the service definitions, the same generic way.
  const serviceClients = (on: {
    channel: Channel;
    credentials: ChannelCredentials;
  }): Record<keyof typeof services, Client> => {
    const options = (): ClientOptions => ({
      channelOverride: on.channel,
      callInvocationTransformer: (call) => ({
        ...call,
        callOptions: { ...call.callOptions, credentials: token },
      }),
    });
    return {
      ConnectMaster: new services.ConnectMaster(config.address, on.credentials, options()),
      Tenant: new services.Tenant(config.address, on.credentials, options()),
      Gateway: new services.Gateway(config.address, on.credentials, options()),
      Login: new services.Login(config.address, on.credentials, options()),
    };
  };
  const clients = serviceClients(transport);
  // On a shared connection the status streams get a connection of their own, opened by the first
  // subscribe: streams of every login multiplexed with everyone's calls on one socket measurably
  // delayed status changes at 5,000 changes/s (bench/README.md). Unary calls stay shared.
  type StreamSide = { channel: Channel; clients: Record<keyof typeof services, Client> };
  let ownStreams: StreamSide | undefined;
  function streamSide(): StreamSide {
    if (owned) return { channel, clients };
    if (!ownStreams) {
      const own = createGsdkChannel(config);
      ownStreams = { channel: own.channel, clients: serviceClients(own) };
    }
    return ownStreams;
  }
  const deps: InvokerDeps = {
    session,
    defaultDeadlineMs: config.deadlineMs,
    isClosed: () => closed,
  };

  /** One Login / LoginAdmin RPC, without token and without retry; the session makes it single-flight. */
  async function performLogin(): Promise<string> {
    const certificate = config.clientCert.toString('utf8');
    const [name, request] =
      config.login.kind === 'tenant'
        ? (['Login', { tenantCert: certificate }] as const)
        : ([
            'LoginAdmin',
            { adminTenantCert: certificate, tenantID: config.login.tenantID },
          ] as const);
    const rpc = `Login.${name}`;
    if (closed)
      throw new GsdkError(GrpcStatus.FAILED_PRECONDITION, 'the client has been closed', rpc);
    const method = services.Login.service[name] as AnyMethod;
    const response = await unaryAttempt(
      clients.Login,
      method,
      rpc,
      serializeRequest(method, rpc, request),
      config.deadlineMs,
      undefined,
    );
    const token = (response as { jwtToken?: unknown }).jwtToken;
    if (typeof token !== 'string' || token === '') {
      throw new GsdkError(
        GrpcStatus.UNAUTHENTICATED,
        'the master answered the login without a token',
        rpc,
      );
    }
    return token;
  }

  function subscribe<T>(
    service: 'ConnectMaster' | 'Gateway',
    raw: unknown,
  ): ManagedSubscription<T> {
    const rpc = `${service}.SubscribeStatus`;
    let settings: { queueSize: number; maxBuffered: number };
    try {
      if (closed)
        throw new GsdkError(GrpcStatus.FAILED_PRECONDITION, 'the client has been closed', rpc);
      settings = validateSubscribeOptions(rpc, raw);
    } catch (error) {
      return failedSubscription<T>(error as GsdkError);
    }
    const method = services[service].service.SubscribeStatus as AnyMethod;
    const side = streamSide();
    const client = side.clients[service];
    const subscription: ManagedSubscription<T> = createStatusSubscription<T>({
      rpc,
      session,
      open: () =>
        client.makeServerStreamRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize,
          { queueSize: settings.queueSize },
          // Status streams live for hours: they have no deadline, cancel() ends them.
          {},
        ) as ClientReadableStream<T>,
      backoff: config.backoff,
      maxBuffered: settings.maxBuffered,
      healthyAfterMs: config.healthyAfterMs,
      subscribedFallbackMs,
      isChannelReady: () => side.channel.getConnectivityState(false) === connectivityState.READY,
      onCancel: () => subscriptions.delete(subscription as ManagedSubscription<unknown>),
    });
    subscriptions.add(subscription as ManagedSubscription<unknown>);
    return subscription;
  }

  return {
    connectMaster: buildUnaryApi(
      'ConnectMaster',
      services.ConnectMaster.service,
      clients.ConnectMaster,
      deps,
    ),
    tenant: buildUnaryApi('Tenant', services.Tenant.service, clients.Tenant, deps),
    gateway: buildUnaryApi('Gateway', services.Gateway.service, clients.Gateway, deps),
    login: () =>
      closed
        ? Promise.reject(
            new GsdkError(
              GrpcStatus.FAILED_PRECONDITION,
              'the client has been closed',
              'Login.Login',
            ),
          )
        : session.login(),
    async logout() {
      if (session.current() === undefined) {
        session.abandonPending();
        return;
      }
      try {
        // Not invokeUnary: an expired token must not trigger a login just to log out again.
        const logout = services.Login.service.Logout as AnyMethod;
        const bytes = serializeRequest(logout, 'Login.Logout', {});
        await unaryAttempt(
          clients.Login,
          logout,
          'Login.Logout',
          bytes,
          config.deadlineMs,
          undefined,
        );
      } catch (error) {
        // An expired token means the session is already over, which is what logout wants.
        if (!(error instanceof GsdkError && error.code === GrpcStatus.UNAUTHENTICATED)) throw error;
      } finally {
        session.abandonPending();
        session.clear();
      }
    },
    subscribeDeviceStatus: (options) => subscribe<DeviceStatusChange>('ConnectMaster', options),
    subscribeGatewayStatus: (options) => subscribe<GatewayStatusChange>('Gateway', options),
    close() {
      if (closed) return;
      closed = true;
      for (const subscription of [...subscriptions]) subscription.cancel();
      if (owned) channel.close();
      ownStreams?.channel.close();
    },
  };
}
