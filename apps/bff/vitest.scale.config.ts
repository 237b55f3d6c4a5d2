// `pnpm test:scale`: several BFF instances on a real Redis (docs/scale-out.md). Kept out of the normal
// `bff` project because it starts redis-server and BFF child processes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scale',
    root: import.meta.dirname,
    include: ['src/**/__tests__/**/*.scale.test.ts'],
    globalSetup: ['src/scale/__tests__/global-setup.ts'],
    // One file at a time: they share the Redis server and the simulator.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
