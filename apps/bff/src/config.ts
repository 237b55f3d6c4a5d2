// Turns the validated environment into a Config: reads and checks every certificate and key so a
// bad file stops the start with one line naming the setting, not a TLS error at the first request.
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SettingError, type Env } from './env.ts';

export interface MasterConfig {
  address: string;
  caCert: string;
  adminCert: string;
  adminKey: string;
  serverName?: string;
  /** Keep-alive ping interval (ms); 0 = no pings. Default 5000. */
  keepaliveMs?: number;
}

export interface Config {
  master: MasterConfig;
  host: string;
  port: number;
  dataDir: string;
  sessionSecret: string;
  adminUser: string;
  adminPassword: string | undefined;
  webDistDir: string;
  tls: { cert: string; key: string } | null;
  history: {
    retentionDays: number;
    maxRows: number;
    flapThreshold: number;
    flapWindowMinutes: number;
  };
  live: { batchWindowMs: number };
  logLevel: Env['LOG_LEVEL'];
  /** Scale-out over Redis (sessions, login counters, socket.io adapter, stream leases); null = one process. */
  redis: { url: string } | null;
  mode: Env['CMC_MODE'];
  /** GET /metrics bearer token; null = the endpoint answers 404. */
  metrics?: { token: string | null };
}

function readPem(setting: string, file: string | undefined): string {
  if (!file) throw new SettingError(setting, 'is required (path to a PEM file)');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingError(
      setting,
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
}

function parseCert(setting: string, file: string, pem: string, now: Date): X509Certificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new SettingError(setting, `${file} is not a PEM certificate`);
  }
  if (new Date(cert.validTo) < now)
    throw new SettingError(setting, `certificate ${file} expired on ${cert.validTo}`);
  if (new Date(cert.validFrom) > now)
    throw new SettingError(setting, `certificate ${file} is not valid before ${cert.validFrom}`);
  return cert;
}

function checkKeyPair(
  certSetting: string,
  keySetting: string,
  certFile: string,
  keyFile: string,
  certPem: string,
  keyPem: string,
  now: Date,
): void {
  const cert = parseCert(certSetting, certFile, certPem, now);
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new SettingError(keySetting, `${keyFile} is not a PEM private key`);
  }
  if (!cert.checkPrivateKey(key))
    throw new SettingError(keySetting, `${keyFile} does not match the certificate ${certFile}`);
}

/** The session secret: required in production; demo/test keep a generated one in DATA_DIR. */
function sessionSecret(env: Env): string {
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < 32)
      throw new SettingError('SESSION_SECRET', 'must be at least 32 characters');
    return env.SESSION_SECRET;
  }
  if (env.CMC_MODE === 'production')
    throw new SettingError('SESSION_SECRET', 'is required (at least 32 random characters)');
  const file = path.join(env.DATA_DIR, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function loadConfig(env: Env, now: Date = new Date()): Config {
  const caCert = readPem('MASTER_CA_FILE', env.MASTER_CA_FILE);
  parseCert('MASTER_CA_FILE', env.MASTER_CA_FILE!, caCert, now);
  const adminCert = readPem('ADMIN_CERT_FILE', env.ADMIN_CERT_FILE);
  const adminKey = readPem('ADMIN_KEY_FILE', env.ADMIN_KEY_FILE);
  checkKeyPair(
    'ADMIN_CERT_FILE',
    'ADMIN_KEY_FILE',
    env.ADMIN_CERT_FILE!,
    env.ADMIN_KEY_FILE!,
    adminCert,
    adminKey,
    now,
  );

  let tls: Config['tls'] = null;
  if (env.TLS_CERT_FILE || env.TLS_KEY_FILE) {
    const cert = readPem('TLS_CERT_FILE', env.TLS_CERT_FILE);
    const key = readPem('TLS_KEY_FILE', env.TLS_KEY_FILE);
    checkKeyPair(
      'TLS_CERT_FILE',
      'TLS_KEY_FILE',
      env.TLS_CERT_FILE!,
      env.TLS_KEY_FILE!,
      cert,
      key,
      now,
    );
    tls = { cert, key };
  }

  try {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.accessSync(env.DATA_DIR, fs.constants.W_OK);
  } catch (error) {
    throw new SettingError(
      'DATA_DIR',
      `${env.DATA_DIR} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }

  const host = env.MASTER_IP.includes(':') ? `[${env.MASTER_IP}]` : env.MASTER_IP;
  return {
    master: {
      address: `${host}:${env.MASTER_PORT}`,
      caCert,
      adminCert,
      adminKey,
      ...(env.MASTER_SERVER_NAME ? { serverName: env.MASTER_SERVER_NAME } : {}),
      keepaliveMs: env.MASTER_KEEPALIVE_MS,
    },
    host: env.HOST,
    port: env.PORT,
    dataDir: env.DATA_DIR,
    sessionSecret: sessionSecret(env),
    adminUser: env.CONSOLE_ADMIN_USER,
    adminPassword: env.CONSOLE_ADMIN_PASSWORD,
    webDistDir: env.WEB_DIST_DIR,
    tls,
    history: {
      retentionDays: env.HISTORY_RETENTION_DAYS,
      maxRows: env.HISTORY_MAX_ROWS,
      flapThreshold: env.FLAP_THRESHOLD,
      flapWindowMinutes: env.FLAP_WINDOW_MINUTES,
    },
    live: { batchWindowMs: env.LIVE_BATCH_WINDOW_MS },
    logLevel: env.LOG_LEVEL,
    redis: env.REDIS_URL ? { url: env.REDIS_URL } : null,
    mode: env.CMC_MODE,
    metrics: { token: env.METRICS_TOKEN ?? null },
  };
}
