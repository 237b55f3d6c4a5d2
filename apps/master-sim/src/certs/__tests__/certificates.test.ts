import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { clients, rpc, startTestSim, tempDir } from '../../__tests__/harness.ts';
import { ensureCertificates } from '../ensure-certificates.ts';
import { issueRootCA, issueLeaf } from '../issue-certificate.ts';

describe('ensureCertificates', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('generates the G-SDK files on first call: CA, server with SANs, admin and per-tenant certs, keys 0600', () => {
    const set = ensureCertificates(dir.path, ['tenant1', 'tenant2']);
    expect(set.generated.sort()).toEqual(
      [
        'admin.crt',
        'admin_key.pem',
        'ca.crt',
        'ca_key.pem',
        'server.crt',
        'server_key.pem',
        'tenant1.crt',
        'tenant1_key.pem',
        'tenant2.crt',
        'tenant2_key.pem',
      ].sort(),
    );
    for (const key of ['ca_key.pem', 'server_key.pem', 'admin_key.pem', 'tenant1_key.pem'])
      expect(statSync(join(dir.path, key)).mode & 0o777).toBe(0o600);

    const ca = forge.pki.certificateFromPem(set.caCert);
    const years = (c: forge.pki.Certificate) =>
      (c.validity.notAfter.getTime() - c.validity.notBefore.getTime()) / (365.25 * 86400_000);
    expect(Math.round(years(ca))).toBe(10);
    const server = forge.pki.certificateFromPem(set.serverCert);
    expect(ca.verify(server)).toBe(true);
    expect(Math.round(years(server))).toBe(5);
    const san = server.getExtension('subjectAltName') as {
      altNames: { type: number; value?: string; ip?: string }[];
    };
    expect(san.altNames.map((n) => n.ip ?? n.value)).toEqual(
      expect.arrayContaining(['localhost', '127.0.0.1']),
    );
    expect(san.altNames.filter((n) => n.type === 7).map((n) => n.ip)).toEqual(['127.0.0.1', '::1']);
    expect(forge.pki.certificateFromPem(set.adminCert).subject.getField('CN').value).toBe(
      'administrator',
    );
    expect(
      forge.pki.certificateFromPem(set.tenants.tenant2!.cert).subject.getField('CN').value,
    ).toBe('tenant2');
  });

  it('reuses existing files and generates only what is missing (a tenant added to the scenario)', () => {
    const before = readFileSync(join(dir.path, 'ca.crt'), 'utf8');
    const again = ensureCertificates(dir.path, ['tenant1', 'tenant2']);
    expect(again.generated).toEqual([]);
    const more = ensureCertificates(dir.path, ['tenant1', 'tenant2', 'tenant3']);
    expect(more.generated).toEqual(['tenant3.crt', 'tenant3_key.pem']);
    expect(readFileSync(join(dir.path, 'ca.crt'), 'utf8')).toBe(before);
  });

  it('replaces a leaf not signed by the CA, and a missing CA regenerates everything', () => {
    const foreign = issueLeaf(issueRootCA('Other CA'), {
      subject: { commonName: 'tenant1' },
      years: 1,
    });
    writeFileSync(join(dir.path, 'tenant1.crt'), foreign.cert);
    writeFileSync(join(dir.path, 'tenant1_key.pem'), foreign.key);
    expect(ensureCertificates(dir.path, ['tenant1']).generated).toEqual([
      'tenant1.crt',
      'tenant1_key.pem',
    ]);
    rmSync(join(dir.path, 'ca.crt'));
    expect(ensureCertificates(dir.path, ['tenant1']).generated).toHaveLength(8);
  });

  it('refuses a tenant ID that cannot be a file name', () => {
    expect(() => ensureCertificates(dir.path, ['../evil'])).toThrow(
      /cannot be used as a certificate file name/,
    );
  });
});

describe('mutual TLS handshake', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('refuses a client without a certificate and one whose certificate another CA signed', async () => {
    const sim = await startTestSim(dir.path);
    try {
      const good = clients(sim, sim.certs.tenants.tenant1!);
      await expect(
        rpc(good.login, 'Login', { tenantCert: sim.certs.tenants.tenant1!.cert }),
      ).resolves.toHaveProperty('jwtToken');
      good.close();

      const other = issueRootCA('Some other CA');
      const foreign = issueLeaf(other, { subject: { commonName: 'tenant1' }, years: 1 });
      const { loadGsdk } = await import('@cmc/protos');
      const { credentials } = await import('@grpc/grpc-js');
      const { grpc } = loadGsdk();
      const opts = { 'grpc.ssl_target_name_override': 'localhost' };
      const noCert = new grpc.gsdk.login.Login(
        sim.address,
        credentials.createSsl(Buffer.from(sim.certs.caCert)),
        opts,
      );
      await expect(
        rpc(noCert, 'Login', { tenantCert: sim.certs.tenants.tenant1!.cert }, undefined, 3000),
      ).rejects.toMatchObject({
        code: status.UNAVAILABLE,
      });
      noCert.close();
      const wrongCA = new grpc.gsdk.login.Login(
        sim.address,
        credentials.createSsl(
          Buffer.from(sim.certs.caCert),
          Buffer.from(foreign.key),
          Buffer.from(foreign.cert),
        ),
        opts,
      );
      await expect(
        rpc(wrongCA, 'Login', { tenantCert: sim.certs.tenants.tenant1!.cert }, undefined, 3000),
      ).rejects.toMatchObject({
        code: status.UNAVAILABLE,
      });
      wrongCA.close();

      // Login itself also checks the PEM it is handed: a foreign-CA cert is refused.
      const c = clients(sim);
      await expect(rpc(c.login, 'Login', { tenantCert: foreign.cert })).rejects.toMatchObject({
        code: status.UNAUTHENTICATED,
        details: expect.stringContaining('not signed'),
      });
      c.close();
    } finally {
      await sim.stop();
    }
  });
});
