-- Alert rules, the alarms they raise, webhooks and their deliveries (docs/alerts.md).
-- Conditions and scopes are JSON validated by @cmc/api before they are stored.
CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  condition TEXT NOT NULL,
  scope TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The secret signs every delivery (HMAC-SHA256), so it is kept as is; it never leaves the BFF after
-- the answer that created it.
CREATE TABLE alert_webhooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE alert_rule_webhooks (
  rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
  webhook_id INTEGER NOT NULL REFERENCES alert_webhooks (id) ON DELETE CASCADE,
  PRIMARY KEY (rule_id, webhook_id)
);

-- No foreign key to the rule: an alarm stays in history after its rule is removed.
-- subject: 'device:<id>' or 'gateway:<id>'. Times are epoch milliseconds.
CREATE TABLE alarms (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL,
  rule_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  device_id INTEGER,
  gateway_id TEXT,
  message TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  cleared_at INTEGER,
  clear_reason TEXT
);
-- At most one open alarm per rule and subject: a restart or a second evaluator cannot raise it twice.
CREATE UNIQUE INDEX alarms_open_subject ON alarms (rule_id, subject) WHERE cleared_at IS NULL;
CREATE INDEX alarms_gateway ON alarms (gateway_id, id);

-- The body is kept so a retry sends the same bytes (and signature) as the first attempt.
CREATE TABLE alarm_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alarm_id INTEGER,
  webhook_id INTEGER NOT NULL,
  webhook_name TEXT NOT NULL,
  url TEXT NOT NULL,
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX alarm_deliveries_alarm ON alarm_deliveries (alarm_id, id);
CREATE INDEX alarm_deliveries_due ON alarm_deliveries (state, next_attempt_at);
