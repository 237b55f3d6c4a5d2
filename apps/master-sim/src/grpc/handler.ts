import {
  Metadata,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
  type ServiceError,
} from '@grpc/grpc-js';
import { SimError } from '../errors.ts';

export function toServiceError(err: unknown): Partial<ServiceError> {
  if (err instanceof SimError)
    return { code: err.code, details: err.message, metadata: new Metadata() };
  // Anything else is our bug: answer INTERNAL with the message instead of crashing the process.
  console.error('[master-sim] unexpected error in handler:', err);
  return {
    code: status.INTERNAL,
    details: `internal simulator error: ${(err as Error)?.message ?? String(err)}`,
  };
}

/** Wraps an async handler so it always answers with a status and never throws out. */
export function unary<Req, Res>(
  fn: (call: ServerUnaryCall<Req, Res>) => Promise<Res> | Res,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(toServiceError(err)),
      )
      .catch((err: unknown) => console.error('[master-sim] failed to answer a call:', err));
  };
}

export function tokenOf(metadata: Metadata): string | undefined {
  const value = metadata.get('token')[0];
  return typeof value === 'string' ? value : value?.toString('utf8');
}
