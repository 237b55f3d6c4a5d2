export { createGsdkClient } from './client.ts';
export { GsdkError } from './errors.ts';
export * from './names.ts';
export type * from './types.ts';
export { createGsdkConnection } from './connection.ts';
export type { GsdkConnection, GsdkConnectionOptions } from './connection.ts';
