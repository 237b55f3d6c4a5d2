// Device names and notes in SQLite, with the names also in memory: every device-list request reads a
// name per row, so the map is the fast path. Another process sharing the database file (scale-out)
// may change labels; SQLite's data_version tells when anyone else wrote, and the map is re-read then.
import type { DeviceLabel } from '@cmc/api';
import type { Db } from '../db/database.ts';

export interface LabelStore {
  /** Name of each labelled device (the map is replaced, never mutated, so callers may keep it). */
  names(): ReadonlyMap<number, string>;
  get(deviceID: number): DeviceLabel | undefined;
  /** Every label, or those of the given devices, in device-ID order. */
  list(deviceIDs?: readonly number[]): DeviceLabel[];
  /** Writes the label and returns it with the one it replaced. Call inside the audit transaction. */
  set(
    deviceID: number,
    label: { name: string; notes: string },
    by: string,
  ): { label: DeviceLabel; previous: DeviceLabel | undefined };
  /** Removes the label; returns what was removed. */
  remove(deviceID: number): DeviceLabel | undefined;
}

interface Row {
  device_id: number;
  name: string;
  notes: string;
  updated_at: string;
  updated_by: string;
}

const toLabel = (r: Row): DeviceLabel => ({
  deviceID: r.device_id,
  name: r.name,
  notes: r.notes,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function createLabelStore(db: Db): LabelStore {
  const selectAll = db.prepare<[], Row>('SELECT * FROM device_labels ORDER BY device_id');
  const selectOne = db.prepare<[number], Row>('SELECT * FROM device_labels WHERE device_id = ?');
  const upsert = db.prepare(
    `INSERT INTO device_labels (device_id, name, notes, updated_at, updated_by)
     VALUES (@device_id, @name, @notes, @updated_at, @updated_by)
     ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, notes = excluded.notes,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const deleteOne = db.prepare('DELETE FROM device_labels WHERE device_id = ?');
  const dataVersion = () => db.pragma('data_version', { simple: true }) as number;

  let names = new Map<number, string>();
  let seenVersion = -1;
  const reload = () => {
    seenVersion = dataVersion();
    names = new Map(selectAll.all().map((r) => [r.device_id, r.name]));
  };
  reload();

  return {
    names() {
      // data_version changes only for commits of other connections; our writes reset seenVersion.
      if (dataVersion() !== seenVersion) reload();
      return names;
    },
    get(deviceID) {
      const row = selectOne.get(deviceID);
      return row && toLabel(row);
    },
    list(deviceIDs) {
      const all = selectAll.all().map(toLabel);
      if (!deviceIDs) return all;
      const wanted = new Set(deviceIDs);
      return all.filter((l) => wanted.has(l.deviceID));
    },
    set(deviceID, { name, notes }, by) {
      const previous = this.get(deviceID);
      const row: Row = {
        device_id: deviceID,
        name,
        notes,
        updated_at: new Date().toISOString(),
        updated_by: by,
      };
      upsert.run(row);
      seenVersion = -1; // re-read on the next names(): right even if the transaction rolls back
      return { label: toLabel(row), previous };
    },
    remove(deviceID) {
      const previous = this.get(deviceID);
      if (previous) {
        deleteOne.run(deviceID);
        seenVersion = -1;
      }
      return previous;
    },
  };
}
