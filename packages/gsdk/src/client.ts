import type { GsdkClient, GsdkClientOptions } from './types.ts';
export declare function createGsdkClient(options: GsdkClientOptions): GsdkClient;
