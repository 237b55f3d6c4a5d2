-- Failed sign-in counters per key ('user:<name>' and 'ip:<address>'); kept in SQLite so a restart
-- does not reset a lock-out.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER
);
