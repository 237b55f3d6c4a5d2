import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { adminToken, clients, rpc, tenantToken } from './harness.ts';
import { useFixture } from './sim-fixture.ts';

describe('Tenant and Gateway APIs', () => {
  const f = useFixture({ reconnectDelayMs: 60_000 });

  it('Tenant API: list, get, add with gateways, move gateways, delete (never administrator)', async () => {
    const admin = await adminToken(f.c, f.sim);
    await rpc(f.c.gateway, 'Add', { gatewayIDs: ['gw-new'] }, admin);
    await rpc(
      f.c.tenant,
      'Add',
      { tenantInfos: [{ tenantID: 'tenant3', gatewayIDs: ['gw-new'] }] },
      admin,
    );
    const got = await rpc<{ tenantInfos: { tenantID: string; gatewayIDs: string[] }[] }>(
      f.c.tenant,
      'Get',
      { tenantIDs: ['tenant1', 'tenant3'] },
      admin,
    );
    expect(got.tenantInfos).toEqual([
      { tenantID: 'tenant1', gatewayIDs: ['gw1', 'gw-off'] },
      { tenantID: 'tenant3', gatewayIDs: ['gw-new'] },
    ]);
    await expect(
      rpc(f.c.tenant, 'Add', { tenantInfos: [{ tenantID: 'tenant3' }] }, admin),
    ).rejects.toMatchObject({ code: status.ALREADY_EXISTS });
    await expect(
      rpc(f.c.tenant, 'AddGateway', { tenantID: 'tenant3', gatewayIDs: ['gw1'] }, admin),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('tenant1'),
    });
    await rpc(f.c.tenant, 'DeleteGateway', { tenantID: 'tenant1', gatewayIDs: ['gw-off'] }, admin);
    await rpc(f.c.tenant, 'AddGateway', { tenantID: 'tenant3', gatewayIDs: ['gw-off'] }, admin);
    await expect(
      rpc(f.c.tenant, 'Delete', { tenantIDs: ['administrator'] }, admin),
    ).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      details: expect.stringContaining('administrator'),
    });
    await rpc(f.c.tenant, 'Delete', { tenantIDs: ['tenant3'] }, admin);
    expect(
      (await rpc<{ tenantIDs: string[] }>(f.c.tenant, 'GetList', {}, admin)).tenantIDs,
    ).not.toContain('tenant3');
    await expect(rpc(f.c.tenant, 'Get', { tenantIDs: ['tenant3'] }, admin)).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('moving a gateway to another tenant moves ConnectMaster access with it', async () => {
    const admin = await adminToken(f.c, f.sim);
    const t2 = await tenantToken(f.c, f.sim, 'tenant2');
    await expect(rpc(f.c.cm, 'GetDeviceList', { gatewayID: 'gw1' }, t2)).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await rpc(f.c.tenant, 'DeleteGateway', { tenantID: 'tenant1', gatewayIDs: ['gw1'] }, admin);
    await rpc(f.c.tenant, 'AddGateway', { tenantID: 'tenant2', gatewayIDs: ['gw1'] }, admin);
    await expect(rpc(f.c.cm, 'GetDeviceList', { gatewayID: 'gw1' }, t2)).resolves.toHaveProperty(
      'deviceInfos',
    );
    await expect(rpc(f.c.cm, 'GetDeviceList', { gatewayID: 'gw1' }, f.token)).rejects.toMatchObject(
      { code: status.PERMISSION_DENIED },
    );
  });

  it('Gateway API: Get shows managed device IDs and connection; tenants see only theirs; Add/Delete need the administrator', async () => {
    const got = await rpc<{
      gatewayInfos: { gatewayID: string; isConnected: boolean; deviceIDs: number[] }[];
    }>(f.c.gateway, 'Get', { gatewayIDs: ['gw1', 'gw-off'] }, f.token);
    expect(got.gatewayInfos[0]).toMatchObject({ gatewayID: 'gw1', isConnected: true });
    expect(got.gatewayInfos[0]!.deviceIDs.sort()).toEqual([104, 105, 106, 108]);
    expect(got.gatewayInfos[1]).toEqual({ gatewayID: 'gw-off', isConnected: false, deviceIDs: [] });
    await expect(rpc(f.c.gateway, 'Get', { gatewayIDs: ['gw2'] }, f.token)).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    await expect(rpc(f.c.gateway, 'Get', { gatewayIDs: ['zzz'] }, f.token)).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    await expect(rpc(f.c.gateway, 'Add', { gatewayIDs: ['x'] }, f.token)).rejects.toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    const admin = await adminToken(f.c, f.sim);
    await expect(rpc(f.c.gateway, 'Delete', { gatewayIDs: ['gw1'] }, admin)).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
    });
    await rpc(f.c.gateway, 'Add', { gatewayIDs: ['x'] }, admin);
    await rpc(f.c.gateway, 'Delete', { gatewayIDs: ['x'] }, admin);
    await expect(rpc(f.c.gateway, 'Add', { gatewayIDs: ['gw1'] }, admin)).rejects.toMatchObject({
      code: status.ALREADY_EXISTS,
    });
  });

  it('certificates issued by the Tenant API log in; a blacklisted one is refused', async () => {
    const admin = await adminToken(f.c, f.sim);
    await rpc(f.c.tenant, 'Add', { tenantInfos: [{ tenantID: 'tenant9' }] }, admin);
    const issued = await rpc<{ tenantCert: string; tenantKey: string }>(
      f.c.tenant,
      'CreateCertificate',
      {
        tenantID: 'tenant9',
        subject: { organization: 'Acme', commonName: 'ignored' },
        expireAfterYears: 2,
      },
      admin,
    );
    // The new pair works for the TLS handshake and for Login.
    const c9 = clients(f.sim, { cert: issued.tenantCert, key: issued.tenantKey });
    const login = await rpc<{ jwtToken: string }>(c9.login, 'Login', {
      tenantCert: issued.tenantCert,
    });
    expect(login.jwtToken).toBeTruthy();
    const history = await rpc<{
      certInfos: {
        tenantID: string;
        serialNO: string;
        subject: { commonName: string; organization: string };
      }[];
    }>(f.c.tenant, 'GetIssuanceHistory', { tenantIDs: ['tenant9'] }, admin);
    expect(history.certInfos).toHaveLength(1);
    expect(history.certInfos[0]!.subject).toMatchObject({
      commonName: 'tenant9',
      organization: 'Acme',
    });
    await rpc(
      f.c.tenant,
      'AddCertificateBlacklist',
      { tenantID: 'tenant9', serialNOs: [history.certInfos[0]!.serialNO] },
      admin,
    );
    await expect(rpc(c9.login, 'Login', { tenantCert: issued.tenantCert })).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringContaining('blacklisted'),
    });
    const black = await rpc<{ certInfos: unknown[] }>(
      f.c.tenant,
      'GetCertificateBlacklist',
      {},
      admin,
    );
    expect(black.certInfos).toHaveLength(1);
    await rpc(
      f.c.tenant,
      'DeleteCertificateBlacklist',
      { tenantID: 'tenant9', serialNOs: [history.certInfos[0]!.serialNO] },
      admin,
    );
    await expect(rpc(c9.login, 'Login', { tenantCert: issued.tenantCert })).resolves.toHaveProperty(
      'jwtToken',
    );
    await expect(
      rpc(
        f.c.tenant,
        'AddCertificateBlacklist',
        { tenantID: 'tenant9', serialNOs: ['123'] },
        admin,
      ),
    ).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    c9.close();
  });

  it('a deleted tenant’s tokens stop working', async () => {
    const admin = await adminToken(f.c, f.sim);
    const t2 = await tenantToken(f.c, f.sim, 'tenant2');
    await rpc(f.c.tenant, 'Delete', { tenantIDs: ['tenant2'] }, admin);
    await expect(rpc(f.c.gateway, 'GetList', {}, t2)).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
    });
  });
});
