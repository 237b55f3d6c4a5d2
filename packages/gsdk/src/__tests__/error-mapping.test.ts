import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { GsdkError } from '../errors.ts';
import { invalidArgument, toGsdkError } from '../error-mapping.ts';

describe('toGsdkError', () => {
  it('keeps the code and the server message of a grpc ServiceError', () => {
    const serviceError = Object.assign(new Error('5 NOT_FOUND: no gateway gw9'), {
      code: status.NOT_FOUND,
      details: 'no gateway gw9',
    });
    const error = toGsdkError(serviceError, 'ConnectMaster.GetDeviceList');
    expect(error).toBeInstanceOf(GsdkError);
    expect(error).toMatchObject({
      code: 5,
      details: 'no gateway gw9',
      rpc: 'ConnectMaster.GetDeviceList',
      codeName: 'NOT_FOUND',
    });
    expect(error.message).toBe('ConnectMaster.GetDeviceList: NOT_FOUND: no gateway gw9');
  });

  it('returns a GsdkError unchanged', () => {
    const original = invalidArgument('Tenant.Add', 'tenantID is empty');
    expect(toGsdkError(original, 'other')).toBe(original);
  });

  it('maps anything else to UNKNOWN with its message', () => {
    expect(toGsdkError(new TypeError('boom'), 'Gateway.Get')).toMatchObject({
      code: status.UNKNOWN,
      details: 'boom',
      rpc: 'Gateway.Get',
    });
    expect(toGsdkError('text', 'Gateway.Get')).toMatchObject({
      code: status.UNKNOWN,
      details: 'text',
    });
  });

  it('uses message when a status-like error has no details', () => {
    expect(toGsdkError({ code: 14, message: 'No connection established' }, 'X.Y')).toMatchObject({
      code: 14,
      details: 'No connection established',
    });
  });
});
