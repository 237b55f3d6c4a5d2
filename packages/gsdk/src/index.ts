export { createGsdkClient } from './client.ts';
export { GsdkError } from './errors.ts';
// The BFF's leased subscription buffers relayed events with the same queue.
export { EventQueue } from './event-queue.ts';
export * from './names.ts';
export type * from './types.ts';
export { createGsdkConnection } from './connection.ts';
export type { GsdkConnection, GsdkConnectionOptions } from './connection.ts';
