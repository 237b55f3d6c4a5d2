import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import { createHistoryStore, type HistoryStoreOptions } from '../history-store.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-20T10:00:00Z');

let dir: string;
let db: Db;
let clock: number;
/** Every test runs with each writer: the worker thread (file databases) and the in-thread one. */
let writer: 'inline' | 'worker';

const options = (over: Partial<HistoryStoreOptions> = {}): HistoryStoreOptions => ({
  retentionDays: 30,
  maxRows: 100_000,
  flapThreshold: 3,
  flapWindowMinutes: 5,
  flushIntervalMs: 20,
  now: () => clock,
  writer,
  ...over,
});

const rows = () =>
  db.prepare('SELECT device_id, gateway_id, status, at FROM status_changes ORDER BY id').all();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmc-history-'));
  db = openDatabase(path.join(dir, 'history.db'));
  clock = T0;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(['inline', 'worker'] as const)('history store, %s writer', (mode) => {
  beforeEach(() => {
    writer = mode;
  });

  describe('batching', () => {
    it('holds changes in memory until the flush interval, then writes them in one go', async () => {
      const store = createHistoryStore(db, options({ flushIntervalMs: 30 }));
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 });
      store.record({ deviceID: 2, gatewayID: 'gw1', status: 2, at: T0 + 1 });
      expect(rows()).toHaveLength(0);
      // The worker thread starts first (a few hundred ms under tsx), so it gets a longer wait.
      await vi.waitFor(() => expect(rows()).toHaveLength(2), {
        timeout: mode === 'worker' ? 10_000 : 80,
        interval: 10,
      });
      expect(rows()).toEqual([
        { device_id: 1, gateway_id: 'gw1', status: 1, at: T0 },
        { device_id: 2, gateway_id: 'gw1', status: 2, at: T0 + 1 },
      ]);
      await store.close();
    });

    it('flushes at once when maxBatch changes wait', async () => {
      const store = createHistoryStore(db, options({ flushIntervalMs: 60_000, maxBatch: 10 }));
      for (let i = 1; i <= 25; i++)
        store.record({ deviceID: i, gatewayID: 'gw1', status: 1, at: T0 + i });
      // Two full batches go at once (the worker writes them one after the other); the last 5 rows
      // wait for the interval (60 s) or the close.
      if (mode === 'inline') expect(rows()).toHaveLength(20);
      else
        await vi.waitFor(() => expect(rows()).toHaveLength(20), { timeout: 10_000, interval: 10 });
      await store.close();
      expect(rows()).toHaveLength(25);
    });

    it('skips an observation equal to the last known status, also across a restart', async () => {
      let store = createHistoryStore(db, options());
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 1, at: T0 });
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 1, at: T0 + 5 });
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 0, at: T0 + 9 });
      await store.close();
      store = createHistoryStore(db, options());
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 0, at: T0 + 20 });
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 2, at: T0 + 30 });
      await store.close();
      expect(rows()).toEqual([
        { device_id: 7, gateway_id: 'gw1', status: 1, at: T0 },
        { device_id: 7, gateway_id: 'gw1', status: 0, at: T0 + 9 },
        { device_id: 7, gateway_id: 'gw1', status: 2, at: T0 + 30 },
      ]);
    });

    it('rejects bad input with the field named and keeps working', async () => {
      const store = createHistoryStore(db, options());
      expect(() => store.record({ deviceID: -1, gatewayID: 'gw1', status: 1, at: T0 })).toThrow(
        /deviceID must be a uint32/,
      );
      expect(() =>
        store.record({ deviceID: 2 ** 32, gatewayID: 'gw1', status: 1, at: T0 }),
      ).toThrow(/deviceID/);
      expect(() => store.record({ deviceID: 1, gatewayID: '', status: 1, at: T0 })).toThrow(
        /gatewayID/,
      );
      expect(() => store.record({ deviceID: 1, gatewayID: 'gw1', status: 1.5, at: T0 })).toThrow(
        /status/,
      );
      expect(() =>
        store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: Number.NaN }),
      ).toThrow(/at must be/);
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 });
      await store.flushed();
      expect(rows()).toHaveLength(1);
      await store.close();
    });

    it('refuses bad options at creation', async () => {
      expect(() => createHistoryStore(db, options({ retentionDays: 0 }))).toThrow(/retentionDays/);
      expect(() => createHistoryStore(db, options({ maxRows: 0 }))).toThrow(/maxRows/);
      expect(() => createHistoryStore(db, options({ flapThreshold: 0 }))).toThrow(/flap threshold/);
    });
  });

  describe('retention', () => {
    it('keeps at most maxRows, dropping the oldest', async () => {
      const store = createHistoryStore(db, options({ maxRows: 10 }));
      for (let i = 0; i < 25; i++)
        store.record({ deviceID: 1, gatewayID: 'gw1', status: i % 2, at: T0 + i });
      await store.flushed();
      const kept = rows() as Array<{ at: number }>;
      expect(kept).toHaveLength(10);
      expect(kept[0]?.at).toBe(T0 + 15);
      expect(kept[9]?.at).toBe(T0 + 24);
      await store.close();
    });

    it('drops rows older than retentionDays on a flush, but keeps the device facts', async () => {
      const store = createHistoryStore(db, options({ retentionDays: 2, pruneIntervalMs: 0 }));
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 - 5 * DAY });
      store.record({ deviceID: 2, gatewayID: 'gw1', status: 1, at: T0 - 1 * DAY });
      await store.flushed();
      expect((rows() as Array<{ device_id: number }>).map((r) => r.device_id)).toEqual([2]);
      expect(store.facts([1]).get(1)?.lastConnectedAt).toBe(new Date(T0 - 5 * DAY).toISOString());
      await store.close();
    });

    it('prunes by age at most once per pruneIntervalMs', async () => {
      const store = createHistoryStore(
        db,
        options({ retentionDays: 1, pruneIntervalMs: 10 * MIN }),
      );
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 - 3 * DAY });
      await store.flushed(); // first flush prunes (and removes the old row at once)
      expect(rows()).toHaveLength(0);
      store.record({ deviceID: 2, gatewayID: 'gw1', status: 1, at: T0 - 3 * DAY });
      clock += MIN;
      await store.flushed();
      expect(rows()).toHaveLength(1);
      clock += 10 * MIN;
      store.record({ deviceID: 3, gatewayID: 'gw1', status: 1, at: clock });
      await store.flushed();
      expect((rows() as Array<{ device_id: number }>).map((r) => r.device_id)).toEqual([3]);
      await store.close();
    });
  });

  describe('facts', () => {
    it('tracks last connected, last disconnected and the last failure by name', async () => {
      const store = createHistoryStore(db, options({ flapThreshold: 10 }));
      store.record({ deviceID: 5, gatewayID: 'gw1', status: 2, at: T0 });
      store.record({ deviceID: 5, gatewayID: 'gw1', status: 0, at: T0 + MIN });
      store.record({ deviceID: 5, gatewayID: 'gw1', status: 0x101, at: T0 + 2 * MIN });
      store.record({ deviceID: 5, gatewayID: 'gw1', status: 1, at: T0 + 3 * MIN });
      const facts = store.facts([5, 6]);
      expect(facts.get(5)).toEqual({
        lastConnectedAt: new Date(T0 + 3 * MIN).toISOString(),
        lastDisconnectedAt: new Date(T0 + MIN).toISOString(),
        lastFailure: 'TCP_NOT_ALLOWED',
        flapping: false,
      });
      expect(facts.get(6)).toEqual({
        lastConnectedAt: null,
        lastDisconnectedAt: null,
        lastFailure: null,
        flapping: false,
      });
      await store.close();
    });

    it('keeps facts in memory without a flush and reloads the same facts from SQLite after a restart', async () => {
      let store = createHistoryStore(db, options({ flapThreshold: 10, flushIntervalMs: 60_000 }));
      store.record({ deviceID: 7, gatewayID: 'gw1', status: 1, at: T0 });
      store.record({ deviceID: 7, gatewayID: 'gw2', status: 0x101, at: T0 + MIN });
      expect(rows()).toEqual([]); // nothing written yet: facts() and gatewayOf() answer from memory
      const before = store.facts([7]).get(7);
      expect(before).toEqual({
        lastConnectedAt: new Date(T0).toISOString(),
        lastDisconnectedAt: null,
        lastFailure: 'TCP_NOT_ALLOWED',
        flapping: false,
      });
      expect(store.gatewayOf(7)).toBe('gw2');
      await store.close();
      store = createHistoryStore(db, options({ flapThreshold: 10 }));
      expect(store.facts([7]).get(7)).toEqual(before);
      expect(store.gatewayOf(7)).toBe('gw2');
      store.record({ deviceID: 7, gatewayID: 'gw2', status: 0, at: T0 + 2 * MIN });
      expect(store.facts([7]).get(7)).toEqual({
        ...before,
        lastDisconnectedAt: new Date(T0 + 2 * MIN).toISOString(),
      });
      await store.close();
    });

    it('observe() keeps the facts current but writes nothing (another instance writes the table)', async () => {
      const store = createHistoryStore(db, options({ flushIntervalMs: 1 }));
      store.observe({ deviceID: 9, gatewayID: 'gw3', status: 2, at: T0 });
      store.observe({ deviceID: 9, gatewayID: 'gw3', status: 0x200, at: T0 + MIN });
      await store.flushed();
      expect(rows()).toEqual([]);
      expect(store.gatewayOf(9)).toBe('gw3');
      expect(store.facts([9]).get(9)).toMatchObject({
        lastConnectedAt: new Date(T0).toISOString(),
        lastFailure: 'TLS_CANNOT_CONNECT',
      });
      await store.close();
    });

    it('answers for more devices than one SQL IN list holds', async () => {
      const store = createHistoryStore(db, options({ maxBatch: 2000 }));
      for (let i = 1; i <= 1200; i++)
        store.record({ deviceID: i, gatewayID: 'gw1', status: 1, at: T0 + i });
      const facts = store.facts(Array.from({ length: 1200 }, (_, i) => i + 1));
      expect(facts.size).toBe(1200);
      expect(facts.get(1200)?.lastConnectedAt).toBe(new Date(T0 + 1200).toISOString());
      await store.close();
    });
  });

  describe('flapping', () => {
    it('flags more than flapThreshold changes within the window, and clears when they age out', async () => {
      const store = createHistoryStore(db, options({ flapThreshold: 3, flapWindowMinutes: 5 }));
      for (let i = 0; i < 3; i++)
        store.record({ deviceID: 9, gatewayID: 'gw1', status: i % 2 ? 0 : 1, at: T0 + i * MIN });
      clock = T0 + 3 * MIN;
      expect(store.facts([9]).get(9)?.flapping).toBe(false); // exactly 3: not more than the threshold
      store.record({ deviceID: 9, gatewayID: 'gw1', status: 0, at: T0 + 3 * MIN });
      expect(store.facts([9]).get(9)?.flapping).toBe(true);
      clock = T0 + 5 * MIN + 1; // the first change is now outside the window
      expect(store.facts([9]).get(9)?.flapping).toBe(false);
      await store.close();
    });

    it('does not count changes spread wider than the window', async () => {
      const store = createHistoryStore(db, options({ flapThreshold: 3, flapWindowMinutes: 5 }));
      for (let i = 0; i < 10; i++)
        store.record({ deviceID: 4, gatewayID: 'gw1', status: i % 2, at: T0 + i * 2 * MIN });
      clock = T0 + 18 * MIN;
      expect(store.facts([4]).get(4)?.flapping).toBe(false);
      await store.close();
    });

    it('keeps the flag across a restart by reading stored history', async () => {
      let store = createHistoryStore(db, options({ flapThreshold: 2, flapWindowMinutes: 5 }));
      for (let i = 0; i < 3; i++)
        store.record({ deviceID: 3, gatewayID: 'gw1', status: i % 2, at: T0 + i * 1000 });
      await store.close();
      store = createHistoryStore(db, options({ flapThreshold: 2, flapWindowMinutes: 5 }));
      expect(store.facts([3]).get(3)?.flapping).toBe(true);
      await store.close();
    });
  });

  describe('paging and series', () => {
    it('pages newest first with a cursor', async () => {
      const store = createHistoryStore(db, options());
      for (let i = 0; i < 5; i++)
        store.record({ deviceID: 1, gatewayID: 'gw1', status: i % 2, at: T0 + i });
      store.record({ deviceID: 2, gatewayID: 'gw1', status: 1, at: T0 });
      const first = await store.page(1, { limit: 2 });
      expect(first.items.map((r) => r.at)).toEqual([T0 + 4, T0 + 3]);
      expect(first.nextCursor).not.toBeNull();
      const second = await store.page(1, { beforeID: first.nextCursor ?? 0, limit: 2 });
      expect(second.items.map((r) => r.at)).toEqual([T0 + 2, T0 + 1]);
      const third = await store.page(1, { beforeID: second.nextCursor ?? 0, limit: 2 });
      expect(third.items.map((r) => r.at)).toEqual([T0]);
      expect(third.nextCursor).toBeNull();
      await store.close();
    });

    it('limits a page to the given gateways and knows where a device was last seen', async () => {
      const store = createHistoryStore(db, options());
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 });
      store.record({ deviceID: 1, gatewayID: 'gw2', status: 0, at: T0 + 1 });
      expect(
        (await store.page(1, { limit: 10, gatewayIDs: ['gw1'] })).items.map((r) => r.gatewayID),
      ).toEqual(['gw1']);
      expect((await store.page(1, { limit: 10, gatewayIDs: [] })).items).toEqual([]);
      expect(store.gatewayOf(1)).toBe('gw2');
      expect(store.gatewayOf(2)).toBeUndefined();
      await store.close();
    });

    it('counts connected devices per step, per gateway and over all', async () => {
      const store = createHistoryStore(db, options());
      // before the window: device 1 connected on gw1, device 2 connected on gw2
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 - 10 * MIN });
      store.record({ deviceID: 2, gatewayID: 'gw2', status: 2, at: T0 - 10 * MIN });
      // inside: step 0 device 3 connects on gw1; step 1 device 1 drops; step 2 nothing; step 3 device 1 fails then reconnects
      store.record({ deviceID: 3, gatewayID: 'gw1', status: 2, at: T0 + 10_000 });
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 0, at: T0 + MIN + 5 });
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 0x100, at: T0 + 3 * MIN });
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 + 3 * MIN + 1 });
      expect(await store.connectedSeries(['gw1'], T0, T0 + 4 * MIN, MIN)).toEqual([2, 1, 1, 2]);
      expect(await store.connectedSeries(['gw2'], T0, T0 + 4 * MIN, MIN)).toEqual([1, 1, 1, 1]);
      expect(await store.connectedSeries('all', T0, T0 + 4 * MIN, MIN)).toEqual([3, 2, 2, 3]);
      expect(await store.connectedSeries(['gw1', 'gw2'], T0, T0 + 4 * MIN, MIN)).toEqual([
        3, 2, 2, 3,
      ]);
      expect(await store.connectedSeries([], T0, T0 + 4 * MIN, MIN)).toEqual([0, 0, 0, 0]);
      await expect(store.connectedSeries('all', T0, T0, MIN)).rejects.toThrow(/from < to/);
      await store.close();
    });

    it('knows a device was connected at the window start even after its rows were pruned', async () => {
      const store = createHistoryStore(db, options({ retentionDays: 1, pruneIntervalMs: 0 }));
      store.record({ deviceID: 1, gatewayID: 'gw1', status: 1, at: T0 - 3 * DAY });
      await store.flushed();
      expect(rows()).toHaveLength(0);
      expect(await store.connectedSeries(['gw1'], T0, T0 + 2 * MIN, MIN)).toEqual([1, 1]);
      await store.close();
    });
  });
});
