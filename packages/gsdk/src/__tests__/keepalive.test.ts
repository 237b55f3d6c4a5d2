// Keep-alive against a hung master: the simulator runs as a child process and is frozen with SIGSTOP
// (its kernel keeps the TCP connection; nothing answers). With pings an open status stream fails
// within about time + timeout and resubscribes after SIGCONT; without them it would wait forever.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGsdkClient } from '../client.ts';
import { resolveOptions } from '../client-options.ts';
import type { GsdkClient } from '../types.ts';
import { EventRecorder } from './helpers/events.ts';

const SIM_DIR = resolve(import.meta.dirname, '../../../../apps/master-sim');

let child: ChildProcess;
let certDir: string;
let address: string;
const clients: GsdkClient[] = [];

beforeAll(async () => {
  certDir = await mkdtemp(join(tmpdir(), 'gsdk-keepalive-'));
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SIM_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      SIM_PORT: '0',
      SIM_CONTROL_PORT: '0',
      SIM_CERT_DIR: certDir,
      SIM_RECONNECT_DELAY_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 45_000;
  for (;;) {
    const found = /listening on (127\.0\.0\.1:\d+)/.exec(out);
    if (found) {
      address = found[1]!;
      break;
    }
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`simulator did not start: ${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  if (child && child.exitCode === null) {
    child.kill('SIGCONT');
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

function client(keepalive: { timeMs: number; timeoutMs: number } | false): GsdkClient {
  const c = createGsdkClient({
    address,
    caCert: readFileSync(join(certDir, 'ca.crt')),
    clientCert: readFileSync(join(certDir, 'admin.crt')),
    clientKey: readFileSync(join(certDir, 'admin_key.pem')),
    login: { kind: 'admin', tenantID: 'administrator' },
    keepalive,
    resubscribe: { initialDelayMs: 100, maxDelayMs: 500 },
  });
  clients.push(c);
  return c;
}

describe('keep-alive', () => {
  it('defaults to pings every 5 s with a 5 s timeout, and can be turned off or refused', () => {
    const base = {
      address: '127.0.0.1:1',
      caCert: '-----BEGIN CERTIFICATE-----',
      clientCert: '-----BEGIN CERTIFICATE-----',
      clientKey: '-----BEGIN KEY-----',
      login: { kind: 'tenant' as const },
    };
    expect(resolveOptions(base).keepalive).toEqual({ timeMs: 5000, timeoutMs: 5000 });
    expect(resolveOptions({ ...base, keepalive: false }).keepalive).toBeNull();
    expect(() => resolveOptions({ ...base, keepalive: { timeMs: 0 } })).toThrow(
      'options.keepalive.timeMs must be a positive number of milliseconds, got 0',
    );
  });

  it('a frozen master fails the open stream within time + timeout; it resubscribes after SIGCONT', async () => {
    const pinging = new EventRecorder(
      client({ timeMs: 1000, timeoutMs: 1000 }).subscribeGatewayStatus(),
    );
    const silent = new EventRecorder(client(false).subscribeGatewayStatus());
    await pinging.waitFor('subscribed', (e) => e.type === 'subscribed', 15_000);
    await silent.waitFor('subscribed', (e) => e.type === 'subscribed', 15_000);

    const frozenAt = Date.now();
    child.kill('SIGSTOP');
    const error = await pinging.waitFor('the stream error', (e) => e.type === 'error', 8_000);
    expect(Date.now() - frozenAt).toBeLessThan(5_000);
    expect(error).toMatchObject({ type: 'error', error: { code: 14 } });
    // Without pings the same stream on the same frozen master has noticed nothing.
    expect(silent.events.filter((e) => e.type === 'error')).toEqual([]);

    const from = pinging.events.length;
    child.kill('SIGCONT');
    await pinging.waitFor(
      'resubscribed',
      (e) => e.type === 'subscribed' && e.resubscribed,
      20_000,
      from,
    );
  }, 60_000);
});
