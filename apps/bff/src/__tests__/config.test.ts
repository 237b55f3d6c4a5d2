import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { readEnv, SettingError } from '../env.ts';
import { makeTestCerts } from './test-certs.ts';

const certs = makeTestCerts();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-config-'));
afterAll(() => {
  fs.rmSync(certs.dir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = {
  MASTER_CA_FILE: certs.ca,
  ADMIN_CERT_FILE: certs.cert,
  ADMIN_KEY_FILE: certs.key,
  DATA_DIR: dataDir,
  SESSION_SECRET: 'x'.repeat(40),
};

function settingOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof SettingError) return error.setting;
    throw error;
  }
  throw new Error('expected a SettingError');
}

describe('readEnv', () => {
  it('applies the documented defaults', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      MASTER_IP: '127.0.0.1',
      MASTER_PORT: 4010,
      PORT: 8080,
      HOST: '127.0.0.1',
      HISTORY_RETENTION_DAYS: 30,
      HISTORY_MAX_ROWS: 1_000_000,
      FLAP_THRESHOLD: 5,
      FLAP_WINDOW_MINUTES: 10,
      CONSOLE_ADMIN_USER: 'admin',
    });
    expect(env.DATA_DIR.endsWith(path.join('.data', 'bff'))).toBe(true);
  });
  it('names a bad port', () => {
    expect(settingOf(() => readEnv({ PORT: '80x' }))).toBe('PORT');
    expect(settingOf(() => readEnv({ MASTER_PORT: '70000' }))).toBe('MASTER_PORT');
    expect(() => readEnv({ PORT: '70000' })).toThrow(/PORT.*65535.*70000/);
  });
  it('reads the master keep-alive interval: default 5000, 0 turns it off, a bad value is named', () => {
    expect(readEnv({}).MASTER_KEEPALIVE_MS).toBe(5000);
    expect(readEnv({ MASTER_KEEPALIVE_MS: '0' }).MASTER_KEEPALIVE_MS).toBe(0);
    expect(settingOf(() => readEnv({ MASTER_KEEPALIVE_MS: '5s' }))).toBe('MASTER_KEEPALIVE_MS');
    expect(() => readEnv({ MASTER_KEEPALIVE_MS: '-1' })).toThrow(/MASTER_KEEPALIVE_MS/);
  });
  it('names a bad number or level', () => {
    expect(settingOf(() => readEnv({ FLAP_THRESHOLD: '0' }))).toBe('FLAP_THRESHOLD');
    expect(settingOf(() => readEnv({ LOG_LEVEL: 'loud' }))).toBe('LOG_LEVEL');
    expect(settingOf(() => readEnv({ LIVE_BATCH_WINDOW_MS: '51' }))).toBe('LIVE_BATCH_WINDOW_MS');
    expect(readEnv({ LIVE_BATCH_WINDOW_MS: '5' }).LIVE_BATCH_WINDOW_MS).toBe(5);
    expect(readEnv({}).LIVE_BATCH_WINDOW_MS).toBe(10);
  });
});

describe('loadConfig', () => {
  it('loads valid certificates', () => {
    const config = loadConfig(readEnv(base));
    expect(config.master.address).toBe('127.0.0.1:4010');
    expect(config.master.caCert).toContain('BEGIN CERTIFICATE');
    expect(config.tls).toBeNull();
  });
  it('names an unreadable file', () => {
    expect(() => loadConfig(readEnv({ ...base, MASTER_CA_FILE: '/nonexistent/ca.crt' }))).toThrow(
      /MASTER_CA_FILE: cannot read \/nonexistent\/ca.crt \(ENOENT\)/,
    );
  });
  it('names a file that is not a certificate', () => {
    expect(settingOf(() => loadConfig(readEnv({ ...base, ADMIN_CERT_FILE: certs.key })))).toBe(
      'ADMIN_CERT_FILE',
    );
  });
  it('names a key that does not match the certificate', () => {
    expect(() => loadConfig(readEnv({ ...base, ADMIN_KEY_FILE: certs.otherKey }))).toThrow(
      /ADMIN_KEY_FILE: .* does not match the certificate/,
    );
  });
  it('names an expired certificate', () => {
    const later = new Date(Date.now() + 365 * 86_400_000);
    expect(() => loadConfig(readEnv(base), later)).toThrow(
      /MASTER_CA_FILE: certificate .* expired/,
    );
  });
  it('requires SESSION_SECRET in production but generates and keeps one in demo/test', () => {
    const { SESSION_SECRET: _omit, ...noSecret } = base;
    expect(settingOf(() => loadConfig(readEnv(noSecret)))).toBe('SESSION_SECRET');
    const first = loadConfig(readEnv({ ...noSecret, CMC_MODE: 'demo' })).sessionSecret;
    const second = loadConfig(readEnv({ ...noSecret, CMC_MODE: 'demo' })).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
  });
  it('checks the optional HTTPS pair', () => {
    expect(settingOf(() => loadConfig(readEnv({ ...base, TLS_CERT_FILE: certs.cert })))).toBe(
      'TLS_KEY_FILE',
    );
    expect(
      loadConfig(readEnv({ ...base, TLS_CERT_FILE: certs.cert, TLS_KEY_FILE: certs.key })).tls,
    ).not.toBeNull();
  });
});
