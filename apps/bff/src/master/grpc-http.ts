// gRPC status of a master call -> HTTP status, with the master's own message in the problem detail.
import { problem, type HttpProblem } from '../http/problem.ts';

const httpOf: Record<number, number> = {
  3: 400, // INVALID_ARGUMENT
  16: 401, // UNAUTHENTICATED
  7: 403, // PERMISSION_DENIED
  5: 404, // NOT_FOUND
  14: 503, // UNAVAILABLE
  4: 504, // DEADLINE_EXCEEDED
  // Beyond the list: the master refusing an action for the device's current state (not
  // connected, SSL mismatch) or a duplicate is the caller's conflict, not a broken gateway.
  9: 409, // FAILED_PRECONDITION
  6: 409, // ALREADY_EXISTS
  8: 429, // RESOURCE_EXHAUSTED
};

export interface GsdkErrorLike {
  code: number;
  details: string;
  rpc: string;
}

/** Duck-typed so errors from any copy of @cmc/gsdk are recognised. */
export function isGsdkError(error: unknown): error is GsdkErrorLike {
  const e = error as Partial<GsdkErrorLike> | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.code === 'number' &&
    typeof e.rpc === 'string' &&
    typeof e.details === 'string'
  );
}

export function httpStatusOfGrpc(code: number): number {
  return httpOf[code] ?? 502;
}

export function gsdkProblem(error: GsdkErrorLike): HttpProblem {
  const status = httpStatusOfGrpc(error.code);
  const prefix =
    status === 503
      ? 'master gateway unavailable'
      : status === 504
        ? 'master gateway timed out'
        : 'master gateway refused';
  return problem(status, `${prefix} (${error.rpc}): ${error.details || 'no message'}`);
}
