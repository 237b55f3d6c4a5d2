// Is the master answering? A small probe (Gateway.GetList with a short deadline) every few seconds
// says so. While it does not answer, REST calls to it fail at once (guarded-pool.ts) instead of each
// waiting for its deadline, and the live hub shows the gateways degraded; the next answer ends both.
// The probe also keeps the shared connection's keep-alive pings acceptable to a master with a strict
// ping policy: a ping after a response is never counted as a strike (docs/live-status.md).
import { status as GrpcStatus } from '@grpc/grpc-js';
import { GsdkError } from '@cmc/gsdk';
import type { Logger } from '../logger.ts';
import { isGsdkError } from './grpc-http.ts';

export interface MasterDown {
  /** Epoch ms of the first probe that went unanswered. */
  since: number;
  reason: string;
}

export interface MasterLiveness {
  /** null while the master answers. */
  down(): MasterDown | null;
  /** Rejects at once while the master is known down (the fast-fail of REST calls). */
  check(rpc: string): void;
  onChange(listener: (down: MasterDown | null) => void): () => void;
  start(): void;
  stop(): void;
}

export interface MasterLivenessOptions {
  /** One cheap call to the master with the given deadline. */
  probe(deadlineMs: number): Promise<unknown>;
  logger: Logger;
  /** Between probes while the master answers (default 3,000: below the 5 s keep-alive ping). */
  intervalMs?: number;
  /**
   * Between probes after one went unanswered, so a hang is confirmed (and a recovery seen) within
   * about a second (default 1,000).
   */
  downIntervalMs?: number;
  /** Deadline of one probe (default 2,500). */
  timeoutMs?: number;
  /** Unanswered probes in a row that make the master "down" (default 2). */
  confirmations?: number;
}

/** "03:41:07 UTC" */
export function clockTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(11, 19)} UTC`;
}

// Only "no answer" means down: a refusal (bad token, permission) is an answer.
const unanswered = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

export function createMasterLiveness(options: MasterLivenessOptions): MasterLiveness {
  const intervalMs = options.intervalMs ?? 3_000;
  const downIntervalMs = options.downIntervalMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_500;
  const confirmations = options.confirmations ?? 2;
  const listeners = new Set<(down: MasterDown | null) => void>();
  let state: MasterDown | null = null;
  /** Unanswered probes in a row, and when the first of them started. */
  let misses = 0;
  let firstMissAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  function set(next: MasterDown | null): void {
    if ((state === null) === (next === null)) return;
    state = next;
    if (next)
      options.logger.warn('master not answering', { since: next.since, reason: next.reason });
    else options.logger.info('master answering again');
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (error) {
        options.logger.error('master liveness listener failed', { error });
      }
    }
  }

  async function probeOnce(): Promise<void> {
    const started = Date.now();
    try {
      await options.probe(timeoutMs);
      if (!running) return;
      misses = 0;
      set(null);
    } catch (error) {
      // Stopped meanwhile (shutdown closes the connection under the probe): no verdict.
      if (!running) return;
      // Not a master answer at all (a bug, a closed pool): no verdict either way.
      if (!isGsdkError(error)) return options.logger.warn('master probe failed', { error });
      if (!unanswered.has(error.code)) {
        misses = 0;
        return set(null);
      }
      if (misses === 0) firstMissAt = started;
      misses += 1;
      // One slow answer on a loaded machine is not a hung master: it takes `confirmations` in a row.
      if (misses < confirmations) return;
      const reason =
        error.code === GrpcStatus.DEADLINE_EXCEEDED
          ? `no answer within ${timeoutMs / 1000} s`
          : `unreachable: ${error.details.split('. ')[0]}`;
      set(state ?? { since: firstMissAt, reason });
    }
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(
      () => void probeOnce().finally(schedule),
      state || misses > 0 ? downIntervalMs : intervalMs,
    );
    timer.unref();
  }

  return {
    down: () => state,
    check(rpc) {
      if (!state) return;
      throw new GsdkError(
        GrpcStatus.UNAVAILABLE,
        `not answering since ${clockTime(state.since)} (${state.reason})`,
        rpc,
      );
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
  };
}
