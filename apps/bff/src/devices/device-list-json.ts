// The body of a device-list reply, from rows whose JSON is cached: the same bytes JSON.stringify
// would give for the DeviceList (tested), copied into one buffer instead of serialising every row
// again and converting a 3 MB string (bench/README.md, "Device list").
import type { DeviceList } from '@cmc/api';
import { JsonBytes } from '../http/json-bytes.ts';
import type { RenderedRow } from './device-row-cache.ts';

export type RenderedDeviceList = Omit<DeviceList, 'items'> & { items: readonly RenderedRow[] };

const COMMA = 0x2c;

export function deviceListJson(list: RenderedDeviceList): JsonBytes {
  const { items, ...rest } = list;
  const head = '{"items":[';
  // rest is a non-empty object, so its text is "{...}": it follows the items after "],".
  const tail = `],${JSON.stringify(rest).slice(1)}`;
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.max(items.length - 1, 0);
  for (const r of items) size += r.bytes.length;
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[at++] = COMMA;
    at += items[i]!.bytes.copy(out, at);
  }
  at += out.write(tail, at);
  if (at !== size) throw new Error(`device list body: wrote ${at} of ${size} bytes`);
  return new JsonBytes(out);
}
