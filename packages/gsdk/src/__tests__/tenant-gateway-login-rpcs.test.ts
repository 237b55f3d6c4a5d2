import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGsdkClient } from '../client.ts';
import type { GsdkClient } from '../types.ts';
import { rawClient, rawUnary } from './helpers/raw-client.ts';
import { startFixture, type SimFixture } from './helpers/sim-fixture.ts';

// Tenant, Gateway and Login services through the client over mutual TLS.
let fixture: SimFixture;
let admin: GsdkClient;

beforeAll(async () => {
  fixture = await startFixture();
  admin = fixture.adminClient('administrator');
});
afterAll(async () => {
  await fixture?.stop();
});

const subject = (commonName: string) => ({
  country: 'KR',
  province: '',
  city: 'Seongnam',
  organization: 'CMC tests',
  organizationUnit: '',
  commonName,
});

describe('Tenant service (admin token)', () => {
  it('GetList and Get show the scenario tenants and their gateways', async () => {
    const { tenantIDs } = await admin.tenant.getList({});
    expect(tenantIDs).toEqual(expect.arrayContaining(['administrator', 'tenant1', 'tenant2']));
    const { tenantInfos } = await admin.tenant.get({ tenantIDs: ['tenant1'] });
    expect(tenantInfos).toHaveLength(1);
    expect([...tenantInfos[0]!.gatewayIDs].sort()).toEqual(['gw1', 'gw2']);
  });

  it('Add, AddGateway, DeleteGateway and Delete manage a tenant', async () => {
    await admin.gateway.add({ gatewayIDs: ['gw8', 'gw9'] });
    await admin.tenant.add({ tenantInfos: [{ tenantID: 'tenant9', gatewayIDs: ['gw8'] }] });
    expect((await admin.tenant.getList({})).tenantIDs).toContain('tenant9');
    await admin.tenant.addGateway({ tenantID: 'tenant9', gatewayIDs: ['gw9'] });
    expect(
      [...(await admin.tenant.get({ tenantIDs: ['tenant9'] })).tenantInfos[0]!.gatewayIDs].sort(),
    ).toEqual(['gw8', 'gw9']);
    await admin.tenant.deleteGateway({ tenantID: 'tenant9', gatewayIDs: ['gw8'] });
    expect((await admin.tenant.get({ tenantIDs: ['tenant9'] })).tenantInfos[0]!.gatewayIDs).toEqual(
      ['gw9'],
    );
    await admin.tenant.delete({ tenantIDs: ['tenant9'] });
    expect((await admin.tenant.getList({})).tenantIDs).not.toContain('tenant9');
  });

  it('the administrator tenant cannot be deleted', async () => {
    await expect(admin.tenant.delete({ tenantIDs: ['administrator'] })).rejects.toMatchObject({
      name: 'GsdkError',
      rpc: 'Tenant.Delete',
    });
    expect((await admin.tenant.getList({})).tenantIDs).toContain('administrator');
  });

  it('CreateCertificate issues a tenant certificate that can log in', async () => {
    await admin.tenant.add({ tenantInfos: [{ tenantID: 'tenant7', gatewayIDs: [] }] });
    const issued = await admin.tenant.createCertificate({
      tenantID: 'tenant7',
      subject: subject('tenant7'),
      expireAfterYears: 1,
    });
    const certificate = new X509Certificate(issued.tenantCert);
    expect(certificate.subject).toContain('CN=tenant7');
    expect(certificate.checkIssued(new X509Certificate(fixture.sim.certs.caCert))).toBe(true);
    const tenant7 = createGsdkClient({
      address: fixture.sim.address,
      caCert: fixture.sim.certs.caCert,
      clientCert: issued.tenantCert,
      clientKey: issued.tenantKey,
      login: { kind: 'tenant' },
    });
    try {
      expect((await tenant7.gateway.getList({})).gatewayIDs).toEqual([]);
    } finally {
      tenant7.close();
    }
  });

  it('GetIssuanceHistory and the certificate blacklist', async () => {
    const { certInfos } = await admin.tenant.getIssuanceHistory({ tenantIDs: ['tenant7'] });
    expect(certInfos.length).toBeGreaterThan(0);
    const issued = certInfos[0]!;
    expect(issued).toMatchObject({ tenantID: 'tenant7', blacklisted: false });
    expect(issued.subject?.commonName).toBe('tenant7');
    expect(Number(issued.expiryDate)).toBeGreaterThan(Number(issued.issueDate));
    await admin.tenant.addCertificateBlacklist({
      tenantID: 'tenant7',
      serialNOs: [issued.serialNO],
    });
    const listed = await admin.tenant.getCertificateBlacklist({ tenantIDs: ['tenant7'] });
    expect(listed.certInfos.map((c) => c.serialNO)).toContain(issued.serialNO);
    await admin.tenant.deleteCertificateBlacklist({
      tenantID: 'tenant7',
      serialNOs: [issued.serialNO],
    });
    const cleared = await admin.tenant.getCertificateBlacklist({ tenantIDs: ['tenant7'] });
    expect(cleared.certInfos.map((c) => c.serialNO)).not.toContain(issued.serialNO);
  });

  it('a tenant token cannot use the Tenant API', async () => {
    const tenant1 = fixture.tenantClient('tenant1');
    await expect(tenant1.tenant.getList({})).rejects.toMatchObject({
      codeName: 'PERMISSION_DENIED',
      rpc: 'Tenant.GetList',
    });
  });
});

