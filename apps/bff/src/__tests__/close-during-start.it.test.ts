// A SIGTERM may arrive while the live hub is still reading the first device lists. Shutdown closes
// the database; the lists that come in after it must not build rows from it (an exception there
// killed the process with exit code 1 instead of 0 in CI).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestSimulator } from '@cmc/master-sim/testing';
import { expect, it } from 'vitest';
import { createBff } from '../app.ts';
import { loadConfig } from '../config.ts';
import { readEnv } from '../env.ts';
import { createLogger } from '../logger.ts';
import { createMasterPool } from '../master/master-pool.ts';
import { wrapPool } from '../master/wrap-pool.ts';
import { testBffEnv } from './test-bff-env.ts';

it('a shutdown during the first list reads ends cleanly when the lists come in after it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-close-start-'));
  const sim = await startTestSimulator({
    certDir: path.join(dir, 'certs'),
    port: 0,
    controlPort: 0,
  });
  const errors: unknown[] = [];
  const onError = (error: unknown) => errors.push(error);
  process.on('uncaughtException', onError);
  try {
    const env = readEnv(testBffEnv(sim, dir));
    const config = loadConfig(env);
    const real = createMasterPool({
      master: config.master,
      logger: createLogger({ level: 'silent' }),
    });
    // Device lists answer only once the test lets them: after the shutdown.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    const pool = wrapPool(real, (method, call) => {
      if (method !== 'ConnectMaster.GetDeviceList') return call();
      held++;
      return gate.then(call);
    });
    const bff = await createBff(config, { pool, drainTimeoutMs: 500 });
    await bff.listen(0, '127.0.0.1');
    await expect.poll(() => held, { timeout: 10_000 }).toBeGreaterThan(0);
    await bff.close();
    release();
    // The hub's start settles once the held reads have answered (they fail: the pool is closed).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(errors).toEqual([]);
  } finally {
    process.off('uncaughtException', onError);
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
