// The master pool as the REST routes see it: while the master is known not to answer
// (master-liveness.ts), every unary call rejects at once with UNAVAILABLE naming since when, so a
// request answers 503 in milliseconds instead of a 504 after the full deadline. Streams and the live
// hub use the unguarded pool: their reads after a recovery must not be refused by a stale verdict.
import type { MasterLiveness } from './master-liveness.ts';
import type { MasterPool } from './master-pool.ts';
import { wrapPool } from './wrap-pool.ts';

type Guard = Pick<MasterLiveness, 'check'>;

export function guardedPool(pool: MasterPool, guard: Guard): MasterPool {
  return wrapPool(pool, (rpc, call) => {
    try {
      guard.check(rpc);
    } catch (error) {
      return Promise.reject(error);
    }
    return call();
  });
}
