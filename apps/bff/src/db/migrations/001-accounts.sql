CREATE TABLE accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'tenant')),
  tenant_id TEXT,
  created_at TEXT NOT NULL,
  CHECK ((role = 'tenant') = (tenant_id IS NOT NULL))
);
