import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { scenarioSchema, type ParsedScenario, type Scenario } from './schema.ts';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** `devices[3].IPAddr` from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
}

/** Validates a scenario object; a bad one throws a ScenarioError naming the path of each bad field. */
export function parseScenario(input: unknown, source = 'scenario'): ParsedScenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(`invalid ${source}: ${describe(result.error)}`);
  return result.data;
}

/** Reads and validates a JSON scenario file. */
export function loadScenario(path: string): ParsedScenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(`cannot read scenario file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`scenario file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseScenario(json, `scenario file ${path}`);
}

export type { Scenario };
