// Worker thread entry: writes the history batches the main thread hands over (history-worker-writer.ts)
// on a better-sqlite3 connection of its own to the same WAL database, so a flush of thousands of rows
// never holds the main event loop (docs/live-latency-notes.md, issue 12). Plain JavaScript: it runs on
// plain node from the sources (tsx, vitest) and from the bundle alike. The connection opens on the
// first batch, and again after a failure to open, so a database that cannot be opened is reported
// like any failed write (the rows stay queued on the main thread and are retried).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createPackedWrite } from './history-sql.mjs';

// Shared-buffer layout: history-worker-protocol.ts.
const SETTLED = 0;
const OUTCOME = 1;
const ERROR_LENGTH = 2;
const OK = 1;
const FAILED = 2;
const HEADER_BYTES = 12;

const init = workerData;
const head = new Int32Array(init.shared, 0, 3);
const errorBytes = new Uint8Array(init.shared, HEADER_BYTES);
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

/** The outcome of batch `seq` for a main thread blocked in Atomics.wait (flushSync). */
function publish(seq, error) {
  if (error) {
    const bytes = new TextEncoder().encode(JSON.stringify(error)).subarray(0, errorBytes.length);
    errorBytes.set(bytes);
    Atomics.store(head, ERROR_LENGTH, bytes.length);
  }
  Atomics.store(head, OUTCOME, error ? FAILED : OK);
  Atomics.store(head, SETTLED, seq);
  Atomics.notify(head, SETTLED);
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
  publish(m.seq, error);
  parentPort.postMessage({ type: 'done', seq: m.seq, ms, ...(error ? { error } : {}) });
});
