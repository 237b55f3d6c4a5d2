// gRPC status of a master call -> HTTP status, and a problem detail that says what happened in
// words (the device did not answer, SSL mismatch, not allowed…) with the master's own message
// after it. RPC names stay in the log: they mean nothing to an operator.
import { problem, type HttpProblem } from '../http/problem.ts';

const httpOf: Record<number, number> = {
  3: 400, // INVALID_ARGUMENT
  // The master refusing the console's own certificate login is a broken gateway link (502), never
  // a 401: the browser reads 401 as "your session ended" and signs the user out.
  16: 502, // UNAUTHENTICATED
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

export type FailureKind =
  | 'device-unreachable'
  | 'ssl-mismatch'
  | 'gateway-offline'
  | 'master-unreachable'
  | 'master-timeout'
  | 'not-allowed'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'login-refused'
  | 'busy'
  | 'master-failed';

const SENTENCE: Record<FailureKind, string> = {
  'device-unreachable': 'The device did not answer',
  'ssl-mismatch': 'The SSL setting does not match the device',
  'gateway-offline': 'The device gateway is offline',
  'master-unreachable': 'The master gateway cannot be reached',
  'master-timeout': 'The master gateway did not answer in time',
  'not-allowed': 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Not possible in the current state',
  invalid: 'The master gateway found the request invalid',
  'login-refused':
    "The master gateway refused the console's certificate login (check the console's admin certificate)",
  busy: 'The master gateway is busy',
  'master-failed': 'The master gateway failed',
};

// What a gateway says about a device it tried to reach (the simulator's words and the usual
// socket errors); matched on the master's message because the status code alone cannot tell a
// silent device from an unreachable master.
const DEVICE_SILENT = /no device answers|device did not (answer|respond)|cannot connect to \d/i;
const SSL_WORDS = /\b(ssl|tls|useSSL)\b/i;
const GATEWAY_OFFLINE = /gateway \S+ is (not connected|offline|disconnected)/i;

/** What kind of failure a master error is, from its status code and message. */
export function failureKind(error: GsdkErrorLike): FailureKind {
  const details = error.details;
  if (GATEWAY_OFFLINE.test(details)) return 'gateway-offline';
  // A TLS failure of the master connection itself comes as UNAVAILABLE: only a refusal is the device's SSL.
  if (SSL_WORDS.test(details) && (error.code === 9 || error.code === 7)) return 'ssl-mismatch';
  if (DEVICE_SILENT.test(details)) return 'device-unreachable';
  switch (error.code) {
    case 14:
      return 'master-unreachable';
    case 4:
      return 'master-timeout';
    case 7:
      return 'not-allowed';
    case 5:
      return 'not-found';
    case 9:
    case 6:
      return 'conflict';
    case 3:
      return 'invalid';
    case 16:
      return 'login-refused';
    case 8:
      return 'busy';
    default:
      return 'master-failed';
  }
}

/** "The device did not answer: cannot connect to 10.0.0.9:51211: …" — words first, then the master's own message. */
export function describeGsdkError(error: GsdkErrorLike): string {
  const sentence = SENTENCE[failureKind(error)];
  const details = error.details.trim();
  return details ? `${sentence}: ${details}` : `${sentence}.`;
}

export function gsdkProblem(error: GsdkErrorLike): HttpProblem {
  return problem(httpStatusOfGrpc(error.code), describeGsdkError(error));
}
