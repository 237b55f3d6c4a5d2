import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { issueLeaf, issueRootCA, type IssuedPair } from './issue-certificate.ts';

export interface CertificateSet {
  certDir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  adminCert: string;
  adminKey: string;
  tenants: Record<string, { cert: string; key: string }>;
  /** File names written by this call (empty when everything was reused). */
  generated: string[];
}

const CA_YEARS = 10;
const LEAF_YEARS = 5;

function readPair(certDir: string, certFile: string, keyFile: string): IssuedPair | undefined {
  const certPath = join(certDir, certFile);
  const keyPath = join(certDir, keyFile);
  if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
  return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
}

function writePair(certDir: string, certFile: string, keyFile: string, pair: IssuedPair): void {
  writeFileSync(join(certDir, certFile), pair.cert, { mode: 0o644 });
  // Private keys are for this user only; chmod as well because `mode` does not apply to an existing file.
  writeFileSync(join(certDir, keyFile), pair.key, { mode: 0o600 });
  chmodSync(join(certDir, keyFile), 0o600);
}

/** A stored leaf is reused only if our CA signed it and the key matches; anything else is replaced. */
function isValidLeaf(ca: forge.pki.Certificate, pair: IssuedPair, commonName: string): boolean {
  try {
    const cert = forge.pki.certificateFromPem(pair.cert);
    const key = forge.pki.privateKeyFromPem(pair.key) as forge.pki.rsa.PrivateKey;
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return (
      ca.verify(cert) &&
      cert.subject.getField('CN')?.value === commonName &&
      pub.n.equals(key.n) &&
      cert.validity.notAfter.getTime() > Date.now()
    );
  } catch {
    return false;
  }
}

const validTenantID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Makes sure certDir holds the G-SDK certificate files: ca.crt/ca_key.pem, server.crt/server_key.pem
 * (SAN localhost, 127.0.0.1, ::1), admin.crt/admin_key.pem (CN administrator) and <tenant>.crt /
 * <tenant>_key.pem per tenant. Existing valid files are reused; only missing ones are generated (a
 * new CA regenerates everything, since the old leaves would no longer verify).
 */
export function ensureCertificates(certDir: string, tenantIDs: readonly string[]): CertificateSet {
  for (const id of tenantIDs) {
    if (!validTenantID.test(id) || id === 'ca' || id === 'server' || id === 'admin')
      throw new Error(`tenant ID ${JSON.stringify(id)} cannot be used as a certificate file name`);
  }
  mkdirSync(certDir, { recursive: true });
  const generated: string[] = [];

  let ca = readPair(certDir, 'ca.crt', 'ca_key.pem');
  let caRenewed = false;
  if (ca) {
    try {
      forge.pki.certificateFromPem(ca.cert);
      forge.pki.privateKeyFromPem(ca.key);
    } catch (err) {
      throw new Error(
        `${join(certDir, 'ca.crt')} or ca_key.pem is unreadable (${(err as Error).message}); delete both to regenerate`,
        {
          cause: err,
        },
      );
    }
  } else {
    ca = issueRootCA('Connect Master Simulator Root CA', CA_YEARS);
    writePair(certDir, 'ca.crt', 'ca_key.pem', ca);
    generated.push('ca.crt', 'ca_key.pem');
    caRenewed = true;
  }
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const root = ca;

  const ensureLeaf = (
    certFile: string,
    keyFile: string,
    commonName: string,
    server: boolean,
  ): IssuedPair => {
    const existing = caRenewed ? undefined : readPair(certDir, certFile, keyFile);
    if (existing && isValidLeaf(caCert, existing, commonName)) return existing;
    const pair = issueLeaf(root, {
      subject: { commonName, organization: 'Connect Master Console (simulator)' },
      years: LEAF_YEARS,
      ...(server ? { server: { dnsNames: ['localhost'], ips: ['127.0.0.1', '::1'] } } : {}),
    });
    writePair(certDir, certFile, keyFile, pair);
    generated.push(certFile, keyFile);
    return pair;
  };

  const server = ensureLeaf('server.crt', 'server_key.pem', 'localhost', true);
  const admin = ensureLeaf('admin.crt', 'admin_key.pem', 'administrator', false);
  const tenants: CertificateSet['tenants'] = {};
  for (const id of tenantIDs) {
    if (id === 'administrator') continue;
    tenants[id] = ensureLeaf(`${id}.crt`, `${id}_key.pem`, id, false);
  }

  return {
    certDir,
    caCert: ca.cert,
    caKey: ca.key,
    serverCert: server.cert,
    serverKey: server.key,
    adminCert: admin.cert,
    adminKey: admin.key,
    tenants,
    generated,
  };
}
