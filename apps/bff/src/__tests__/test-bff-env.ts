// The environment of a test BFF against a simulator, in one place for the in-process harness and for
// the tests that start the BFF as a process of its own (built bundle, scale tests).
import path from 'node:path';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };
export const VIEWER = { username: 'viewer1', password: 'viewer-password-1', tenantID: 'tenant1' };

/**
 * The environment of a test BFF against a simulator (its port and certificate directory), with its
 * data in `dir` and the harness's admin; `extra` adds or overrides settings.
 */
export function testBffEnv(
  sim: { port: number; certDir: string },
  dir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    CMC_MODE: 'test',
    MASTER_PORT: String(sim.port),
    MASTER_CA_FILE: path.join(sim.certDir, 'ca.crt'),
    ADMIN_CERT_FILE: path.join(sim.certDir, 'admin.crt'),
    ADMIN_KEY_FILE: path.join(sim.certDir, 'admin_key.pem'),
    DATA_DIR: path.join(dir, 'data'),
    WEB_DIST_DIR: path.join(dir, 'web'),
    CONSOLE_ADMIN_USER: ADMIN.username,
    CONSOLE_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}
