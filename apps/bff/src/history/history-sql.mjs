// The SQL of a history flush, in plain JavaScript so the worker thread (history-worker.mjs) runs it
// on plain node from the sources and from the bundle alike (no TypeScript loader in the worker).
// One transaction inserts a batch, updates each device's facts and applies retention: the row cap on
// every flush from a counter (no COUNT(*)), the age limit at most once per pruneIntervalMs. Rows come
// packed (history-pack.ts): deviceID, status, at and the status flags per row, gateway by index.

export const CONNECTED = 1;
export const DISCONNECTED = 2;
export const FAILURE = 4;

/** Types: history-sql.d.mts. */
export function createPackedWrite(db, { retentionMs, maxRows, pruneIntervalMs }) {
  const insertChange = db.prepare(
    'INSERT INTO status_changes (device_id, gateway_id, status, at) VALUES (?, ?, ?, ?)',
  );
  const upsertFacts = db.prepare(`
    INSERT INTO device_facts (device_id, gateway_id, last_status, last_changed_at, last_connected_at, last_disconnected_at, last_failure, last_failure_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (device_id) DO UPDATE SET
      gateway_id = excluded.gateway_id,
      last_status = excluded.last_status,
      last_changed_at = excluded.last_changed_at,
      last_connected_at = COALESCE(excluded.last_connected_at, last_connected_at),
      last_disconnected_at = COALESCE(excluded.last_disconnected_at, last_disconnected_at),
      last_failure = COALESCE(excluded.last_failure, last_failure),
      last_failure_at = COALESCE(excluded.last_failure_at, last_failure_at)`);
  const deleteOlder = db.prepare('DELETE FROM status_changes WHERE at < ?');
  const deleteOldest = db.prepare(
    'DELETE FROM status_changes WHERE id IN (SELECT id FROM status_changes ORDER BY id LIMIT ?)',
  );

  let rowCount = db.prepare('SELECT COUNT(*) AS n FROM status_changes').get().n;
  let lastAgePrune = 0;

  const writeBatch = db.transaction((batch, t) => {
    const { numbers, gateways, names } = batch;
    for (let i = 0; i < gateways.length; i++) {
      const deviceID = numbers[i * 4];
      const status = numbers[i * 4 + 1];
      const at = numbers[i * 4 + 2];
      const flags = numbers[i * 4 + 3];
      const gatewayID = names[gateways[i]];
      insertChange.run(deviceID, gatewayID, status, at);
      const failure = (flags & FAILURE) !== 0;
      upsertFacts.run(
        deviceID,
        gatewayID,
        status,
        at,
        flags & CONNECTED ? at : null,
        flags & DISCONNECTED ? at : null,
        failure ? status : null,
        failure ? at : null,
      );
    }
    rowCount += gateways.length;
    if (t - lastAgePrune >= pruneIntervalMs) {
      lastAgePrune = t;
      rowCount -= deleteOlder.run(t - retentionMs).changes;
    }
    if (rowCount > maxRows) {
      rowCount -= deleteOldest.run(rowCount - maxRows).changes;
    }
  });

  return (batch, now) => {
    const counters = { rowCount, lastAgePrune };
    try {
      writeBatch.immediate(batch, now);
    } catch (error) {
      ({ rowCount, lastAgePrune } = counters); // the transaction rolled back
      throw error;
    }
  };
}
