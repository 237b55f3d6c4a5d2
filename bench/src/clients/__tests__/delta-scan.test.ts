import { describe, expect, it } from 'vitest';
import { DeviceStatus } from '@cmc/gsdk/names';
import { gatewayHash, scanDeltas, type DeltaTarget } from '../delta-scan.ts';

class Collect implements DeltaTarget {
  changes: Array<[number, number]> = [];
  deltas: Array<[number, number]> = [];
  onChange(deviceID: number, status: number): void {
    this.changes.push([deviceID, status]);
  }
  onDelta(gateway: number, seq: number): void {
    this.deltas.push([gateway, seq]);
  }
}

const frame = (payload: unknown): Buffer => Buffer.from(`42${JSON.stringify(['deltas', payload])}`);

function scan(payload: unknown): Collect {
  const c = new Collect();
  scanDeltas(frame(payload), c);
  return c;
}

describe('scanDeltas', () => {
  it('reads every change and delta as JSON.parse would, in frame order', () => {
    const payload = {
      deltas: [
        {
          gatewayID: 'gw-0001',
          seq: 41,
          changes: [
            {
              deviceID: 540001,
              gatewayID: 'gw-0001',
              status: 'TCP_CONNECTED',
              at: 1764597000123.5,
            },
            { deviceID: 7, gatewayID: 'gw-0001', status: 'TLS_NOT_ALLOWED', at: 1 },
          ],
        },
        { gatewayID: 'gw-0002', seq: 9, changes: [] },
      ],
    };
    const c = scan(payload);
    expect(c.changes).toEqual([
      [540001, DeviceStatus.TCP_CONNECTED],
      [7, DeviceStatus.TLS_NOT_ALLOWED],
    ]);
    expect(c.deltas).toEqual([
      [gatewayHash('gw-0001'), 41],
      [gatewayHash('gw-0002'), 9],
    ]);
  });

  it('takes keys in any order and skips the ones it does not need (added rows, nested values)', () => {
    const c = scan({
      deltas: [
        {
          changes: [{ at: 2, status: 'DISCONNECTED', note: 'a "quoted" ]}', deviceID: 3 }],
          added: [{ deviceID: 99, status: 'TCP_CONNECTED', extra: { a: [1, { b: '}' }] } }],
          removed: [4, 5],
          gateway: { connected: false, at: 3 },
          seq: 2,
          gatewayID: 'gw-[7]',
        },
      ],
      other: [1, 2],
    });
    // The added row is not a change: only the change is logged.
    expect(c.changes).toEqual([[3, DeviceStatus.DISCONNECTED]]);
    expect(c.deltas).toEqual([[gatewayHash('gw-[7]'), 2]]);
  });

  it('throws on what it cannot read instead of miscounting', () => {
    expect(() =>
      scan({ deltas: [{ gatewayID: 'g', seq: 1, changes: [{ deviceID: 1 }] }] }),
    ).toThrow(/without deviceID or status/);
    expect(() =>
      scan({ deltas: [{ gatewayID: 'g', seq: 1, changes: [{ deviceID: 1, status: 'NEW' }] }] }),
    ).toThrow(/unknown status name/);
    expect(() => scan({ deltas: [{ gatewayID: 'g', changes: [] }] })).toThrow(
      /without gatewayID or seq/,
    );
    expect(() => scan({ deltas: [{ gatewayID: 'g"1', seq: 1, changes: [] }] })).toThrow(/escaped/);
    expect(() => scanDeltas(Buffer.from('42["deltas",{"deltas":[]'), new Collect())).toThrow(
      /expected/,
    );
    expect(() => scanDeltas(Buffer.from('42["delta",{}]'), new Collect())).toThrow(/not a deltas/);
  });
});
