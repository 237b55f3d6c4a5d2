import forge from 'node-forge';
import { issueLeaf, type IssuedPair, type Subject } from './issue-certificate.ts';

export type CertOwnerKind = 'tenant' | 'gateway';

export interface CertRecord {
  kind: CertOwnerKind;
  ownerID: string;
  subject: Required<Subject>;
  /** Decimal, as the int64 `serialNO` of the G-SDK certificate RPCs. */
  serialNO: string;
  issueDate: number;
  expiryDate: number;
  blacklisted: boolean;
}

function recordOf(kind: CertOwnerKind, ownerID: string, pem: string): CertRecord {
  const cert = forge.pki.certificateFromPem(pem);
  const field = (name: string): string => String(cert.subject.getField(name)?.value ?? '');
  return {
    kind,
    ownerID,
    subject: {
      commonName: field('CN'),
      organization: field('O'),
      organizationUnit: field('OU'),
      country: field('C'),
      province: field('ST'),
      city: field('L'),
    },
    serialNO: BigInt(`0x${cert.serialNumber}`).toString(),
    issueDate: Math.floor(cert.validity.notBefore.getTime() / 1000),
    expiryDate: Math.floor(cert.validity.notAfter.getTime() / 1000),
    blacklisted: false,
  };
}

/** Certificates the master issued (issuance history) and the serials it refuses (blacklist). */
export class CertRegistry {
  private readonly records: CertRecord[] = [];

  constructor(private readonly ca: IssuedPair) {}

  /** Records a certificate issued elsewhere (the ones ensureCertificates wrote at start-up). */
  record(kind: CertOwnerKind, ownerID: string, pem: string): void {
    this.records.push(recordOf(kind, ownerID, pem));
  }

  issue(
    kind: CertOwnerKind,
    ownerID: string,
    subject: Partial<Subject>,
    years: number,
  ): IssuedPair {
    // The identity is the common name: whatever the caller asks for, CN = the tenant / gateway ID.
    const pair = issueLeaf(this.ca, { subject: { ...subject, commonName: ownerID }, years });
    this.records.push(recordOf(kind, ownerID, pair.cert));
    return { cert: pair.cert, key: pair.key };
  }

  history(kind: CertOwnerKind, ownerIDs: readonly string[]): CertRecord[] {
    const wanted = new Set(ownerIDs);
    return this.records.filter(
      (r) => r.kind === kind && (wanted.size === 0 || wanted.has(r.ownerID)),
    );
  }

  /** Sets the flag on every listed serial, or on none if any is unknown (returned). */
  setBlacklisted(
    kind: CertOwnerKind,
    ownerID: string,
    serials: readonly string[],
    blacklisted: boolean,
  ): string[] {
    const found = serials.map((serial) =>
      this.records.find((r) => r.kind === kind && r.ownerID === ownerID && r.serialNO === serial),
    );
    const missing = serials.filter((_, i) => !found[i]);
    if (missing.length === 0) for (const rec of found) rec!.blacklisted = blacklisted;
    return missing;
  }

  isBlacklisted(serialHex: string): boolean {
    const serial = BigInt(`0x${serialHex}`).toString();
    return this.records.some((r) => r.serialNO === serial && r.blacklisted);
  }
}
