-- Display names and notes that administrators give devices. Keyed by device ID alone: a G-SDK
-- device ID is the device's own (unique on the master), so the name follows a device that moves
-- between gateways. Who may read a name is decided per request from the gateways a user sees.
CREATE TABLE device_labels (
  device_id INTEGER PRIMARY KEY CHECK (device_id BETWEEN 1 AND 4294967295),
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
