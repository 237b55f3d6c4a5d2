import { status } from '@grpc/grpc-js';

/**
 * A failure with the gRPC status code a real master gateway would answer with. Thrown inside the
 * simulator and turned into a gRPC status (or an HTTP status by the control API) at the edge, so
 * no handler ever lets an exception escape.
 */
export class SimError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export const invalidArgument = (message: string): SimError =>
  new SimError(status.INVALID_ARGUMENT, message);
export const notFound = (message: string): SimError => new SimError(status.NOT_FOUND, message);
export const permissionDenied = (message: string): SimError =>
  new SimError(status.PERMISSION_DENIED, message);
export const unauthenticated = (message: string): SimError =>
  new SimError(status.UNAUTHENTICATED, message);
export const failedPrecondition = (message: string): SimError =>
  new SimError(status.FAILED_PRECONDITION, message);
export const alreadyExists = (message: string): SimError =>
  new SimError(status.ALREADY_EXISTS, message);
export const unavailable = (message: string): SimError => new SimError(status.UNAVAILABLE, message);
