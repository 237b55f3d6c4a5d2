import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';

/**
 * Whether the PEM handed to Login/LoginAdmin is the certificate the client presented in the TLS
 * handshake. Compared as DER bytes, so PEM layout (line endings, wrapping, trailing newline) does
 * not matter but any other certificate — even one with the same subject — does.
 */
export function isPeerCertificate(pem: string, peer: PeerCertificate | undefined): boolean {
  if (!peer?.raw || peer.raw.length === 0) return false;
  let der: Buffer;
  try {
    der = new X509Certificate(pem).raw;
  } catch {
    return false;
  }
  return der.equals(peer.raw);
}
