// Test-only certificates made with the openssl CLI (a CA, a client cert signed by it, a foreign key).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCerts {
  dir: string;
  ca: string;
  cert: string;
  key: string;
  otherKey: string;
  /** Signed by the CA for the same key as `cert`, valid only in January 2020. */
  expiredCert: string;
}

export function makeTestCerts(): TestCerts {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-certs-'));
  const p = (f: string) => path.join(dir, f);
  const run = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    p('ca_key.pem'),
    '-out',
    p('ca.crt'),
    '-days',
    '30',
    '-subj',
    '/CN=test-ca',
  );
  run(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    p('admin_key.pem'),
    '-out',
    p('admin.csr'),
    '-subj',
    '/CN=administrator',
  );
  run(
    'x509',
    '-req',
    '-in',
    p('admin.csr'),
    '-CA',
    p('ca.crt'),
    '-CAkey',
    p('ca_key.pem'),
    '-CAcreateserial',
    '-out',
    p('admin.crt'),
    '-days',
    '30',
  );
  run(
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    p('other_key.pem'),
  );
  // `openssl ca` is the only CLI path to explicit validity dates on OpenSSL 3.0.
  fs.writeFileSync(p('index.txt'), '');
  fs.writeFileSync(p('serial'), '1000\n');
  fs.writeFileSync(
    p('ca.cnf'),
    [
      `[ca]`,
      `default_ca = d`,
      `[d]`,
      `database = ${p('index.txt')}`,
      `new_certs_dir = ${dir}`,
      `serial = ${p('serial')}`,
      `default_md = sha256`,
      `policy = any`,
      `[any]`,
      `commonName = supplied`,
    ].join('\n'),
  );
  run(
    'ca',
    '-batch',
    '-config',
    p('ca.cnf'),
    '-cert',
    p('ca.crt'),
    '-keyfile',
    p('ca_key.pem'),
    '-in',
    p('admin.csr'),
    '-out',
    p('expired.crt'),
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200201000000Z',
    '-notext',
  );
  return {
    dir,
    ca: p('ca.crt'),
    cert: p('admin.crt'),
    key: p('admin_key.pem'),
    otherKey: p('other_key.pem'),
    expiredCert: p('expired.crt'),
  };
}
