import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { featureBoundaries } from './eslint/feature-boundaries.js';

// Tests and their helpers live in __tests__ folders (or end in .test.ts); the boundary rules below
// are about the code that ships, so tests may reach past them (e.g. BFF tests start the simulator).
const TESTS = ['**/__tests__/**', '**/*.test.{ts,tsx}'];

// The architecture's boundaries (docs/architecture.md, docs/conventions.md), kept by the linter.
const WEB_WORKSPACE_IMPORTS = {
  // Only @cmc/api crosses the wire: the browser never loads the G-SDK client, the BFF or the
  // simulator, and never reaches into another package's files by a relative path.
  patterns: [
    {
      regex: '^@cmc/(?!api(?:/|$))',
      message:
        'apps/web imports only @cmc/api among the workspace packages (names, schemas and label tables live there).',
    },
    {
      regex: '^(?:\\.\\./)+(?:apps|packages|protos|e2e|bench)/',
      message: "apps/web does not reach into another package's files; import @cmc/api.",
    },
  ],
};
const BFF_NO_SIMULATOR = {
  // The simulator is composed with the BFF only by apps/demo, e2e and tests.
  paths: [
    {
      name: '@cmc/master-sim',
      message:
        'BFF code never imports the simulator; compose them in apps/demo (tests may import it).',
    },
  ],
  patterns: [
    {
      regex: '(?:^|/)master-sim/',
      message:
        'BFF code never imports the simulator; compose them in apps/demo (tests may import it).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      'protos/src/generated/**',
      'e2e/test-results/**',
      'e2e/playwright-report/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
      // Each app reads its environment in one env module (validated there), nowhere else.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            "process.env is read only in the app's env module (src/env.ts); take the setting from there.",
        },
      ],
    },
  },
  {
    files: ['**/env.ts', ...TESTS],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Repository tooling, not an app: the test runner and the apt helper hand their own
    // environment to the commands they start. The bench probe is preloaded into the BFF on plain
    // node (no TypeScript loader), so it cannot import bench/src/env.ts.
    files: ['scripts/**/*.mjs', 'bench/src/bff-probe.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Small files with one purpose: no source file over 300 lines (blank lines and comments count,
    // as `wc -l` does).
    files: ['**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: {
      'react-hooks': reactHooks,
      cmc: { rules: { 'feature-boundaries': featureBoundaries } },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', WEB_WORKSPACE_IMPORTS],
      'cmc/feature-boundaries': 'error',
    },
  },
  {
    files: ['apps/bff/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', BFF_NO_SIMULATOR] },
  },
);
