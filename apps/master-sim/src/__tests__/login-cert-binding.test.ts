import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../start-simulator.ts';
import { clients, rpc, startTestSim, tempDir, type Clients } from './harness.ts';

// A real master binds Login/LoginAdmin to the TLS session: the PEM in the request must be the
// certificate the client presented in the handshake. Otherwise anyone holding a copy of another
// tenant's (public) certificate — or of the admin certificate — could log in as its owner.
describe('Login and LoginAdmin check the request certificate against the TLS peer certificate', () => {
  const dir = tempDir();
  let sim: Simulator;
  let asAdmin: Clients;
  let asTenant1: Clients;

  beforeAll(async () => {
    sim = await startTestSim(dir.path);
    asAdmin = clients(sim);
    asTenant1 = clients(sim, sim.certs.tenants.tenant1!);
  });
  afterAll(async () => {
    asAdmin.close();
    asTenant1.close();
    await sim.stop();
    dir.remove();
  });

  it('Login with the certificate presented in the handshake succeeds', async () => {
    const res = await rpc<{ jwtToken: string }>(asTenant1.login, 'Login', {
      tenantCert: sim.certs.tenants.tenant1!.cert,
    });
    expect(res.jwtToken.split('.')).toHaveLength(3);
  });

  it('the same certificate in another PEM layout (CRLF, no trailing newline) still matches', async () => {
    const pem = sim.certs.tenants.tenant1!.cert.trim().replace(/\n/g, '\r\n');
    const res = await rpc<{ jwtToken: string }>(asTenant1.login, 'Login', { tenantCert: pem });
    expect(res.jwtToken).toBeTruthy();
  });

  it("Login with another tenant's certificate is refused as UNAUTHENTICATED", async () => {
    await expect(
      rpc(asTenant1.login, 'Login', { tenantCert: sim.certs.tenants.tenant2!.cert }),
    ).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringMatching(
        /tenantCert.*not the certificate presented in the TLS handshake/,
      ),
    });
  });

  it('Login over an admin TLS session with a tenant certificate is refused', async () => {
    await expect(
      rpc(asAdmin.login, 'Login', { tenantCert: sim.certs.tenants.tenant1!.cert }),
    ).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringContaining('TLS handshake'),
    });
  });

  it('LoginAdmin with a copy of the admin certificate over a tenant TLS session is refused', async () => {
    await expect(
      rpc(asTenant1.login, 'LoginAdmin', {
        adminTenantCert: sim.certs.adminCert,
        tenantID: 'administrator',
      }),
    ).rejects.toMatchObject({
      code: status.UNAUTHENTICATED,
      details: expect.stringMatching(
        /adminTenantCert.*not the certificate presented in the TLS handshake/,
      ),
    });
  });

  it('LoginAdmin with the admin certificate over the admin TLS session succeeds', async () => {
    const res = await rpc<{ jwtToken: string }>(asAdmin.login, 'LoginAdmin', {
      adminTenantCert: sim.certs.adminCert,
      tenantID: 'tenant1',
    });
    expect(res.jwtToken).toBeTruthy();
  });
});
