import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../client-options.ts';
import { GsdkError } from '../errors.ts';
import type { GsdkClientOptions } from '../types.ts';

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const valid: GsdkClientOptions = {
  address: '127.0.0.1:4010',
  caCert: pem,
  clientCert: Buffer.from(pem),
  clientKey: pem,
  login: { kind: 'admin', tenantID: 'tenant1' },
};

function errorOf(options: unknown): GsdkError {
  try {
    resolveOptions(options as GsdkClientOptions);
  } catch (error) {
    if (error instanceof GsdkError) return error;
    throw error;
  }
  throw new Error('resolveOptions accepted bad options');
}

describe('resolveOptions', () => {
  it('fills the defaults', () => {
    const resolved = resolveOptions(valid);
    expect(resolved.deadlineMs).toBe(10_000);
    expect(resolved.backoff).toEqual({ initialDelayMs: 250, maxDelayMs: 10_000 });
    expect(resolved.healthyAfterMs).toBe(30_000);
    expect(Buffer.isBuffer(resolved.caCert)).toBe(true);
  });

  it('accepts IPv6 and host names', () => {
    expect(resolveOptions({ ...valid, address: '[::1]:4010' }).address).toBe('[::1]:4010');
    expect(resolveOptions({ ...valid, address: 'localhost:4010' }).address).toBe('localhost:4010');
  });

  it('names the option that is wrong', () => {
    expect(errorOf({ ...valid, address: '127.0.0.1' }).details).toMatch(
      /options\.address must be "host:port"/,
    );
    expect(errorOf({ ...valid, caCert: 'not a pem' }).details).toMatch(
      /options\.caCert is not PEM/,
    );
    expect(errorOf({ ...valid, clientKey: 42 }).details).toMatch(
      /options\.clientKey must be a PEM/,
    );
    expect(errorOf({ ...valid, login: { kind: 'root' } }).details).toMatch(/options\.login\.kind/);
    expect(errorOf({ ...valid, login: { kind: 'admin', tenantID: '' } }).details).toMatch(
      /tenantID/,
    );
    expect(errorOf({ ...valid, deadlineMs: -1 }).details).toMatch(/options\.deadlineMs/);
    expect(
      errorOf({ ...valid, resubscribe: { initialDelayMs: 500, maxDelayMs: 100 } }).details,
    ).toMatch(/maxDelayMs/);
    expect(errorOf(null).details).toMatch(/options must be an object/);
    expect(errorOf({ ...valid, address: '' })).toMatchObject({ code: 3, rpc: 'createGsdkClient' });
  });
});
