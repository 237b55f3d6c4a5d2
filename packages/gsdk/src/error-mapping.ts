import { status as GrpcStatus } from '@grpc/grpc-js';
import { GsdkError } from './errors.ts';

function isStatusLike(
  error: unknown,
): error is { code: number; details?: unknown; message?: unknown } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'number'
  );
}

/**
 * Turns whatever a grpc-js call, a serializer or our own code threw into the one GsdkError.
 * grpc-js ServiceErrors carry the server's message in `details`; that text is kept unchanged.
 */
export function toGsdkError(error: unknown, rpc: string): GsdkError {
  if (error instanceof GsdkError) return error;
  if (isStatusLike(error)) {
    const details =
      typeof error.details === 'string'
        ? error.details
        : typeof error.message === 'string'
          ? error.message
          : '';
    return new GsdkError(error.code, details, rpc);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GsdkError(GrpcStatus.UNKNOWN, message, rpc);
}

export function invalidArgument(rpc: string, details: string): GsdkError {
  return new GsdkError(GrpcStatus.INVALID_ARGUMENT, details, rpc);
}
