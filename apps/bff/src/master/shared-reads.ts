// Concurrent identical reads of the master share one call. A page that loads the device list and
// the gateway summaries together (and a second user doing the same) would otherwise read every
// gateway's device list once per request: at 100 gateways and 10,000 devices each read is ~60 ms
// of master and BFF work (bench/README.md).
//
// What may be shared, and with whom:
// - Only calls still in flight. A read that has answered is never handed out again, so nothing is
//   served staler than a read that was already under way when the caller asked.
// - Only under the same tenant token (the pool's client of that tenant): the master scopes every
//   answer to the token's tenant, so one tenant's read never answers another's. Each caller's own
//   access check (gateway-access.ts) still runs before it reads.
// - Never across one of this console's own changes: any call that is not a read (connect,
//   disconnect, set..., tenant changes) starts a new generation at its start and at its end, and a
//   read only joins a read of its own generation. A list asked for after a change has answered
//   (e.g. the refresh after a bulk action) is read after it.
// - Only calls without options: a caller's own deadline or AbortSignal stays its own.
import type { MasterPool } from './master-pool.ts';
import { settle, wrapPool } from './wrap-pool.ts';

/** The reads a page load repeats: every gateway's device list, and the master's gateway list. */
const SHARED_RPCS = new Set(['ConnectMaster.GetDeviceList', 'Gateway.GetList']);

/** Master RPCs that change nothing are all named Get...; everything else may change what is read. */
const isRead = (rpc: string) => rpc.slice(rpc.indexOf('.') + 1).startsWith('Get');

export interface SharedReadsPool extends MasterPool {
  /** Calls in flight that later identical calls can join (for tests and diagnostics). */
  readonly inFlight: number;
}

export function sharedReads(
  pool: MasterPool,
  /** Told of every read that joined one in flight instead of calling the master. */
  onJoin: (rpc: string) => void = () => {},
): SharedReadsPool {
  let generation = 0;
  const inFlight = new Map<string, Promise<unknown>>();
  const wrapped = wrapPool(pool, (rpc, call, { tenantID, args }) => {
    if (!isRead(rpc)) {
      generation += 1;
      return settle(call).finally(() => {
        generation += 1;
      });
    }
    if (!SHARED_RPCS.has(rpc) || args.length > 1) return call();
    const key = `${generation}\n${tenantID}\n${rpc}\n${JSON.stringify(args[0] ?? {})}`;
    const joined = inFlight.get(key);
    if (joined) {
      onJoin(rpc);
      return joined;
    }
    const read = settle(call).finally(() => inFlight.delete(key));
    inFlight.set(key, read);
    return read;
  });
  return {
    ...wrapped,
    invalidate() {
      // Gateways moved between tenants: a read under the old map answers for the old owner.
      generation += 1;
      pool.invalidate();
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}
