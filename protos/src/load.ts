import { fileURLToPath } from 'node:url';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { loaderOptions } from './loader-options.ts';
import type { ProtoGrpcType as ConnectMasterGrpc } from './generated/connect_master.ts';
import type { ProtoGrpcType as LoginGrpc } from './generated/login.ts';
import type { ProtoGrpcType as TenantGrpc } from './generated/tenant.ts';
import type { ProtoGrpcType as GatewayGrpc } from './generated/gateway.ts';

export const protoDir = fileURLToPath(new URL('..', import.meta.url));

export const protoFiles = [
  'connect_master.proto',
  'connect.proto',
  'device.proto',
  'err.proto',
  'login.proto',
  'tenant.proto',
  'cert.proto',
  'gateway.proto',
] as const;

export type GsdkGrpc = ConnectMasterGrpc & LoginGrpc & TenantGrpc & GatewayGrpc;

let cached: { definition: PackageDefinition; grpc: GsdkGrpc } | undefined;

/** Loads protos/ once per process with the shared loader options. */
export function loadGsdk(): { definition: PackageDefinition; grpc: GsdkGrpc } {
  if (!cached) {
    const definition = loadSync([...protoFiles], { ...loaderOptions, includeDirs: [protoDir] });
    cached = { definition, grpc: loadPackageDefinition(definition) as unknown as GsdkGrpc };
  }
  return cached;
}
