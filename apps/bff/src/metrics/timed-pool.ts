// Times every unary master RPC made through the pool's clients (cmc_master_rpc_duration_seconds),
// the same way guarded-pool.ts wraps them: every function of each service, so new RPCs are covered.
import { status as grpcStatus } from '@grpc/grpc-js';
import type { GsdkClient } from '@cmc/gsdk';
import { isGsdkError } from '../master/grpc-http.ts';
import type { MasterPool } from '../master/master-pool.ts';
import type { BffMetrics } from './registry.ts';

type Histogram = BffMetrics['rpcDuration'];

function timeService<S extends object>(service: S, serviceName: string, histogram: Histogram): S {
  // A plain object of wrappers (services are frozen, so a Proxy could not answer with wrappers).
  const timed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(service)) {
    if (typeof value !== 'function') {
      timed[name] = value;
      continue;
    }
    const method = `${serviceName}.${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    timed[name] = (...args: unknown[]) => {
      const end = histogram.startTimer({ method });
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown).apply(service, args);
      } catch (error) {
        end({ code: codeOf(error) });
        throw error;
      }
      if (!(result instanceof Promise)) {
        end({ code: 'OK' });
        return result;
      }
      return result.then(
        (reply: unknown) => {
          end({ code: 'OK' });
          return reply;
        },
        (error: unknown) => {
          end({ code: codeOf(error) });
          throw error;
        },
      );
    };
  }
  return Object.freeze(timed) as S;
}

function codeOf(error: unknown): string {
  if (!isGsdkError(error)) return 'ERROR';
  return (
    (grpcStatus as unknown as Record<number, string | undefined>)[error.code] ??
    `CODE_${error.code}`
  );
}

function timeClient(client: GsdkClient, histogram: Histogram): GsdkClient {
  return Object.assign(Object.create(client) as GsdkClient, {
    connectMaster: timeService(client.connectMaster, 'ConnectMaster', histogram),
    tenant: timeService(client.tenant, 'Tenant', histogram),
    gateway: timeService(client.gateway, 'Gateway', histogram),
  });
}

export function timedPool(pool: MasterPool, histogram: Histogram): MasterPool {
  const timed = new WeakMap<GsdkClient, GsdkClient>();
  const wrap = (client: GsdkClient): GsdkClient => {
    let found = timed.get(client);
    if (!found) {
      found = timeClient(client, histogram);
      timed.set(client, found);
    }
    return found;
  };
  return {
    ...pool,
    forTenant: (tenantID) => wrap(pool.forTenant(tenantID)),
    admin: () => wrap(pool.admin()),
  };
}
