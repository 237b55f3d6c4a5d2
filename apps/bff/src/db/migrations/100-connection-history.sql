-- Connection history (live module). The G-SDK keeps none; every status change the BFF sees lands here.
-- Times are epoch milliseconds. Rows are appended in batches and pruned by age and row cap.
CREATE TABLE status_changes (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL,
  gateway_id TEXT NOT NULL,
  status INTEGER NOT NULL,
  at INTEGER NOT NULL
);
-- history paging: newest first per device
CREATE INDEX status_changes_device ON status_changes (device_id, id);
-- connected-count series per gateway
CREATE INDEX status_changes_gateway_at ON status_changes (gateway_id, at);
-- retention by age; series over all gateways
CREATE INDEX status_changes_at ON status_changes (at);

-- One row per device ever seen: survives retention so "last connected" stays true after pruning.
CREATE TABLE device_facts (
  device_id INTEGER PRIMARY KEY,
  gateway_id TEXT NOT NULL,
  last_status INTEGER NOT NULL,
  last_changed_at INTEGER NOT NULL,
  last_connected_at INTEGER,
  last_disconnected_at INTEGER,
  last_failure INTEGER,
  last_failure_at INTEGER
);
