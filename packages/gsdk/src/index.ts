export { createGsdkClient } from './client.ts';
export { GsdkError } from './errors.ts';
export * from './names.ts';
export type * from './types.ts';
