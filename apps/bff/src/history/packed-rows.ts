// The history rows waiting for the worker, kept as columns in typed arrays instead of one object
// per change: under churn they wait up to a flush interval (250 ms), long enough to survive a
// scavenge or two and be promoted, so objects here were old-generation garbage (issue 12). A batch
// is copied out as a PackedBatch (history-sql.d.mts) and can be put back in front after a failure.
import { DeviceStatus, isConnectedStatus, isFailureStatus } from '@cmc/gsdk/names';
import { CONNECTED, DISCONNECTED, FAILURE, type PackedBatch } from './history-sql.mjs';
import type { StatusChangeRecord } from './history-store.ts';

const WIDTH = 4; // deviceID, status, at, flags

export function statusFlags(status: number): number {
  return (
    (isConnectedStatus(status) ? CONNECTED : 0) |
    (status === DeviceStatus.DISCONNECTED ? DISCONNECTED : 0) |
    (isFailureStatus(status) ? FAILURE : 0)
  );
}

export class PackedRows {
  private numbers = new Float64Array(1024 * WIDTH);
  private gateways = new Uint32Array(1024);
  /** Gateway IDs by index; only grows (a few hundred gateways), shared by every batch. */
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  length = 0;

  push(row: StatusChangeRecord): void {
    this.reserve(this.length + 1);
    let g = this.index.get(row.gatewayID);
    if (g === undefined) this.index.set(row.gatewayID, (g = this.names.push(row.gatewayID) - 1));
    const at = this.length * WIDTH;
    this.numbers[at] = row.deviceID;
    this.numbers[at + 1] = row.status;
    this.numbers[at + 2] = row.at;
    this.numbers[at + 3] = statusFlags(row.status);
    this.gateways[this.length] = g;
    this.length += 1;
  }

  /** Copies the oldest `max` rows out (the copy is what travels to the worker) and drops them here. */
  take(max = this.length): PackedBatch {
    const n = Math.min(max, this.length);
    const batch: PackedBatch = {
      numbers: this.numbers.slice(0, n * WIDTH),
      gateways: this.gateways.slice(0, n),
      names: this.names.slice(),
    };
    this.dropOldest(n);
    return batch;
  }

  /** Puts a batch taken earlier back in front of the rows queued since. */
  unshift(batch: PackedBatch): void {
    const n = batch.gateways.length;
    this.reserve(this.length + n);
    this.numbers.copyWithin(n * WIDTH, 0, this.length * WIDTH);
    this.gateways.copyWithin(n, 0, this.length);
    this.numbers.set(batch.numbers, 0);
    this.gateways.set(batch.gateways, 0); // same indices: the name table only grows
    this.length += n;
  }

  /** Drops the oldest `count` rows. */
  dropOldest(count: number): void {
    const n = Math.min(count, this.length);
    this.numbers.copyWithin(0, n * WIDTH, this.length * WIDTH);
    this.gateways.copyWithin(0, n, this.length);
    this.length -= n;
  }

  private reserve(rows: number): void {
    if (rows <= this.gateways.length) return;
    let size = this.gateways.length;
    while (size < rows) size *= 2;
    const numbers = new Float64Array(size * WIDTH);
    numbers.set(this.numbers.subarray(0, this.length * WIDTH));
    const gateways = new Uint32Array(size);
    gateways.set(this.gateways.subarray(0, this.length));
    this.numbers = numbers;
    this.gateways = gateways;
  }
}
