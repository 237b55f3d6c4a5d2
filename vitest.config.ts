import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// One runner for every Node-side package; each project keeps its tests beside its code.
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: one on a 2-core machine, which then runs
    // every file in turn while most of them wait on sockets, timers and child processes. Two workers
    // keep both cores busy (the bench project below still runs alone).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The Node packages' test files share their worker's module cache (`isolate: false` below):
    // importing the BFF and its dependencies again for each of 73 files was 74 s of the bff
    // project's 128 (59 s without). Their files start and close what they use (simulators, apps,
    // databases) and none replaces a module with vi.mock; the web project does, and stays isolated.
    projects: [
      { test: { name: 'protos', root: 'protos', include: ['src/**/__tests__/**/*.test.ts'] } },
      {
        test: {
          name: 'gsdk',
          isolate: false,
          root: 'packages/gsdk',
          include: ['src/**/__tests__/**/*.test.ts'],
          testTimeout: 30_000,
          // Hooks start simulators (certificates, gRPC over mTLS) while another file runs beside them.
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'api', root: 'packages/api', include: ['src/**/__tests__/**/*.test.ts'] } },
      {
        test: {
          name: 'master-sim',
          isolate: false,
          root: 'apps/master-sim',
          include: ['src/**/__tests__/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'bff',
          isolate: false,
          root: 'apps/bff',
          include: ['src/**/__tests__/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.scale.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
      // The benchmarks' own helpers (matching, parsing) and the smoke run of the benchmarks. One
      // worker: Vitest runs such a project after the others, alone, so the smoke run's processes
      // measure on a quiet machine as before.
      {
        test: {
          name: 'bench',
          root: 'bench',
          include: ['src/**/__tests__/**/*.test.ts'],
          maxWorkers: 1,
        },
      },
    ],
  },
});
