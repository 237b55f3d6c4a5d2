// Worker thread entry: writes the history batches the main thread hands over (history-worker-writer.ts)
// on a better-sqlite3 connection of its own to the same WAL database, so a flush of thousands of rows
// never holds the main event loop (docs/live-latency-notes.md, issue 12). Plain JavaScript: it runs on
// plain node from the sources (tsx, vitest) and from the bundle alike. The connection opens on the
// first batch, and again after a failure to open, so a database that cannot be opened is reported
// like any failed write (the rows stay queued on the main thread and are retried).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createPackedWrite } from './history-sql.mjs';

const init = workerData;
let db;
let write;

function open() {
  if (write) return write;
  const conn = new Database(init.file, { fileMustExist: true });
  try {
    // Per connection: the main one sets the same (db/database.ts); WAL is a property of the file.
    conn.pragma('synchronous = NORMAL');
    conn.pragma(`busy_timeout = ${init.busyTimeoutMs}`);
    write = createPackedWrite(conn, init);
  } catch (error) {
    conn.close();
    throw error;
  }
  db = conn;
  return write;
}

function describe(error) {
  return {
    message: typeof error?.message === 'string' ? error.message : String(error),
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
  };
}

parentPort.on('message', (m) => {
  if (m.type === 'close') {
    db?.close();
    parentPort.close();
    return;
  }
  let error;
  const started = performance.now();
  try {
    open()(m, m.now);
  } catch (e) {
    error = describe(e);
  }
  const ms = performance.now() - started;
  parentPort.postMessage({ type: 'done', seq: m.seq, ms, ...(error ? { error } : {}) });
});
