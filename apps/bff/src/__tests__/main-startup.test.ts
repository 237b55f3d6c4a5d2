// Spawns main.ts with bad settings: the process must stop with exit 1 and ONE line naming the setting.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCerts } from './test-certs.ts';

const mainFile = fileURLToPath(new URL('../main.ts', import.meta.url));
const certs = makeTestCerts();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-main-'));
afterAll(() => {
  fs.rmSync(certs.dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const good = {
  MASTER_CA_FILE: certs.ca,
  ADMIN_CERT_FILE: certs.cert,
  ADMIN_KEY_FILE: certs.key,
  DATA_DIR: dataDir,
  SESSION_SECRET: 'y'.repeat(40),
  LOG_LEVEL: 'silent',
};

function start(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', mainFile], {
    // tsx resolves from the package folder, whatever directory the tests run from.
    cwd: path.dirname(path.dirname(mainFile)),
    env: { PATH, HOME, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, lines: result.stderr.trim().split('\n').filter(Boolean) };
}

describe('main.ts start-up errors', () => {
  it.each([
    [
      'an unreadable CA file',
      { MASTER_CA_FILE: path.join(certs.dir, 'missing.crt') },
      /^Invalid setting MASTER_CA_FILE: cannot read .*missing\.crt \(ENOENT\)$/,
    ],
    [
      'a key not matching the certificate',
      { ADMIN_KEY_FILE: certs.otherKey },
      /^Invalid setting ADMIN_KEY_FILE: .* does not match/,
    ],
    [
      'an expired admin certificate',
      { ADMIN_CERT_FILE: certs.expiredCert },
      /^Invalid setting ADMIN_CERT_FILE: certificate .*expired\.crt expired on Feb {2}1 00:00:00 2020 GMT$/,
    ],
    ['a bad port', { PORT: 'eighty' }, /^Invalid setting PORT: must be a port number/],
    [
      'a missing session secret',
      { SESSION_SECRET: '' },
      /^Invalid setting SESSION_SECRET: is required/,
    ],
    [
      'a missing admin certificate setting',
      { ADMIN_CERT_FILE: '' },
      /^Invalid setting ADMIN_CERT_FILE: is required/,
    ],
  ])('stops on %s with one line naming it', (_name, override, expected) => {
    const { code, lines } = start({ ...good, ...override });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });
});

describe('main.ts when the port is taken', () => {
  it('stops with one line naming PORT', async () => {
    const net = await import('node:net');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      // MASTER_PORT 1: nothing listens there; start-up must not need the master to report the port.
      const { code, lines } = start({
        ...good,
        PORT: String(port),
        MASTER_PORT: '1',
        DATA_DIR: path.join(dataDir, 'port-taken'),
      });
      expect(code).toBe(1);
      expect(lines).toEqual([`Invalid setting PORT: 127.0.0.1:${port} is already in use`]);
    } finally {
      blocker.close();
    }
  });
});

describe('main.ts against a running simulator', () => {
  it('starts, serves, and exits 0 on SIGTERM after draining', async () => {
    const { startTestSimulator } = await import('@cmc/master-sim/testing');
    const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-main-sim-'));
    const sim = await startTestSimulator({ certDir: simDir, port: 0, controlPort: 0 });
    try {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
        cwd: path.dirname(path.dirname(mainFile)),
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          MASTER_PORT: String(sim.port),
          MASTER_CA_FILE: path.join(simDir, 'ca.crt'),
          ADMIN_CERT_FILE: path.join(simDir, 'admin.crt'),
          ADMIN_KEY_FILE: path.join(simDir, 'admin_key.pem'),
          DATA_DIR: path.join(simDir, 'data'),
          SESSION_SECRET: 'z'.repeat(40),
          PORT: '0',
        },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 15_000);
        child.stdout.on('data', () => {
          const m = /^(?=[^\n]*"msg":"listening")[^\n]*"url":"(http:\/\/127\.0\.0\.1:\d+)"/m.exec(
            out,
          );
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      // First start without CONSOLE_ADMIN_PASSWORD: the generated password is printed once.
      const password = /created admin "admin" with password (\S+) /.exec(out)?.[1];
      expect(password).toBeTruthy();
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const exit = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(out).toMatch(/"msg":"shut down"/);
    } finally {
      await sim.stop();
      fs.rmSync(simDir, { recursive: true, force: true });
    }
  });
});
