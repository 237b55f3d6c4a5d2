import { status as GrpcStatus, type Client, type ServiceDefinition } from '@grpc/grpc-js';
import { GsdkError } from './errors.ts';
import { invalidArgument } from './error-mapping.ts';
import type { Session } from './session.ts';
import type { CallOptions, UnaryApi } from './types.ts';
import { cancelledError, serializeRequest, unaryAttempt, type AnyMethod } from './unary-call.ts';

/** SearchDevice waits `timeout` ms on the gateway; the deadline allows that plus this margin. */
export const searchDeadlineMarginMs = 5_000;

export interface InvokerDeps {
  session: Session;
  defaultDeadlineMs: number;
  isClosed: () => boolean;
}

function validateOptions(rpc: string, options: unknown): CallOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null)
    throw invalidArgument(rpc, 'call options must be an object');
  const { deadlineMs, signal } = options as CallOptions;
  if (
    deadlineMs !== undefined &&
    !(typeof deadlineMs === 'number' && Number.isFinite(deadlineMs) && deadlineMs > 0)
  ) {
    throw invalidArgument(
      rpc,
      `deadlineMs must be a positive number of milliseconds, got ${String(deadlineMs)}`,
    );
  }
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw invalidArgument(rpc, 'signal must be an AbortSignal');
  return { deadlineMs, signal };
}

function deadlineFor(
  rpc: string,
  request: object,
  options: CallOptions,
  defaultMs: number,
): number {
  if (options.deadlineMs !== undefined) return options.deadlineMs;
  if (rpc === 'ConnectMaster.SearchDevice') {
    const timeout = (request as { timeout?: unknown }).timeout;
    if (typeof timeout === 'number' && timeout > 0) return timeout + searchDeadlineMarginMs;
  }
  return defaultMs;
}

/**
 * One unary call as every public method makes it: validate, log in if needed, call with a deadline,
 * and on UNAUTHENTICATED log in again and retry exactly once.
 */
export async function invokeUnary(
  deps: InvokerDeps,
  client: Client,
  method: AnyMethod,
  rpc: string,
  request: unknown,
  rawOptions: unknown,
): Promise<unknown> {
  if (deps.isClosed())
    throw new GsdkError(GrpcStatus.FAILED_PRECONDITION, 'the client has been closed', rpc);
  const options = validateOptions(rpc, rawOptions);
  const bytes = serializeRequest(method, rpc, request);
  const deadlineMs = deadlineFor(rpc, request as object, options, deps.defaultDeadlineMs);
  const token = await untilAborted(deps.session.ensure(), options.signal, rpc);
  try {
    return await unaryAttempt(client, method, rpc, bytes, deadlineMs, options.signal);
  } catch (error) {
    if (
      !(error instanceof GsdkError) ||
      error.code !== GrpcStatus.UNAUTHENTICATED ||
      options.signal?.aborted
    )
      throw error;
    await untilAborted(deps.session.refresh(token), options.signal, rpc);
    return await unaryAttempt(client, method, rpc, bytes, deadlineMs, options.signal);
  }
}

/** Waits for a login shared with other callers, but lets this caller give up when it aborts. */
function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  rpc: string,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelledError(rpc));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(rpc));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * `connectMaster.getDeviceList(...)` and friends, generated from the service definition that
 * loadGsdk() produced: one method per unary RPC, none written by hand.
 */
export function buildUnaryApi<D extends ServiceDefinition>(
  serviceName: string,
  definition: D,
  client: Client,
  deps: InvokerDeps,
): UnaryApi<D> {
  const api: Record<string, (request: unknown, options?: unknown) => Promise<unknown>> = {};
  for (const [name, method] of Object.entries(definition)) {
    if (method.requestStream || method.responseStream) continue;
    const rpc = `${serviceName}.${name}`;
    api[lowerFirst(name)] = (request, options) =>
      invokeUnary(deps, client, method as AnyMethod, rpc, request, options);
  }
  // The loop above creates exactly the keys UnaryApi<D> maps (unary methods, first letter lowered).
  return Object.freeze(api) as unknown as UnaryApi<D>;
}
