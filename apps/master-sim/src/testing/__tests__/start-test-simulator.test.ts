import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../__tests__/harness.ts';
import { ensureCertificates } from '../../certs/ensure-certificates.ts';
import { startTestSimulator } from '../start-test-simulator.ts';

const scenario = { tenants: ['kept-a', 'kept-b'], gateways: [] };

describe('startTestSimulator', () => {
  const first = tempDir();
  const second = tempDir();
  const third = tempDir();
  afterAll(() => [first, second, third].forEach((d) => d.remove()));

  it('fills a fresh directory with the kept set, so the simulator generates nothing', async () => {
    const a = await startTestSimulator({ certDir: first.path, port: 0, controlPort: 0, scenario });
    await a.stop();
    const b = await startTestSimulator({ certDir: second.path, port: 0, controlPort: 0, scenario });
    await b.stop();
    for (const file of ['ca.crt', 'server.crt', 'kept-a.crt', 'kept-b_key.pem'])
      expect(readFileSync(join(second.path, file), 'utf8')).toBe(
        readFileSync(join(first.path, file), 'utf8'),
      );
    expect(ensureCertificates(second.path, scenario.tenants).generated).toEqual([]);
    for (const key of ['ca_key.pem', 'admin_key.pem', 'kept-a_key.pem'])
      expect(statSync(join(second.path, key)).mode & 0o777).toBe(0o600);
  });

  it('leaves files already in the directory as they are', async () => {
    const own = ensureCertificates(third.path, []);
    writeFileSync(join(third.path, 'note.txt'), 'mine');
    const sim = await startTestSimulator({
      certDir: third.path,
      port: 0,
      controlPort: 0,
      scenario,
    });
    await sim.stop();
    expect(readFileSync(join(third.path, 'ca.crt'), 'utf8')).toBe(own.caCert);
    expect(readFileSync(join(third.path, 'note.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(third.path, 'ca.crt'), 'utf8')).not.toBe(
      readFileSync(join(first.path, 'ca.crt'), 'utf8'),
    );
  });
});
