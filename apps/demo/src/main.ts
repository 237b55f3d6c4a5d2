// The demo's composition root: the simulator embedded (its certificates in <repo>/.data/certs) and
// the BFF wired to them. It lives apart from both apps so neither depends on the other.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AccountExistsError,
  createAccountStore,
  failStart,
  hashPassword,
  loadConfig,
  readEnv,
  startBff,
  urlOf,
} from '@cmc/bff';
import { startSimulator } from '@cmc/master-sim';
import { demoEnvSource } from './env.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Demo only: the admin password is kept in DATA_DIR so every demo start can print it. */
function demoAdminPassword(dataDir: string): string {
  const file = path.join(dataDir, 'demo-admin-password');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const password = randomBytes(9).toString('base64url');
    fs.writeFileSync(file, password, { mode: 0o600 });
    return password;
  }
}

const DEMO_VIEWER = { username: 'viewer1', password: 'viewer1-demo', tenantID: 'tenant1' };

try {
  const certDir = path.join(REPO_ROOT, '.data', 'certs');
  const sim = await startSimulator({
    certDir,
    port: 4010,
    controlPort: 4011,
    reconnectDelayMs: 3000,
  });
  const source = demoEnvSource();
  const dataDir = readEnv({ ...source, CMC_MODE: 'demo' }).DATA_DIR;
  const env = readEnv({
    ...source,
    CONSOLE_ADMIN_PASSWORD: source.CONSOLE_ADMIN_PASSWORD || demoAdminPassword(dataDir),
    CMC_MODE: 'demo',
    MASTER_IP: '127.0.0.1',
    MASTER_PORT: String(sim.port),
    // The simulator's server certificate names localhost; verifying that name keeps Node from
    // warning about an IP address used as the TLS server name.
    MASTER_SERVER_NAME: 'localhost',
    MASTER_CA_FILE: path.join(sim.certDir, 'ca.crt'),
    ADMIN_CERT_FILE: path.join(sim.certDir, 'admin.crt'),
    ADMIN_KEY_FILE: path.join(sim.certDir, 'admin_key.pem'),
  });
  const config = loadConfig(env);
  const bff = await startBff(config);
  bff.onShutdown(() => sim.stop());

  // The tenant viewer of the demo; its password is public, so demo mode only.
  const accounts = createAccountStore(bff.db);
  try {
    accounts.create({
      username: DEMO_VIEWER.username,
      role: 'tenant',
      tenantID: DEMO_VIEWER.tenantID,
      passwordHash: await hashPassword(DEMO_VIEWER.password),
    });
  } catch (error) {
    if (!(error instanceof AccountExistsError)) throw error;
  }

  const adminPassword = config.adminPassword;
  const webBuilt = fs.existsSync(path.join(config.webDistDir, 'index.html'));
  process.stdout.write(
    [
      '',
      `Connect Master Console demo: ${urlOf(config, bff)}`,
      `  admin:   ${config.adminUser} / ${adminPassword ?? ''}`,
      `  viewer:  ${DEMO_VIEWER.username} / ${DEMO_VIEWER.password}  (tenant ${DEMO_VIEWER.tenantID}, read-only)`,
      `  simulator: gRPC ${sim.address}, control ${sim.controlUrl}`,
      webBuilt ? '' : '  (web app not built: run pnpm -F @cmc/web build)',
      '',
    ].join('\n'),
  );
} catch (error) {
  failStart(error);
}
