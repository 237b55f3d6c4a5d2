import type { ServerWritableStream } from '@grpc/grpc-js';
import type { StatusHub } from '../world/status-hub.ts';
import { toServiceError } from './handler.ts';

/**
 * Runs a SubscribeStatus call: authorise first (an error ends the stream with its status), then
 * attach a bounded-queue subscriber until the client cancels or the server breaks the stream.
 */
export function statusStream<Req extends { queueSize: number }, Ev>(
  hub: () => StatusHub<Ev>,
  authorise: (
    call: ServerWritableStream<Req, Ev>,
  ) => Promise<{ label: string; accept: (e: Ev) => boolean }>,
): (call: ServerWritableStream<Req, Ev>) => void {
  return (call) => {
    authorise(call)
      .then(
        ({ label, accept }) => {
          if (call.cancelled) return;
          const queueSize = Math.max(0, call.request.queueSize);
          const unsubscribe = hub().subscribe(label, call, queueSize, accept);
          call.on('cancelled', unsubscribe);
          call.on('close', unsubscribe);
          call.on('error', unsubscribe);
        },
        (err: unknown) => call.emit('error', toServiceError(err)),
      )
      .catch((err: unknown) => call.emit('error', toServiceError(err)));
  };
}
