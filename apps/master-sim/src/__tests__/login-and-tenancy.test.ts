import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../start-simulator.ts';
import {
  adminToken,
  clients,
  rpc,
  startTestSim,
  tempDir,
  tenantToken,
  type Clients,
} from './harness.ts';

describe('login, tokens and tenancy', () => {
  const dir = tempDir();
  let sim: Simulator;
  let c: Clients;

  beforeAll(async () => {
    sim = await startTestSim(dir.path, { tokenTtlSeconds: 2 });
    c = clients(sim);
  });
  afterAll(async () => {
    c.close();
    await sim.stop();
    dir.remove();
  });

  /** GetDeviceList with this token fails UNAUTHENTICATED, the reason naming `reason`. */
  const expectRefused = (token: string, reason: string) =>
    expect(rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, token)).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringContaining(reason),
    });

  it('Login with a tenant certificate gives a token scoped to that tenant', async () => {
    const token = await tenantToken(c, sim, 'tenant1');
    const list = await rpc<{ gatewayIDs: string[] }>(c.gateway, 'GetList', {}, token);
    expect(list.gatewayIDs.sort()).toEqual(['gateway1', 'gateway2']);
    const devices = await rpc<{ deviceInfos: { deviceID: number; status: number }[] }>(
      c.cm,
      'GetDeviceList',
      { gatewayID: 'gateway1' },
      token,
    );
    expect(devices.deviceInfos.length).toBeGreaterThan(3);
  });

  it('LoginAdmin for administrator reaches the Tenant API and every gateway', async () => {
    const token = await adminToken(c, sim);
    const tenants = await rpc<{ tenantIDs: string[] }>(c.tenant, 'GetList', {}, token);
    expect(tenants.tenantIDs.sort()).toEqual(['administrator', 'tenant1', 'tenant2']);
    const gws = await rpc<{ gatewayIDs: string[] }>(c.gateway, 'GetList', {}, token);
    expect(gws.gatewayIDs.sort()).toEqual(['gateway1', 'gateway2', 'gateway3']);
    // ConnectMaster with the administrator token reaches only gateways owned by "administrator".
    await expect(
      rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, token),
    ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('LoginAdmin for a tenant is scoped to that tenant and cannot use the Tenant API', async () => {
    const token = await adminToken(c, sim, 'tenant2');
    await expect(
      rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway3' }, token),
    ).resolves.toBeDefined();
    await expect(
      rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, token),
    ).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
      details: expect.stringContaining('gateway1'),
    });
    await expect(rpc(c.tenant, 'GetList', {}, token)).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
  });

  it('unknown gateway → NOT_FOUND; empty gatewayID → INVALID_ARGUMENT naming the field', async () => {
    const token = await tenantToken(c, sim, 'tenant1');
    await expect(rpc(c.cm, 'GetDeviceList', { gatewayID: 'nope' }, token)).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    await expect(rpc(c.cm, 'GetDeviceList', { gatewayID: '' }, token)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('gatewayID'),
    });
  });

  it('missing, garbage, expired and logged-out tokens → UNAUTHENTICATED', async () => {
    await expect(rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' })).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringContaining('token'),
    });
    await expect(
      rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, 'not-a-jwt'),
    ).rejects.toMatchObject({ code: status.UNAUTHENTICATED });

    const token = await tenantToken(c, sim, 'tenant1');
    await rpc(c.login, 'Logout', {}, token);
    await expectRefused(token, 'revoked');

    const shortLived = await tenantToken(c, sim, 'tenant1');
    await new Promise((r) => setTimeout(r, 3100)); // tokenTtlSeconds is 2; JWT exp has one-second resolution
    await expectRefused(shortLived, 'expired');
  });

  it('expireTokens() expires every token issued so far; a new login works again', async () => {
    const before = await tenantToken(c, sim, 'tenant1');
    await rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, before);
    sim.expireTokens();
    await expectRefused(before, 'expired');
    const after = await tenantToken(c, sim, 'tenant1');
    await expect(
      rpc(c.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, after),
    ).resolves.toBeDefined();
  });

  it('a token from a restarted simulator is refused (per-process secret)', async () => {
    const token = await tenantToken(c, sim, 'tenant1');
    const other = await startTestSim(dir.path);
    const c2 = clients(other);
    try {
      await expect(
        rpc(c2.cm, 'GetDeviceList', { gatewayID: 'gateway1' }, token),
      ).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    } finally {
      c2.close();
      await other.stop();
    }
  });

  it('Login refuses the admin cert, a garbage cert, and LoginAdmin refuses a tenant cert or unknown tenant', async () => {
    await expect(rpc(c.login, 'Login', { tenantCert: sim.certs.adminCert })).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await expect(rpc(c.login, 'Login', { tenantCert: 'hello' })).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
    });
    await expect(rpc(c.login, 'Login', { tenantCert: '' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
    });
    // Over tenant1's own TLS session, so the certificate matches the handshake and the role decides.
    const asTenant1 = clients(sim, sim.certs.tenants.tenant1!);
    try {
      await expect(
        rpc(asTenant1.login, 'LoginAdmin', {
          adminTenantCert: sim.certs.tenants.tenant1!.cert,
          tenantID: 'tenant1',
        }),
      ).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    } finally {
      asTenant1.close();
    }
    await expect(
      rpc(c.login, 'LoginAdmin', { adminTenantCert: sim.certs.adminCert, tenantID: 'ghost' }),
    ).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });
});
