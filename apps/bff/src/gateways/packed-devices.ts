// A gateway's device list packed into typed arrays, for the gateway memory's "last list read while
// connected" (gateway-memory.ts). Holding the decoded lists themselves kept a second copy of every
// device object the live state already has (~100 bytes a device; docs/bff-memory-notes.md); packed,
// a device costs 25 bytes. An IPv4 address is kept as its 32-bit number (the decoded string would
// stay alive otherwise: the live state keeps the string of the read that first saw the device).
import type { RememberedDevice } from './gateway-memory.ts';

const SSL = 1;
const AUTO_RECONNECT = 2;

/**
 * The address as a number when it is a dotted quad that prints back exactly (no leading zeros),
 * else undefined. By character codes: it runs for every device on every re-read.
 */
function ipv4Number(ip: string): number | undefined {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46; // a final '.' closes the last octet
    if (c === 46) {
      if (digits === 0 || octet > 255) return undefined;
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined; // "01"
      octet = octet * 10 + (c - 48);
      if (++digits > 3) return undefined;
    } else return undefined;
  }
  return dots === 4 ? n : undefined;
}

const ipv4Text = (n: number): string =>
  `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

export class PackedDevices {
  private readonly ids: Uint32Array;
  private readonly ports: Int32Array;
  /** type, connectionMode and status of device i at 3i, 3i+1, 3i+2 */
  private readonly enums: Int32Array;
  private readonly flags: Uint8Array;
  private readonly ipv4: Uint32Array;
  /** Addresses that are not plain IPv4, by position (rare). */
  private readonly otherAddresses = new Map<number, string>();

  constructor(list: readonly RememberedDevice[]) {
    const n = list.length;
    this.ids = new Uint32Array(n);
    this.ports = new Int32Array(n);
    this.enums = new Int32Array(n * 3);
    this.flags = new Uint8Array(n);
    this.ipv4 = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const d = list[i]!;
      this.ids[i] = d.deviceID;
      this.ports[i] = d.port;
      this.enums[3 * i] = d.type;
      this.enums[3 * i + 1] = d.connectionMode;
      this.enums[3 * i + 2] = d.status;
      this.flags[i] = (d.useSSL ? SSL : 0) | (d.autoReconnect ? AUTO_RECONNECT : 0);
      const ip = ipv4Number(d.IPAddr);
      if (ip === undefined) this.otherAddresses.set(i, d.IPAddr);
      else this.ipv4[i] = ip;
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
        IPAddr: this.otherAddresses.get(i) ?? ipv4Text(this.ipv4[i]!),
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
