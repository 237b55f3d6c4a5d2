import { defineConfig } from 'vitest/config';

// The bench's own unit tests (matching and parsing helpers); the benchmarks themselves are not tests.
export default defineConfig({ test: { include: ['src/**/__tests__/**/*.test.ts'] } });
