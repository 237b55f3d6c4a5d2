import forge from 'node-forge';

export interface VerifiedCert {
  commonName: string;
  serial: string;
}

/**
 * Checks a PEM client certificate handed to Login/LoginAdmin: parseable, signed by our CA,
 * currently valid. Returns its CN and serial, or a reason it was refused.
 */
export function verifyClientCert(
  caCertPem: string,
  pem: string,
): { ok: true; cert: VerifiedCert } | { ok: false; reason: string } {
  if (!pem.trim()) return { ok: false, reason: 'certificate is empty' };
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromPem(pem);
  } catch {
    return { ok: false, reason: 'certificate is not a PEM X.509 certificate' };
  }
  const ca = forge.pki.certificateFromPem(caCertPem);
  let signed: boolean;
  try {
    signed = ca.verify(cert);
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: "certificate is not signed by this master's root CA" };
  const now = Date.now();
  if (cert.validity.notBefore.getTime() > now || cert.validity.notAfter.getTime() < now)
    return { ok: false, reason: 'certificate is expired or not yet valid' };
  const cn = cert.subject.getField('CN') as { value?: string } | null;
  if (!cn?.value) return { ok: false, reason: 'certificate has no subject common name' };
  return { ok: true, cert: { commonName: cn.value, serial: cert.serialNumber } };
}
