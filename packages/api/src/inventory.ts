// Inventory files: the device list as CSV (with the list's filters) and bulk onboarding of async
// connections from a CSV file — preview (every row checked, line and field named), then run.
import { z } from 'zod';

/** Largest accepted import file (characters of CSV text). */
export const IMPORT_MAX_BYTES = 256 * 1024;
/** Most device rows in one import. */
export const IMPORT_MAX_ROWS = 1000;
/** Columns of an import file, in any order; deviceID may be left out or empty. */
export const importColumns = ['gatewayID', 'IPAddr', 'port', 'useSSL', 'deviceID'] as const;

export const importRequest = z.object({
  /** The file's text. */
  csv: z.string({ message: 'must be the CSV file as text' }),
  /** session: AddAsyncConnection (lost when the gateway reconnects); db: saved in the master. */
  store: z.enum(['session', 'db'], { message: 'must be session or db' }),
});
export type ImportRequest = z.infer<typeof importRequest>;

export const importRowError = z.object({
  /** Column name, or 'row' for the line as a whole. */
  field: z.string(),
  message: z.string(),
});

export const importRow = z.object({
  /** Line in the file (the header is line 1). */
  line: z.number().int(),
  gatewayID: z.string(),
  IPAddr: z.string(),
  port: z.number().int().nullable(),
  useSSL: z.boolean().nullable(),
  deviceID: z.number().int().nullable(),
  /** Where the device ID came from: the file, or a search of the gateway's subnet. */
  deviceIDFrom: z.enum(['file', 'search']).nullable(),
  errors: z.array(importRowError),
});
export type ImportRow = z.infer<typeof importRow>;

export const importPreview = z.object({
  store: z.enum(['session', 'db']),
  rows: z.array(importRow),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  store: z.enum(['session', 'db']),
  rows: z.array(
    z.object({
      line: z.number().int(),
      gatewayID: z.string(),
      deviceID: z.number().int(),
      outcome: z.enum(['added', 'failed']),
      error: z.string().nullable(),
    }),
  ),
  added: z.number().int(),
  failed: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;
