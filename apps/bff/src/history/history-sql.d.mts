import type { Database } from 'better-sqlite3';

export declare const CONNECTED: number;
export declare const DISCONNECTED: number;
export declare const FAILURE: number;

export interface RetentionOptions {
  retentionMs: number;
  maxRows: number;
  pruneIntervalMs: number;
}

/** A batch in columns: per row deviceID, status, at, flags in `numbers`; gateway index in `gateways`. */
export interface PackedBatch {
  numbers: Float64Array;
  gateways: Uint32Array;
  names: string[];
}

/** Writes the whole batch or nothing (throws); `now` is the clock retention uses. */
export type PackedWrite = (batch: PackedBatch, now: number) => void;

export declare function createPackedWrite(
  db: Database.Database,
  options: RetentionOptions,
): PackedWrite;
