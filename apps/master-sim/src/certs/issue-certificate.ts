import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

const { pki } = forge;

export interface IssuedPair {
  cert: string;
  key: string;
}

export interface Subject {
  commonName: string;
  organization?: string;
  organizationUnit?: string;
  country?: string;
  province?: string;
  city?: string;
}

/** RSA keys from node:crypto (native, fast); node-forge only builds and signs the X.509. */
function newKeyPair(): {
  publicKey: forge.pki.PublicKey;
  privateKey: forge.pki.rsa.PrivateKey;
  keyPem: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const forgeKey = pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return {
    privateKey: forgeKey,
    publicKey: pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
    keyPem: privateKey,
  };
}

function attributes(subject: Subject): forge.pki.CertificateField[] {
  const out: forge.pki.CertificateField[] = [{ name: 'commonName', value: subject.commonName }];
  if (subject.organization) out.push({ name: 'organizationName', value: subject.organization });
  if (subject.organizationUnit) out.push({ shortName: 'OU', value: subject.organizationUnit });
  if (subject.country) out.push({ name: 'countryName', value: subject.country });
  if (subject.province) out.push({ shortName: 'ST', value: subject.province });
  if (subject.city) out.push({ name: 'localityName', value: subject.city });
  return out;
}

/**
 * Positive 63-bit serial as hex: positive in DER (leading byte < 0x80) and it fits the int64
 * `serialNO` of the G-SDK certificate RPCs.
 */
function serialHex(): string {
  const bytes = randomBytes(8);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, years: number): void {
  const now = new Date();
  // Back-date a minute so a freshly issued cert is valid on a machine whose clock is slightly behind.
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  const until = new Date(now);
  until.setFullYear(until.getFullYear() + years);
  cert.validity.notAfter = until;
}

export function issueRootCA(
  commonName = 'Connect Master Simulator Root CA',
  years = 10,
): IssuedPair {
  const keys = newKeyPair();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialHex();
  validity(cert, years);
  const attrs = attributes({ commonName, organization: 'Connect Master Console (simulator)' });
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: pki.certificateToPem(cert), key: keys.keyPem };
}

export interface LeafOptions {
  subject: Subject;
  years: number;
  server?: { dnsNames: string[]; ips: string[] };
}

/** A leaf certificate signed by the CA: a server cert (with SANs) or a client cert. */
export function issueLeaf(ca: IssuedPair, options: LeafOptions): IssuedPair & { serial: string } {
  const caCert = pki.certificateFromPem(ca.cert);
  const caKey = pki.privateKeyFromPem(ca.key);
  const keys = newKeyPair();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialHex();
  validity(cert, options.years);
  cert.setSubject(attributes(options.subject));
  cert.setIssuer(caCert.subject.attributes);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: Boolean(options.server), clientAuth: !options.server },
  ];
  if (options.server) {
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        ...options.server.dnsNames.map((value) => ({ type: 2, value })),
        ...options.server.ips.map((ip) => ({ type: 7, ip })),
      ],
    });
  }
  cert.setExtensions(extensions);
  cert.sign(caKey, forge.md.sha256.create());
  return { cert: pki.certificateToPem(cert), key: keys.keyPem, serial: cert.serialNumber };
}
