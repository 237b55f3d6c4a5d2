import { describe, expect, it } from 'vitest';
import { gsdkProblem, httpStatusOfGrpc } from '../grpc-http.ts';

// grpc-js status numbers; the BFF does not depend on grpc-js directly.
const status = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

describe('gRPC status -> HTTP status', () => {
  it.each([
    [status.INVALID_ARGUMENT, 400],
    [status.UNAUTHENTICATED, 401],
    [status.PERMISSION_DENIED, 403],
    [status.NOT_FOUND, 404],
    [status.FAILED_PRECONDITION, 409],
    [status.ALREADY_EXISTS, 409],
    [status.RESOURCE_EXHAUSTED, 429],
    [status.UNAVAILABLE, 503],
    [status.DEADLINE_EXCEEDED, 504],
    [status.INTERNAL, 502],
    [status.UNKNOWN, 502],
  ])('code %i -> %i', (code, http) => {
    expect(httpStatusOfGrpc(code)).toBe(http);
  });

  it("keeps the master's own message and names the RPC", () => {
    const p = gsdkProblem({
      code: status.FAILED_PRECONDITION,
      rpc: 'ConnectMaster.EnableSSL',
      details: 'device 7 is not connected',
    });
    expect(p.status).toBe(409);
    expect(p.detail).toContain('ConnectMaster.EnableSSL');
    expect(p.detail).toContain('device 7 is not connected');
  });
});
