// Scaled out, one instance evaluates: the one holding `cmc:lease:alerts` in Redis (SET NX PX, renewed
// by compare-and-PEXPIRE, released by compare-and-DEL, as the stream leases do). Every instance keeps
// its watch state current from the relayed status streams, so a new holder evaluates at once; the
// stored open alarms and the unique open-alarm index keep a hand-over from raising anything twice.
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import { releaseHeldKey, renewHeldKey, takeKey } from '../../scale/held-key.ts';

export const ALERT_LEASE_KEY = 'cmc:lease:alerts';

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
        ? await renewHeldKey(redis, ALERT_LEASE_KEY, token, ttlMs)
        : await takeKey(redis, ALERT_LEASE_KEY, token, ttlMs);
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
      await releaseHeldKey(redis, ALERT_LEASE_KEY, token).catch(() => undefined);
    },
  };
}
