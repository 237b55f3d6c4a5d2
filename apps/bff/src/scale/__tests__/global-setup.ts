// Global setup of `pnpm test:scale`: one real redis-server and one simulator (gRPC over mTLS and its
// control API, both on loopback port 0) for every scale test file; the tests start their own BFFs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestSimulator } from '@cmc/master-sim/testing';
import type { TestProject } from 'vitest/node';
import { testScenario } from '../../live/__tests__/live-world.ts';
import { startRedisServer } from './redis-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    simPort: number;
    simControlUrl: string;
    certDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-scale-'));
  const redis = await startRedisServer();
  // Async devices retry only after a minute: nothing changes unless a test asks for it.
  const sim = await startTestSimulator({
    port: 0,
    controlPort: 0,
    certDir: path.join(dir, 'certs'),
    scenario: testScenario(),
    reconnectDelayMs: 60_000,
    seed: 7,
  }).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  project.provide('redisUrl', redis.url);
  project.provide('simPort', sim.port);
  project.provide('simControlUrl', sim.controlUrl);
  project.provide('certDir', sim.certDir);
  return async () => {
    await sim.stop();
    await redis.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
