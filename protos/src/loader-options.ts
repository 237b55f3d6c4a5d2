import type { Options } from '@grpc/proto-loader';

/**
 * The one set of proto-loader options: the runtime loader and the type generator both use it, so
 * the generated types describe exactly the objects grpc-js hands us.
 * - keepCase: G-SDK field names such as `IPAddr` and `deviceIDs` stay as on the wire.
 * - enums as numbers: several G-SDK enums alias values (DEFAULT = SERVER_TO_DEVICE = 0), which
 *   would make string names ambiguous; readable names come from `@cmc/gsdk`'s name maps.
 * - longs as strings: int64 serial numbers exceed 2^53.
 * - defaults/arrays: proto3 omits zero values; we want every field present.
 */
export const loaderOptions = {
  keepCase: true,
  longs: String,
  enums: Number,
  defaults: true,
  arrays: true,
  oneofs: true,
} satisfies Options;
