// Scaled out, one instance evaluates: the one holding `cmc:lease:alerts` in Redis (SET NX PX, renewed
// by compare-and-PEXPIRE, released by compare-and-DEL, as the stream leases do). Every instance keeps
// its watch state current from the relayed status streams, so a new holder evaluates at once; the
// stored open alarms and the unique open-alarm index keep a hand-over from raising anything twice.
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';

export const ALERT_LEASE_KEY = 'cmc:lease:alerts';

const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('DEL', KEYS[1])
`;

export interface AlertLease {
  holding(): boolean;
  stop(): Promise<void>;
}

export function startAlertLease(options: {
  redis: Redis;
  token: string;
  logger: Logger;
  ttlMs?: number;
  renewMs?: number;
}): AlertLease {
  const ttlMs = options.ttlMs ?? 4000;
  const renewMs = options.renewMs ?? 1000;
  const { redis, token, logger } = options;
  let holding = false;
  let stopped = false;
  let lastOk = 0;

  async function step(): Promise<void> {
    try {
      const ok = holding
        ? (await redis.eval(RENEW, 1, ALERT_LEASE_KEY, token, ttlMs)) === 1
        : (await redis.set(ALERT_LEASE_KEY, token, 'PX', ttlMs, 'NX')) === 'OK';
      if (ok !== holding)
        logger.info(ok ? 'alerts: evaluating (lease taken)' : 'alerts: lease lost');
      holding = ok;
      if (ok) lastOk = Date.now();
    } catch (error) {
      // Redis unreachable for a whole ttl: another instance may hold the lease by now.
      if (holding && Date.now() - lastOk >= ttlMs) {
        holding = false;
        logger.warn('alerts: lease not renewable, evaluation stopped here', { error });
      }
    }
  }
  const timer = setInterval(() => void step(), renewMs);
  timer.unref();
  void step();

  return {
    holding: () => holding && !stopped,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (!holding) return;
      holding = false;
      await redis.eval(RELEASE, 1, ALERT_LEASE_KEY, token).catch(() => undefined);
    },
  };
}
