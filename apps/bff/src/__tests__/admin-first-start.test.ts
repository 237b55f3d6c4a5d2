// Issue 14.6: a first start that fails (port taken) must not make the admin account with a password
// nobody saw; the next start then takes CONSOLE_ADMIN_PASSWORD. `reset-admin` (spawned as the
// package script runs it) sets a new password, ends the admin's sessions and clears its lock-outs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCerts } from './test-certs.ts';

const pkgDir = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const certs = makeTestCerts();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-first-start-'));
afterAll(() => {
  fs.rmSync(certs.dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// MASTER_PORT 1: nothing listens there; sign-in and accounts need no master.
const base = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  MASTER_PORT: '1',
  MASTER_CA_FILE: certs.ca,
  ADMIN_CERT_FILE: certs.cert,
  ADMIN_KEY_FILE: certs.key,
  DATA_DIR: dataDir,
  SESSION_SECRET: 'f'.repeat(40),
  LOG_LEVEL: 'info',
};

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: pkgDir,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function admins(): Array<{ id: number; username: string }> {
  const file = path.join(dataDir, 'bff.sqlite');
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT id, username FROM accounts WHERE role = 'admin'").all() as Array<{
      id: number;
      username: string;
    }>;
  } finally {
    db.close();
  }
}

async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: pkgDir,
    env: { ...base, PORT: '0', ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /^(?=[^\n]*"msg":"listening")[^\n]*"url":"(http:\/\/127\.0\.0\.1:\d+)"/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return {
    url,
    output: () => out,
    async stop() {
      const exit = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exit;
    },
  };
}

/** One request on its own connection: spawnSync blocks this process for seconds, longer than the
 * server keeps an idle keep-alive connection, and a reused one may be closed under the request. */
function call(
  url: string,
  options: { method?: string; cookie?: string; body?: object } = {},
): Promise<{ status: number; cookie: string; json: unknown }> {
  const payload = options.body ? JSON.stringify(options.body) : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '),
            json: text ? (JSON.parse(text) as unknown) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const login = (url: string, password: string) =>
  call(`${url}/api/v1/auth/login`, {
    method: 'POST',
    body: { username: 'admin', password },
  });

describe('the first admin password', () => {
  it('is not made by a start that fails to bind the port; the next start takes CONSOLE_ADMIN_PASSWORD', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failed = run('src/main.ts', { PORT: String(port) });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/PORT: 127\.0\.0\.1:\d+ is already in use/);
      expect(failed.stdout).not.toMatch(/created admin/);
    } finally {
      blocker.close();
    }
    expect(admins()).toEqual([]);

    const bff = await startMain({ CONSOLE_ADMIN_PASSWORD: 'chosen-admin-password-1' });
    try {
      expect((await login(bff.url, 'chosen-admin-password-1')).status).toBe(200);
      expect(bff.output()).not.toMatch(/created admin "admin" with password/);
    } finally {
      await bff.stop();
    }
  }, 180_000);

  it('is replaced by reset-admin: printed, old sessions ended, lock-outs cleared, audited', async () => {
    const bff = await startMain({});
    try {
      const before = await login(bff.url, 'chosen-admin-password-1');
      expect(before.status).toBe(200);
      // Lock the admin out from this address (5 wrong passwords).
      for (let i = 0; i < 5; i++) expect((await login(bff.url, 'wrong-password')).status).toBe(401);
      expect((await login(bff.url, 'chosen-admin-password-1')).status).toBe(429);

      const reset = run('src/reset-admin.ts', {});
      expect(reset.stderr).toBe('');
      expect(reset.code).toBe(0);
      const password = /new password (\S+) /.exec(reset.stdout)?.[1];
      expect(password).toBeTruthy();

      const me = await call(`${bff.url}/api/v1/auth/me`, { cookie: before.cookie });
      expect(me.status).toBe(401);
      const after = await login(bff.url, password!);
      expect(after.status).toBe(200);
      const audit = await call(`${bff.url}/api/v1/audit?action=accounts.reset-admin`, {
        cookie: after.cookie,
      });
      expect((audit.json as { items: Array<{ summary: string }> }).items).toEqual([
        expect.objectContaining({
          summary: 'reset the password of admin from the command line',
        }),
      ]);
    } finally {
      await bff.stop();
    }
    expect(admins()).toHaveLength(1);
  }, 180_000);

  it('refuses a DATA_DIR without a console database, naming it', { timeout: 60_000 }, () => {
    const missing = path.join(dataDir, 'nowhere');
    const res = run('src/reset-admin.ts', { DATA_DIR: missing });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(
      `reset-admin failed: no console database at ${path.join(missing, 'bff.sqlite')}: set DATA_DIR to the BFF's data folder`,
    );
    expect(fs.existsSync(missing)).toBe(false);
  });
});
