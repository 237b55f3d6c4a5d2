// Structured JSON logs through pino, one object per line, so log shippers need no parsing rules.
// Writes are asynchronous (a buffered destination), flushed on shutdown.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  /** Writes out what is still buffered; resolves once it is written. */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each line (without its newline) synchronously: tests capture logs with it. */
  write?: (line: string) => void;
  /** Where the asynchronous writes go: a file path or descriptor (default: stdout). */
  destination?: string | number;
}

// Errors keep their type, message, stack and own properties under whatever field name they sit;
// JSON.stringify alone would write an Error as {}.
function withSerialisedErrors(fields: LogFields | undefined): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    out[key] = value instanceof Error ? pino.stdSerializers.err(value) : value;
  }
  return out;
}

function wrap(log: PinoLogger): Logger {
  return {
    debug: (msg, fields) => log.debug(withSerialisedErrors(fields), msg),
    info: (msg, fields) => log.info(withSerialisedErrors(fields), msg),
    warn: (msg, fields) => log.warn(withSerialisedErrors(fields), msg),
    error: (msg, fields) => log.error(withSerialisedErrors(fields), msg),
    child: (fields) => wrap(log.child(withSerialisedErrors(fields))),
    flush: () =>
      new Promise<void>((resolve) => {
        log.flush(() => resolve());
      }),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const { write } = options;
  const destination: DestinationStream = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : // Lines gather into 4 KiB writes off the request path; a quiet server still writes them
      // within a quarter of a second, and flush() (at shutdown) writes out the rest.
      pino.destination({
        dest: options.destination ?? 1,
        sync: false,
        minLength: 4096,
        periodicFlush: 250,
      });
  return wrap(
    pino(
      {
        level: options.level ?? 'info',
        // Lines read { level: "info", time: ISO 8601, msg, ...fields }, as before pino.
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
}
