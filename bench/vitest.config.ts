import { defineConfig } from 'vitest/config';

// The bench's own unit tests (matching and parsing helpers) and the smoke run of every scenario on a
// tiny world (no timings checked); the benchmarks themselves are `pnpm bench`, not tests.
export default defineConfig({ test: { include: ['src/**/__tests__/**/*.test.ts'] } });
