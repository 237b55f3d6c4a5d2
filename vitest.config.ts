import { configDefaults, defineConfig } from 'vitest/config';

// One runner for every Node-side package; each project keeps its tests beside its code.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'protos', root: 'protos', include: ['src/**/__tests__/**/*.test.ts'] } },
      {
        test: {
          name: 'gsdk',
          root: 'packages/gsdk',
          include: ['src/**/__tests__/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      { test: { name: 'api', root: 'packages/api', include: ['src/**/__tests__/**/*.test.ts'] } },
      {
        test: {
          name: 'master-sim',
          root: 'apps/master-sim',
          include: ['src/**/__tests__/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'bff',
          root: 'apps/bff',
          include: ['src/**/__tests__/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.scale.test.ts'],
          testTimeout: 30_000,
        },
      },
      { test: { name: 'web', root: 'apps/web', include: ['src/**/__tests__/**/*.test.{ts,tsx}'] } },
      // The lint rules that keep the architecture's boundaries, shown failing on planted snippets.
      {
        test: {
          name: 'lint',
          root: '.',
          include: ['eslint/__tests__/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      // The benchmarks' own helpers (matching, parsing); the benchmarks themselves are not tests.
      { test: { name: 'bench', root: 'bench', include: ['src/**/__tests__/**/*.test.ts'] } },
    ],
  },
});
