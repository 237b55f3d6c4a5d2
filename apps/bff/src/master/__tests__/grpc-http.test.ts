import { describe, expect, it } from 'vitest';
import { failureKind, gsdkProblem, httpStatusOfGrpc } from '../grpc-http.ts';

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
    [status.UNAUTHENTICATED, 502],
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

  it("keeps the master's own message and never names the RPC", () => {
    const p = gsdkProblem({
      code: status.FAILED_PRECONDITION,
      rpc: 'ConnectMaster.EnableSSL',
      details: 'device 7 is not connected',
    });
    expect(p.status).toBe(409);
    expect(p.detail).toBe('Not possible in the current state: device 7 is not connected');
    expect(p.detail).not.toContain('ConnectMaster');
  });

  it("reports the master's UNAUTHENTICATED as a gateway failure, never the console's own 401", () => {
    const p = gsdkProblem({
      code: status.UNAUTHENTICATED,
      rpc: 'ConnectMaster.GetGatewayList',
      details: 'certificate rejected',
    });
    expect(p.status).toBe(502);
    expect(p.detail).toBe(
      "The master gateway refused the console's certificate login (check the console's admin certificate): certificate rejected",
    );
  });
});

describe('failure words', () => {
  const err = (code: number, details: string, rpc = 'ConnectMaster.Connect') => ({
    code,
    details,
    rpc,
  });

  it.each([
    [
      err(
        status.UNAVAILABLE,
        'cannot connect to 192.168.10.99:51211: no device answers at 192.168.10.99:51211 on gateway gateway1',
      ),
      'device-unreachable',
      'The device did not answer: cannot connect to 192.168.10.99:51211',
    ],
    [
      err(
        status.FAILED_PRECONDITION,
        'cannot connect to 192.168.10.14:51211: device 544114234 requires SSL: connect with useSSL=true',
      ),
      'ssl-mismatch',
      'The SSL setting does not match the device: ',
    ],
    [
      err(
        status.UNAVAILABLE,
        'gateway gateway2 is not connected to the master',
        'ConnectMaster.GetDeviceList',
      ),
      'gateway-offline',
      'The device gateway is offline: gateway gateway2',
    ],
    [
      err(
        status.UNAVAILABLE,
        'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:4010',
      ),
      'master-unreachable',
      'The master gateway cannot be reached: No connection established',
    ],
    // A TLS failure of the console's own connection is not the device's SSL setting.
    [
      err(status.UNAVAILABLE, 'TLS handshake failed: certificate unknown'),
      'master-unreachable',
      'The master gateway cannot be reached: TLS handshake',
    ],
    [
      err(status.DEADLINE_EXCEEDED, 'Deadline exceeded'),
      'master-timeout',
      'The master gateway did not answer in time',
    ],
    [
      err(status.PERMISSION_DENIED, 'gateway gateway3 does not belong to tenant tenant1'),
      'not-allowed',
      'Not allowed: gateway gateway3',
    ],
    [err(status.NOT_FOUND, 'no gateway gw9'), 'not-found', 'Not found: no gateway gw9'],
    [err(status.INTERNAL, ''), 'master-failed', 'The master gateway failed.'],
  ] as const)('%o -> %s', (error, kind, start) => {
    expect(failureKind(error)).toBe(kind);
    const p = gsdkProblem(error);
    expect(p.detail.startsWith(start)).toBe(true);
    expect(p.detail).not.toMatch(/ConnectMaster|master gateway (unavailable|refused)/);
  });
});
