import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificates } from '@cmc/master-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGsdkClient } from '../client.ts';
import { GsdkError } from '../errors.ts';
import { rawClient, rawUnary } from './helpers/raw-client.ts';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// Mutual TLS and token checks, driven against the simulator with real handshakes.
let fixture: SimFixture;
let foreignDir: string;
let foreign: { caCert: string; tenants: Record<string, { cert: string; key: string }> };

beforeAll(async () => {
  fixture = await startFixture();
  // A second, unrelated CA with its own tenant1 certificate: same names, wrong issuer.
  foreignDir = await mkdtemp(join(tmpdir(), 'gsdk-foreign-ca-'));
  foreign = await ensureCertificates(foreignDir, ['tenant1']);
});
afterAll(async () => {
  await fixture?.stop();
  if (foreignDir) await rm(foreignDir, { recursive: true, force: true });
});

describe('mutual TLS', () => {
  it('a client without a certificate is refused in the handshake', async () => {
    const raw = rawClient(fixture.sim, 'Login', { noClientCert: true });
    try {
      await expect(
        rawUnary(raw, 'Login', { tenantCert: fixture.sim.certs.tenants.tenant1!.cert }),
      ).rejects.toMatchObject({ code: 14 });
    } finally {
      raw.close();
    }
  });

  it('a client certificate from another CA is refused (UNAVAILABLE)', async () => {
    const client = createGsdkClient({
      address: fixture.sim.address,
      caCert: fixture.sim.certs.caCert,
      clientCert: foreign.tenants.tenant1!.cert,
      clientKey: foreign.tenants.tenant1!.key,
      login: { kind: 'tenant' },
    });
    try {
      const error = await client.login().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GsdkError);
      expect(error).toMatchObject({ codeName: 'UNAVAILABLE', rpc: 'Login.Login' });
    } finally {
      client.close();
    }
  });

  it('a server whose certificate our CA did not sign is refused (UNAVAILABLE)', async () => {
    const client = fixture.tenantClient('tenant1', { caCert: foreign.caCert });
    await expect(client.connectMaster.getDeviceList({ gatewayID: 'gw1' })).rejects.toMatchObject({
      codeName: 'UNAVAILABLE',
    });
  });

  it('serverName is the name checked against the server certificate', async () => {
    const right = fixture.tenantClient('tenant1', { serverName: 'localhost' });
    expect((await right.gateway.getList({})).gatewayIDs).toEqual(['gw1', 'gw2']);
    const wrong = fixture.tenantClient('tenant1', { serverName: 'master.example.com' });
    await expect(wrong.gateway.getList({})).rejects.toMatchObject({ codeName: 'UNAVAILABLE' });
  });
});

describe('token', () => {
  it('a valid token in metadata `token` is accepted (the control case for the two below)', async () => {
    const token = await fixture.adminClient('tenant1').login();
    const raw = rawClient(fixture.sim, 'ConnectMaster');
    try {
      const response = (await rawUnary(raw, 'GetDeviceList', { gatewayID: 'gw1' }, { token })) as {
        deviceInfos: unknown[];
      };
      expect(response.deviceInfos.length).toBeGreaterThan(0);
    } finally {
      raw.close();
    }
  });

  it('no token → UNAUTHENTICATED', async () => {
    const raw = rawClient(fixture.sim, 'ConnectMaster');
    try {
      await expect(rawUnary(raw, 'GetDeviceList', { gatewayID: 'gw1' })).rejects.toMatchObject({
        code: 16,
      });
    } finally {
      raw.close();
    }
  });

  it('a malformed or foreign-signed token → UNAUTHENTICATED', async () => {
    const raw = rawClient(fixture.sim, 'ConnectMaster');
    const forged = [
      'eyJhbGciOiJIUzI1NiJ9',
      Buffer.from('{"sub":"tenant1","exp":9999999999}').toString('base64url'),
      'c2lnbmF0dXJl',
    ].join('.');
    try {
      for (const token of ['not-a-jwt', forged]) {
        await expect(
          rawUnary(raw, 'GetDeviceList', { gatewayID: 'gw1' }, { token }),
        ).rejects.toMatchObject({ code: 16 });
      }
    } finally {
      raw.close();
    }
  });
});

describe('tenancy', () => {
  it("a tenant token on another tenant's gateway → PERMISSION_DENIED", async () => {
    const tenant1 = fixture.tenantClient('tenant1');
    const error = await tenant1.connectMaster
      .getDeviceList({ gatewayID: 'gw3' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GsdkError);
    expect(error).toMatchObject({
      codeName: 'PERMISSION_DENIED',
      rpc: 'ConnectMaster.GetDeviceList',
    });
    await expect(tenant1.connectMaster.disconnect({ deviceIDs: [1301] })).rejects.toMatchObject({
      codeName: 'PERMISSION_DENIED',
    });
  });

  it('the same holds for an admin certificate scoped to tenant2 with LoginAdmin', async () => {
    const tenant2 = fixture.adminClient('tenant2');
    await expect(tenant2.connectMaster.getDeviceList({ gatewayID: 'gw1' })).rejects.toMatchObject({
      codeName: 'PERMISSION_DENIED',
    });
    expect(
      (await tenant2.connectMaster.getDeviceList({ gatewayID: 'gw3' })).deviceInfos.map(
        (d) => d.deviceID,
      ),
    ).toEqual([1301]);
  });

  it('an unknown gateway → NOT_FOUND', async () => {
    await expect(
      fixture.tenantClient('tenant1').connectMaster.getDeviceList({ gatewayID: 'gw404' }),
    ).rejects.toMatchObject({
      codeName: 'NOT_FOUND',
    });
  });
});