describe('Gateway service', () => {
  it('GetList and Get with the admin token see every gateway', async () => {
    const { gatewayIDs } = await admin.gateway.getList({});
    expect(gatewayIDs).toEqual(expect.arrayContaining(['gw1', 'gw2', 'gw3']));
    const { gatewayInfos } = await admin.gateway.get({ gatewayIDs: ['gw1'] });
    expect(gatewayInfos[0]).toMatchObject({ gatewayID: 'gw1', isConnected: true });
    expect(gatewayInfos[0]!.deviceIDs).toEqual(expect.arrayContaining([1101, 1102]));
  });

  it('GetList with a tenant token sees only that tenant’s gateways', async () => {
    const tenant2 = fixture.tenantClient('tenant2');
    expect((await tenant2.gateway.getList({})).gatewayIDs).toEqual(['gw3']);
  });

  it('Add and Delete', async () => {
    await admin.gateway.add({ gatewayIDs: ['gw5'] });
    expect((await admin.gateway.getList({})).gatewayIDs).toContain('gw5');
    await admin.gateway.delete({ gatewayIDs: ['gw5'] });
    expect((await admin.gateway.getList({})).gatewayIDs).not.toContain('gw5');
  });

  it('CreateCertificate, GetIssuanceHistory and the blacklist', async () => {
    await admin.gateway.add({ gatewayIDs: ['gw6'] });
    const issued = await admin.gateway.createCertificate({
      gatewayID: 'gw6',
      subject: subject('gw6'),
      expireAfterYears: 2,
    });
    expect(new X509Certificate(issued.gatewayCert).subject).toContain('CN=gw6');
    expect(issued.gatewayKey).toMatch(/-----BEGIN (RSA |EC )?PRIVATE KEY-----/);
    const { certInfos } = await admin.gateway.getIssuanceHistory({ gatewayIDs: ['gw6'] });
    const info = certInfos.find((c) => c.gatewayID === 'gw6');
    expect(info).toBeDefined();
    await admin.gateway.addCertificateBlacklist({ gatewayID: 'gw6', serialNOs: [info!.serialNO] });
    expect(
      (await admin.gateway.getCertificateBlacklist({ gatewayIDs: ['gw6'] })).certInfos.map(
        (c) => c.serialNO,
      ),
    ).toContain(info!.serialNO);
    await admin.gateway.deleteCertificateBlacklist({
      gatewayID: 'gw6',
      serialNOs: [info!.serialNO],
    });
    expect(
      (await admin.gateway.getCertificateBlacklist({ gatewayIDs: ['gw6'] })).certInfos,
    ).toEqual([]);
  });
});

describe('Login service', () => {
  it('Login (tenant certificate) and LoginAdmin both return a JWT', async () => {
    const tenantToken = await fixture.tenantClient('tenant1').login();
    const adminToken = await fixture.adminClient('tenant1').login();
    for (const token of [tenantToken, adminToken]) expect(token.split('.')).toHaveLength(3);
  });

  it('Logout ends the session: the old token is refused, the client logs in again on its next call', async () => {
    const logins: string[] = [];
    const client = fixture.adminClient('tenant1', { onLogin: ({ reason }) => logins.push(reason) });
    const token = await client.login();
    await client.logout();
    const raw = rawClient(fixture.sim, 'ConnectMaster');
    try {
      await expect(
        rawUnary(raw, 'GetDeviceList', { gatewayID: 'gw1' }, { token }),
      ).rejects.toMatchObject({ code: 16 });
    } finally {
      raw.close();
    }
    expect(
      (await client.connectMaster.getDeviceList({ gatewayID: 'gw1' })).deviceInfos.length,
    ).toBeGreaterThan(0);
    expect(logins).toEqual(['explicit', 'first-call']);
  });

  it('LoginAdmin with the admin certificate for an unknown tenant is refused', async () => {
    const client = fixture.adminClient('no-such-tenant');
    const error = await client.login().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GsdkError', rpc: 'Login.LoginAdmin' });
  });
});
