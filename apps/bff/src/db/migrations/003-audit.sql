CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  username TEXT,
  role TEXT,
  action TEXT NOT NULL,
  gateway_id TEXT,
  device_ids TEXT NOT NULL DEFAULT '[]',
  summary TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
  error TEXT,
  source_address TEXT,
  request_id TEXT
);
CREATE INDEX audit_at ON audit_log(at);
CREATE INDEX audit_user ON audit_log(username);
CREATE INDEX audit_action ON audit_log(action);
