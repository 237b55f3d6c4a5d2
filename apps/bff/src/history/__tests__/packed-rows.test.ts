// The worker writer's queue in columns: rows come out in order with their status flags, grow past
// the first allocation, go back in front after a failed write, and the oldest can be dropped.
import { describe, expect, it } from 'vitest';
import { CONNECTED, DISCONNECTED, FAILURE } from '../history-sql.mjs';
import { PackedRows } from '../packed-rows.ts';

const row = (i: number, status = 1) => ({
  deviceID: i,
  gatewayID: `gw${i % 3}`,
  status,
  at: 1000 + i,
});

function rowsOf(batch: ReturnType<PackedRows['take']>) {
  return Array.from(batch.gateways, (g, i) => ({
    deviceID: batch.numbers[i * 4],
    gatewayID: batch.names[g],
    status: batch.numbers[i * 4 + 1],
    at: batch.numbers[i * 4 + 2],
    flags: batch.numbers[i * 4 + 3],
  }));
}

describe('PackedRows', () => {
  it('hands rows out in order, with the flags the SQL needs', () => {
    const q = new PackedRows();
    q.push(row(1, 1));
    q.push(row(2, 0));
    q.push(row(3, 0x101));
    const out = rowsOf(q.take());
    expect(q.length).toBe(0);
    expect(out).toEqual([
      { deviceID: 1, gatewayID: 'gw1', status: 1, at: 1001, flags: CONNECTED },
      { deviceID: 2, gatewayID: 'gw2', status: 0, at: 1002, flags: DISCONNECTED },
      { deviceID: 3, gatewayID: 'gw0', status: 0x101, at: 1003, flags: FAILURE },
    ]);
  });

  it('grows, puts a failed batch back in front and drops the oldest', () => {
    const q = new PackedRows();
    for (let i = 0; i < 3000; i++) q.push(row(i));
    const failed = q.take();
    q.push(row(5000));
    q.push(row(5001));
    q.unshift(failed);
    expect(q.length).toBe(3002);
    // A batch for the worker is at most maxBatch rows, the oldest first; the rest stay queued.
    expect(rowsOf(q.take(2)).map((r) => r.deviceID)).toEqual([0, 1]);
    expect(q.length).toBe(3000);
    q.dropOldest(2997);
    expect(rowsOf(q.take()).map((r) => r.deviceID)).toEqual([2999, 5000, 5001]);
  });
});
