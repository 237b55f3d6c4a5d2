// Times every unary master RPC made through the pool's clients (cmc_master_rpc_duration_seconds).
import { status as grpcStatus } from '@grpc/grpc-js';
import { isGsdkError } from '../master/grpc-http.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { wrapPool } from '../master/wrap-pool.ts';
import type { BffMetrics } from './registry.ts';

type Histogram = BffMetrics['rpcDuration'];

function codeOf(error: unknown): string {
  if (!isGsdkError(error)) return 'ERROR';
  return (
    (grpcStatus as unknown as Record<number, string | undefined>)[error.code] ??
    `CODE_${error.code}`
  );
}

export function timedPool(pool: MasterPool, histogram: Histogram): MasterPool {
  return wrapPool(pool, (method, call) => {
    const end = histogram.startTimer({ method });
    let result: unknown;
    try {
      result = call();
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
  });
}
