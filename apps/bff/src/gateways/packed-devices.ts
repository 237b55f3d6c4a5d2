// A gateway's device list packed into typed arrays, for the gateway memory's "last list read while
// connected" (gateway-memory.ts). Holding the decoded lists themselves kept a second copy of every
// device object the live state already has (~100 bytes a device; docs/bff-memory-notes.md); packed,
// a device costs 17 bytes plus a reference to its address string, which the live state shares.
import type { RememberedDevice } from './gateway-memory.ts';

const SSL = 1;
const AUTO_RECONNECT = 2;

export class PackedDevices {
  private readonly ids: Uint32Array;
  private readonly ports: Int32Array;
  /** type, connectionMode and status of device i at 3i, 3i+1, 3i+2 */
  private readonly enums: Int32Array;
  private readonly flags: Uint8Array;
  private readonly addresses: string[];

  constructor(list: readonly RememberedDevice[]) {
    const n = list.length;
    this.ids = new Uint32Array(n);
    this.ports = new Int32Array(n);
    this.enums = new Int32Array(n * 3);
    this.flags = new Uint8Array(n);
    this.addresses = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const d = list[i]!;
      this.ids[i] = d.deviceID;
      this.ports[i] = d.port;
      this.enums[3 * i] = d.type;
      this.enums[3 * i + 1] = d.connectionMode;
      this.enums[3 * i + 2] = d.status;
      this.flags[i] = (d.useSSL ? SSL : 0) | (d.autoReconnect ? AUTO_RECONNECT : 0);
      this.addresses[i] = d.IPAddr;
    }
  }

  get length(): number {
    return this.ids.length;
  }

  /** The devices as plain objects again (rare: the gateway left the master). */
  unpack(): RememberedDevice[] {
    const out = new Array<RememberedDevice>(this.ids.length);
    for (let i = 0; i < out.length; i++)
      out[i] = {
        deviceID: this.ids[i]!,
        IPAddr: this.addresses[i]!,
        port: this.ports[i]!,
        useSSL: (this.flags[i]! & SSL) !== 0,
        autoReconnect: (this.flags[i]! & AUTO_RECONNECT) !== 0,
        type: this.enums[3 * i]!,
        connectionMode: this.enums[3 * i + 1]!,
        status: this.enums[3 * i + 2]!,
      };
    return out;
  }
}
