import { describe, expect, it } from 'vitest';
import type { RememberedDevice } from '../gateway-memory.ts';
import { PackedDevices } from '../packed-devices.ts';

const device = (deviceID: number, over: Partial<RememberedDevice> = {}): RememberedDevice => ({
  deviceID,
  IPAddr: `10.0.${deviceID >> 8}.${deviceID & 255}`,
  port: 51211,
  useSSL: false,
  autoReconnect: true,
  type: 12,
  connectionMode: 0,
  status: 1,
  ...over,
});

describe('PackedDevices', () => {
  it('gives back every field of every device, in list order', () => {
    const list = [
      device(1),
      device(4_294_967_295, { useSSL: true, autoReconnect: false, port: 0 }),
      device(300, { type: 99, connectionMode: 1, status: 11, IPAddr: 'fe80::1' }),
      device(7, { useSSL: true, autoReconnect: true, port: 65535, status: 0 }),
    ];
    const packed = new PackedDevices(list);
    expect(packed.length).toBe(4);
    expect(packed.unpack()).toEqual(list);
  });

  it('gives back any address exactly, dotted quad or not', () => {
    const odd = ['0.0.0.0', '255.255.255.255', '010.0.0.1', '1.2.3', '1.2.3.4.5', '256.1.1.1'];
    const more = ['1..2.3', '', 'fe80::1', 'host.example', '1.2.3.4 ', '1.2.3.1234', '1.2.3.'];
    const list = [...odd, ...more].map((IPAddr, i) => device(i + 1, { IPAddr }));
    expect(new PackedDevices(list).unpack().map((d) => d.IPAddr)).toEqual([...odd, ...more]);
  });

  it('packs an empty list', () => {
    expect(new PackedDevices([]).unpack()).toEqual([]);
  });
});
