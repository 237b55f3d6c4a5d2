import { status as GrpcStatus } from '@grpc/grpc-js';

/** The one error every @cmc/gsdk call rejects with: the gRPC code plus the server's message. */
export class GsdkError extends Error {
  override readonly name = 'GsdkError';
  constructor(
    /** grpc-js status code (e.g. 5 NOT_FOUND, 16 UNAUTHENTICATED). */
    readonly code: number,
    /** The server's own message (`details`), unchanged. */
    readonly details: string,
    /** The RPC that failed, e.g. `ConnectMaster.Connect`. */
    readonly rpc: string,
  ) {
    super(`${rpc}: ${GrpcStatus[code] ?? `code ${code}`}: ${details}`);
  }

  get codeName(): string {
    return GrpcStatus[this.code] ?? `UNKNOWN_CODE_${this.code}`;
  }
}
