import { Metadata, status as GrpcStatus, type Client, type MethodDefinition } from '@grpc/grpc-js';
import { GsdkError } from './errors.ts';
import { invalidArgument, toGsdkError } from './error-mapping.ts';

export type AnyMethod = MethodDefinition<unknown, unknown>;

/**
 * Serializes up front so a request protobufjs cannot encode (a string where a message is expected,
 * a number where a list is) is reported as INVALID_ARGUMENT naming the field, not as INTERNAL.
 */
export function serializeRequest(method: AnyMethod, rpc: string, request: unknown): Buffer {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    const got = request === null ? 'null' : Array.isArray(request) ? 'an array' : typeof request;
    throw invalidArgument(rpc, `the request must be an object, got ${got}`);
  }
  try {
    return method.requestSerialize(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalidArgument(rpc, `invalid request: ${message}`);
  }
}

export function cancelledError(rpc: string): GsdkError {
  return new GsdkError(GrpcStatus.CANCELLED, 'the call was aborted by the caller', rpc);
}

/** One attempt of a unary RPC with a deadline; `signal` cancels it. Never throws synchronously. */
export function unaryAttempt(
  client: Client,
  method: AnyMethod,
  rpc: string,
  bytes: Buffer,
  deadlineMs: number,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError(rpc));
      return;
    }
    let onAbort: (() => void) | undefined;
    try {
      const call = client.makeUnaryRequest(
        method.path,
        // Already encoded by serializeRequest.
        (encoded: Buffer) => encoded,
        method.responseDeserialize,
        bytes,
        new Metadata(),
        { deadline: Date.now() + deadlineMs },
        (error, response) => {
          if (onAbort) signal?.removeEventListener('abort', onAbort);
          if (error) reject(signal?.aborted ? cancelledError(rpc) : toGsdkError(error, rpc));
          else resolve(response);
        },
      );
      if (signal) {
        onAbort = () => call.cancel();
        signal.addEventListener('abort', onAbort, { once: true });
      }
    } catch (error) {
      // grpc-js throws synchronously e.g. on a channel that has been closed.
      reject(toGsdkError(error, rpc));
    }
  });
}
