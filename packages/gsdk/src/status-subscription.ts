import { status as GrpcStatus, type ClientReadableStream, type StatusObject } from '@grpc/grpc-js';
import { fullJitterDelay, type BackoffPolicy } from './backoff.ts';
import { GsdkError } from './errors.ts';
import { toGsdkError } from './error-mapping.ts';
import { EventQueue } from './event-queue.ts';
import type { Session } from './session.ts';
import type { StatusEvent, StatusSubscription } from './types.ts';

export interface SubscriptionDeps<T> {
  /** e.g. `ConnectMaster.SubscribeStatus`, used in errors. */
  rpc: string;
  session: Session;
  /** Opens one server stream (the channel's call credential adds the current token). */
  open: () => ClientReadableStream<T>;
  backoff: BackoffPolicy;
  /** Events kept for a consumer that does not read (see EventQueue). */
  maxBuffered: number;
  /** A stream that was up this long resets the backoff to its first step. */
  healthyAfterMs: number;
  /** See the doc comment of createStatusSubscription. */
  subscribedFallbackMs: number;
  /** Whether the channel has a live connection to the master right now. */
  isChannelReady: () => boolean;
  random?: () => number;
  onCancel?: () => void;
}

export interface ManagedSubscription<T> extends StatusSubscription<T> {
  readonly dropped: number;
}

/**
 * A status stream that reopens itself. The stream counts as up ("subscribed") at the first of:
 * response headers (grpc 'metadata'), the first message, or `subscribedFallbackMs` without an
 * error while the channel is connected (READY). The fallback exists because a server that has
 * nothing to say sends no headers (grpc-js and grpc-go both hold headers until the first
 * message), while authentication and permission failures arrive at once; a stream still open
 * that long on a connected channel was accepted. While the channel is still connecting the
 * fallback waits another period, so a slow TCP/TLS connect is not reported as subscribed.
 */
export function createStatusSubscription<T>(deps: SubscriptionDeps<T>): ManagedSubscription<T> {
  const queue = new EventQueue<StatusEvent<T>>(
    deps.maxBuffered,
    (event) => event.type === 'change',
  );
  let cancelled = false;
  let call: ClientReadableStream<T> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let fallbackTimer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let broken = false;
  let upSince: number | undefined;
  let reloginFrom: { stale: string | undefined } | undefined;

  function clearTimers(): void {
    if (retryTimer) clearTimeout(retryTimer);
    if (fallbackTimer) clearTimeout(fallbackTimer);
    retryTimer = undefined;
    fallbackTimer = undefined;
  }

  function fail(error: GsdkError, usedToken: string | undefined): void {
    if (cancelled) return;
    call = undefined;
    clearTimers();
    if (upSince !== undefined && Date.now() - upSince >= deps.healthyAfterMs) attempt = 0;
    upSince = undefined;
    broken = true;
    if (error.code === GrpcStatus.UNAUTHENTICATED) reloginFrom = { stale: usedToken };
    const retryInMs = fullJitterDelay(attempt, deps.backoff, deps.random);
    attempt += 1;
    queue.push({ type: 'error', error, retryInMs });
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryInMs);
  }

  async function connect(): Promise<void> {
    if (cancelled) return;
    let token: string;
    try {
      const relogin = reloginFrom;
      reloginFrom = undefined;
      token = relogin ? await deps.session.refresh(relogin.stale) : await deps.session.ensure();
    } catch (error) {
      fail(toGsdkError(error, deps.rpc), undefined);
      return;
    }
    if (cancelled) return;
    let stream: ClientReadableStream<T>;
    try {
      stream = deps.open();
    } catch (error) {
      fail(toGsdkError(error, deps.rpc), token);
      return;
    }
    call = stream;
    let up = false;
    let ended = false;
    const markUp = (): void => {
      if (up || ended || cancelled || call !== stream) return;
      up = true;
      if (fallbackTimer) clearTimeout(fallbackTimer);
      fallbackTimer = undefined;
      upSince = Date.now();
      queue.push({ type: 'subscribed', resubscribed: broken });
    };
    const end = (error: GsdkError): void => {
      if (ended) return;
      ended = true;
      if (call === stream) fail(error, token);
    };
    stream.on('metadata', markUp);
    stream.on('data', (change: T) => {
      markUp();
      if (!cancelled && !ended) queue.push({ type: 'change', change });
    });
    stream.on('error', (error: unknown) => end(toGsdkError(error, deps.rpc)));
    stream.on('status', (status: StatusObject) => {
      // Non-OK statuses also arrive as 'error'; an OK status means the server closed a stream that
      // should never end, which is a break like any other.
      if (status.code === GrpcStatus.OK)
        end(new GsdkError(GrpcStatus.OK, 'the server ended the status stream', deps.rpc));
    });
    const armFallback = (): void => {
      fallbackTimer = setTimeout(() => {
        fallbackTimer = undefined;
        if (deps.isChannelReady()) markUp();
        else if (!up && !ended && !cancelled && call === stream) armFallback();
      }, deps.subscribedFallbackMs);
    };
    armFallback();
  }

  function cancel(): void {
    if (cancelled) return;
    cancelled = true;
    clearTimers();
    const open = call;
    call = undefined;
    // Its 'error' (CANCELLED) still fires; the handlers ignore it because `call` no longer matches.
    open?.cancel();
    queue.close();
    deps.onCancel?.();
  }

  void connect();

  return {
    cancel,
    get cancelled() {
      return cancelled;
    },
    get dropped() {
      return queue.dropped;
    },
    [Symbol.asyncIterator](): AsyncIterator<StatusEvent<T>> {
      return {
        next: () => queue.next(),
        return: () => {
          cancel();
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
}

/** What subscribe*() returns for arguments it cannot use: iteration rejects with that error. */
export function failedSubscription<T>(error: GsdkError): ManagedSubscription<T> {
  let cancelled = false;
  let reported = false;
  return {
    cancel: () => {
      cancelled = true;
    },
    get cancelled() {
      return cancelled;
    },
    dropped: 0,
    [Symbol.asyncIterator](): AsyncIterator<StatusEvent<T>> {
      return {
        next: () => {
          if (cancelled || reported) return Promise.resolve({ value: undefined, done: true });
          reported = true;
          return Promise.reject(error);
        },
        return: () => {
          cancelled = true;
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
}
