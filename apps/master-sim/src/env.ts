import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isLoopbackHost } from './util/ip.ts';

/** <repo root>/.data/certs, from this file's location so the cwd does not matter. */
export const defaultCertDir = fileURLToPath(new URL('../../../.data/certs', import.meta.url));

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be an integer port`)
    .min(0, `${name} must be 0-65535`)
    .max(65535, `${name} must be 0-65535`)
    .default(fallback);

const envSchema = z.object({
  SIM_HOST: z.string().default('127.0.0.1').refine(isLoopbackHost, {
    message: 'SIM_HOST must be a loopback address (127.0.0.1, ::1 or localhost)',
  }),
  SIM_PORT: port('SIM_PORT', 4010),
  SIM_CONTROL_PORT: port('SIM_CONTROL_PORT', 4011),
  SIM_CERT_DIR: z.string().min(1, 'SIM_CERT_DIR must not be empty').default(defaultCertDir),
  SIM_SCENARIO: z.string().min(1, 'SIM_SCENARIO must not be empty').optional(),
  SIM_TOKEN_TTL_SECONDS: z.coerce
    .number({ error: 'SIM_TOKEN_TTL_SECONDS must be a number of seconds' })
    .int('SIM_TOKEN_TTL_SECONDS must be a whole number of seconds')
    .min(1, 'SIM_TOKEN_TTL_SECONDS must be at least 1')
    .default(3600),
  SIM_RECONNECT_DELAY_MS: z.coerce
    .number({ error: 'SIM_RECONNECT_DELAY_MS must be a number of milliseconds' })
    .int('SIM_RECONNECT_DELAY_MS must be a whole number of milliseconds')
    .min(1, 'SIM_RECONNECT_DELAY_MS must be at least 1')
    .max(3_600_000, 'SIM_RECONNECT_DELAY_MS must be at most 3600000')
    .default(30_000),
  SIM_SEED: z.coerce
    .number({ error: 'SIM_SEED must be a number' })
    .int('SIM_SEED must be an integer')
    .optional(),
});

export type SimEnv = z.output<typeof envSchema>;

/** Reads the SIM_* settings; the only place in the simulator that touches process.env. */
export function readEnv(
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; env: SimEnv } | { ok: false; error: string } {
  // An empty variable means "not set", so `SIM_PORT=` falls back to the default.
  const raw = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith('SIM_') && v !== ''),
  );
  const result = envSchema.safeParse(raw);
  if (result.success) {
    // `pnpm sim` runs in apps/master-sim; relative paths mean the directory the user typed it in.
    const base = env.INIT_CWD ?? process.cwd();
    const data = { ...result.data, SIM_CERT_DIR: resolve(base, result.data.SIM_CERT_DIR) };
    if (data.SIM_SCENARIO) data.SIM_SCENARIO = resolve(base, data.SIM_SCENARIO);
    return { ok: true, env: data };
  }
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  return { ok: false, error: `${message} (got ${JSON.stringify(env[name] ?? '')})` };
}
