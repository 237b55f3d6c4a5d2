// For tests: a simulator started in a fresh certificate directory, as `startSimulator` does, but with
// certificates copied from a set made once per machine instead of generated again. Generating a set
// (13 RSA-2048 keys for a 10-tenant world, each signed in JavaScript) took 1-4 s of CPU per start,
// ~78 s of one `vitest run` on two cores. Only the certificate files are shared: each simulator
// still has its own directory, and tests of certificate generation call `ensureCertificates` on
// their own directories.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from '../certs/ensure-certificates.ts';
import {
  resolveScenario,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../start-simulator.ts';

const CERTS_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'certs');

/** The generator's source, hashed once per process (it does not change while tests run). */
let generatorSource: Buffer[] | undefined;
const generator = (): Buffer[] =>
  (generatorSource ??= ['issue-certificate.ts', 'ensure-certificates.ts'].map((file) =>
    fs.readFileSync(path.join(CERTS_SOURCE, file)),
  ));

/**
 * The kept set for these tenants. Its name hashes the generator's source and the tenant list, so a
 * change to how certificates are made (or a different tenant list) gets a set of its own.
 */
function keptSetDir(tenantIDs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const source of generator()) hash.update(source);
  hash.update(JSON.stringify([...tenantIDs].sort()));
  const user = os.userInfo().uid;
  return path.join(os.tmpdir(), `cmc-test-certs-${user}-${hash.digest('hex').slice(0, 16)}`);
}

/** Makes the kept set once; test processes running side by side each make it, the first rename wins. */
function keptSet(tenantIDs: readonly string[]): string {
  const dir = keptSetDir(tenantIDs);
  if (fs.existsSync(dir)) return dir;
  const staging = fs.mkdtempSync(`${dir}.staging-`);
  ensureCertificates(staging, tenantIDs);
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another process renamed its set first (the target exists and is not empty): use that one.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw error;
  }
  return dir;
}

/**
 * `startSimulator` for tests: certDir is filled from the kept set for the scenario's tenants before
 * the simulator starts (files already in certDir are left as they are), so it finds every
 * certificate it needs and generates none.
 */
export function startTestSimulator(options: SimulatorOptions): Promise<Simulator> {
  if (!options.certDir) throw new Error('certDir is required');
  // A scenario object names its tenants as given (startSimulator validates it; parsing a large
  // world twice would cost seconds); a file or the demo world is resolved as the simulator will.
  const { scenario } = options;
  const tenantIDs =
    typeof scenario === 'object' ? (scenario.tenants ?? []) : resolveScenario(scenario).tenants;
  fs.mkdirSync(options.certDir, { recursive: true });
  fs.cpSync(keptSet(tenantIDs), options.certDir, { recursive: true, force: false });
  return startSimulator(options);
}
