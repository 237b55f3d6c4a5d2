// The only reader of process.env in the BFF: every setting, its default, and its validation.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const portSetting = z
  .string()
  .regex(/^\d+$/, { message: 'must be a port number' })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(0, { message: 'must be between 0 and 65535' })
      .max(65535, { message: 'must be between 0 and 65535' }),
  );

function positiveInt(fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: 'must be at least 1' }))
    .optional()
    .transform((v) => v ?? fallback);
}

const optionalPath = z.string().min(1).optional();

export const envSchema = z.object({
  MASTER_IP: z.string().min(1).default('127.0.0.1'),
  MASTER_PORT: portSetting.optional().transform((v) => v ?? 4010),
  MASTER_CA_FILE: optionalPath,
  ADMIN_CERT_FILE: optionalPath,
  ADMIN_KEY_FILE: optionalPath,
  /** TLS server name to verify when MASTER_IP is not a name in the master's certificate. */
  MASTER_SERVER_NAME: optionalPath,
  /**
   * HTTP/2 keep-alive ping interval to the master (ms, 5 s timeout each); 0 = no pings. A master
   * that answers pings with GOAWAY too_many_pings wants a larger value (docs/live-status.md).
   */
  MASTER_KEEPALIVE_MS: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number of milliseconds (0 = off)' })
    .transform(Number)
    .pipe(z.number().int().max(3_600_000, { message: 'must be at most 3600000' }))
    .optional()
    .transform((v) => v ?? 5000),
  PORT: portSetting.optional().transform((v) => v ?? 8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '.data', 'bff')),
  SESSION_SECRET: z.string().optional(),
  CONSOLE_ADMIN_USER: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{3,64}$/, {
      message: 'must be 3-64 characters of A-Z, a-z, 0-9, _ . @ -',
    })
    .default('admin'),
  CONSOLE_ADMIN_PASSWORD: z
    .string()
    .min(10, { message: 'must be at least 10 characters' })
    .optional(),
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'apps', 'web', 'dist')),
  TLS_CERT_FILE: optionalPath,
  TLS_KEY_FILE: optionalPath,
  HISTORY_RETENTION_DAYS: positiveInt(30),
  HISTORY_MAX_ROWS: positiveInt(1_000_000),
  FLAP_THRESHOLD: positiveInt(5),
  FLAP_WINDOW_MINUTES: positiveInt(10),
  /** Live-status deltas are coalesced for this long (ms) before they go out; 1-50. */
  LIVE_BATCH_WINDOW_MS: positiveInt(10).pipe(z.number().max(50, { message: 'must be at most 50' })),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Scale-out (docs/scale-out.md): redis://[user:password@]host:port[/db] or rediss://; unset = one process. */
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/[^/\s]+/.test(v) && URL.canParse(v), {
      message: 'must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379',
    })
    .optional(),
  /** Bearer token of GET /metrics (docs/operations.md); unset = /metrics answers 404. */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,256}$/, {
      message: 'must be 16-256 printable characters without spaces',
    })
    .optional(),
  /** 'production' (default), 'demo' or 'test': demo and test may generate a session secret. */
  CMC_MODE: z.enum(['production', 'demo', 'test']).default('production'),
});

export type Env = z.output<typeof envSchema>;

/** Thrown for a bad setting; main.ts prints `message` as the one line and exits 1. */
export class SettingError extends Error {
  override readonly name = 'SettingError';
  constructor(
    readonly setting: string,
    detail: string,
  ) {
    super(`Invalid setting ${setting}: ${detail}`);
  }
}

/** Validates the environment; an empty string counts as unset. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    // A Redis URL may carry a password: never echo it.
    const shown = (cleaned[setting] ?? '').replace(/^(\w+:\/\/)[^@/]*@/, '$1***@');
    // A token is a secret too: say only how long the value was.
    const got = setting === 'METRICS_TOKEN' ? `${shown.length} characters` : JSON.stringify(shown);
    throw new SettingError(setting, `${issue?.message ?? 'invalid'} (got ${got})`);
  }
  return result.data;
}
