// The architecture's boundaries are kept by `pnpm lint` (eslint .): each rule is shown failing on a
// planted forbidden snippet, linted with the repository's own eslint.config.js as if the snippet
// were a file at the given path.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rule IDs of the errors ESLint reports for `code` as if it were the file at `file`. */
async function errorsOf(file: string, code: string): Promise<Array<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
}

async function messagesOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

const WEB_FILE = 'apps/web/src/features/devices/components/planted.tsx';

describe('apps/web imports only @cmc/api among the workspace packages', () => {
  it.each([
    "import { createGsdkClient } from '@cmc/gsdk';\nexport const c = createGsdkClient;\n",
    "import type { Bff } from '@cmc/bff';\nexport type B = Bff;\n",
    "import { startSimulator } from '@cmc/master-sim';\nexport const s = startSimulator;\n",
    "export { loaderOptions } from '@cmc/protos';\n",
    "import { statusName } from '../../../../../../packages/gsdk/src/names.ts';\nexport const n = statusName;\n",
  ])('refuses %s', async (code) => {
    expect(await errorsOf(WEB_FILE, code)).toEqual(['no-restricted-imports']);
  });

  it('names the rule in words', async () => {
    const [message] = await messagesOf(WEB_FILE, "export { GsdkError } from '@cmc/gsdk';\n");
    expect(message).toContain('apps/web imports only @cmc/api');
  });

  it('allows @cmc/api', async () => {
    expect(
      await errorsOf(
        WEB_FILE,
        "import { deviceSchema } from '@cmc/api';\nexport const d = deviceSchema;\n",
      ),
    ).toEqual([]);
  });
});

describe('non-test BFF code never imports the simulator', () => {
  const code =
    "import { startSimulator } from '@cmc/master-sim';\nexport const s = startSimulator;\n";

  it('refuses it in BFF source', async () => {
    expect(await errorsOf('apps/bff/src/devices/planted.ts', code)).toEqual([
      'no-restricted-imports',
    ]);
    expect(
      await errorsOf(
        'apps/bff/src/devices/planted.ts',
        "import { World } from '../../../master-sim/src/world/world.ts';\nexport const w = World;\n",
      ),
    ).toEqual(['no-restricted-imports']);
  });

  it('allows it in BFF tests and their helpers', async () => {
    expect(await errorsOf('apps/bff/src/devices/__tests__/planted.test.ts', code)).toEqual([]);
    expect(await errorsOf('apps/bff/src/devices/__tests__/planted-helper.ts', code)).toEqual([]);
  });
});

describe('web feature folders never import each other', () => {
  it.each([
    "import { useGateways } from '../../gateways/api/gateways.ts';\nexport const g = useGateways;\n",
    "export { useGateways } from '../../gateways/api/gateways.ts';\n",
    "import { useGateways } from '../../../features/gateways/api/gateways.ts';\nexport const g = useGateways;\n",
    "export const lazy = () => import('../../alarms/components/alarm-list.tsx');\n",
  ])('refuses %s from features/devices', async (code) => {
    expect(await errorsOf(WEB_FILE, code)).toEqual(['cmc/feature-boundaries']);
  });

  it('says that routes compose features', async () => {
    const [message] = await messagesOf(
      'apps/web/src/features/devices/planted.ts',
      "import { x } from '../gateways/x.ts';\nexport const y = x;\n",
    );
    expect(message).toBe(
      "Feature 'devices' imports feature 'gateways' (../gateways/x.ts): features don't import each other; compose them in a route (apps/web/src/routes).",
    );
  });

  it('allows a feature its own files and shared code, and routes every feature', async () => {
    expect(
      await errorsOf(
        WEB_FILE,
        "import { useDevices } from '../api/devices.ts';\nimport { formatTime } from '../../../lib/format.ts';\nexport const d = [useDevices, formatTime];\n",
      ),
    ).toEqual([]);
    expect(
      await errorsOf(
        'apps/web/src/routes/planted.tsx',
        "import { useDevices } from '../features/devices/api/devices.ts';\nimport { useGateways } from '../features/gateways/api/gateways.ts';\nexport const d = [useDevices, useGateways];\n",
      ),
    ).toEqual([]);
  });
});

describe('process.env is read only in the env module', () => {
  const code = 'export const port = process.env.PORT;\n';

  it.each([
    'apps/bff/src/devices/planted.ts',
    'apps/master-sim/src/world/planted.ts',
    'packages/gsdk/src/planted.ts',
    'e2e/src/planted.ts',
    'bench/src/lib/planted.ts',
  ])('refuses it in %s', async (file) => {
    expect(await errorsOf(file, code)).toEqual(['no-restricted-properties']);
  });

  it('refuses destructuring it too', async () => {
    expect(
      await errorsOf(
        'apps/bff/src/planted.ts',
        'const { PORT } = process.env;\nexport const p = PORT;\n',
      ),
    ).toEqual(['no-restricted-properties']);
  });

  it.each([
    'apps/bff/src/env.ts',
    'apps/demo/src/env.ts',
    'e2e/src/env.ts',
    'apps/bff/src/__tests__/planted.test.ts',
    'apps/bff/src/scale/__tests__/planted-helper.ts',
  ])('allows it in %s', async (file) => {
    expect(await errorsOf(file, code)).toEqual([]);
  });
});

describe('no source file over 300 lines', () => {
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

  it('refuses 301 lines, counting comments and blank lines as wc -l does', async () => {
    expect(await errorsOf('apps/bff/src/planted.ts', lines(301))).toEqual(['max-lines']);
    const padded = `${lines(200)}${'\n'.repeat(50)}${'// why\n'.repeat(51)}`;
    expect(await errorsOf('apps/web/src/lib/planted.ts', padded)).toEqual(['max-lines']);
  });

  it('allows 300 lines, and longer tests', async () => {
    expect(await errorsOf('apps/bff/src/planted.ts', lines(300))).toEqual([]);
    expect(await errorsOf('apps/bff/src/__tests__/planted.test.ts', lines(400))).toEqual([]);
  });
});
