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
    ['an unreadable CA file', { MASTER_CA_FILE: path.join(certs.dir, 'missing.crt') }, /^Invalid setting MASTER_CA_FILE: cannot read .*missing\.crt \(ENOENT\)$/],
    ['a key not matching the certificate', { ADMIN_KEY_FILE: certs.otherKey }, /^Invalid setting ADMIN_KEY_FILE: .* does not match/],
    ['a bad port', { PORT: 'eighty' }, /^Invalid setting PORT: must be a port number/],
    ['a missing session secret', { SESSION_SECRET: '' }, /^Invalid setting SESSION_SECRET: is required/],
    ['a missing admin certificate setting', { ADMIN_CERT_FILE: '' }, /^Invalid setting ADMIN_CERT_FILE: is required/],
  ])('stops on %s with one line naming it', (_name, override, expected) => {
    const { code, lines } = start({ ...good, ...override });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });
});
