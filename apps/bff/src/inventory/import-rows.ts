// An import file's records -> rows checked one by one, every problem named by line and column.
import { IMPORT_MAX_ROWS, importColumns, ipv4, type ImportRow } from '@cmc/api';
import { problem } from '../http/problem.ts';
import type { CsvRecord } from './csv-parse.ts';

const UINT32_MAX = 4_294_967_295;
const TRUE = new Set(['true', 'yes', '1', 'on', 'ssl']);
const FALSE = new Set(['false', 'no', '0', 'off', '']);

/** Column positions from the header; a wrong header refuses the file (400) before any row. */
export function readHeader(header: CsvRecord | undefined): Record<string, number> {
  const expected = `${importColumns.join(',')} (any order; deviceID may be left out)`;
  if (!header)
    throw problem(400, `the file is empty: its first line must be the header ${expected}`);
  const names = header.cells.map((c) => c.trim());
  const index: Record<string, number> = {};
  for (const [i, name] of names.entries()) {
    const column = importColumns.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column)
      throw problem(400, `line 1: unknown column "${name}"; the header must be ${expected}`);
    if (column in index) throw problem(400, `line 1: column ${column} appears twice`);
    index[column] = i;
  }
  const missing = importColumns.filter((c) => c !== 'deviceID' && !(c in index));
  if (missing.length)
    throw problem(
      400,
      `line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header must be ${expected}`,
    );
  return index;
}

export function checkRows(
  records: CsvRecord[],
  index: Record<string, number>,
  visibleGateways: ReadonlySet<string>,
): ImportRow[] {
  if (records.length === 0) throw problem(400, 'the file has a header but no device rows');
  if (records.length > IMPORT_MAX_ROWS)
    throw problem(
      400,
      `the file has ${records.length} device rows; at most ${IMPORT_MAX_ROWS} per import`,
    );
  const seenIDs = new Map<number, number>();
  const seenAddr = new Map<string, number>();
  const columns = Object.keys(index).length;
  return records.map(({ line, cells }) => {
    const errors: ImportRow['errors'] = [];
    const cell = (name: string) =>
      index[name] === undefined ? '' : (cells[index[name]] ?? '').trim();
    if (cells.length !== columns)
      errors.push({ field: 'row', message: `has ${cells.length} fields, the header ${columns}` });

    const gatewayID = cell('gatewayID');
    if (!gatewayID) errors.push({ field: 'gatewayID', message: 'is empty' });
    else if (!visibleGateways.has(gatewayID))
      errors.push({
        field: 'gatewayID',
        message: `${gatewayID} is not a gateway of the master you can see`,
      });

    const IPAddr = cell('IPAddr');
    if (!ipv4.safeParse(IPAddr).success)
      errors.push({ field: 'IPAddr', message: `"${IPAddr}" is not an IPv4 address` });

    const portText = cell('port');
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : null;
    if (port === null || port < 1 || port > 65535)
      errors.push({ field: 'port', message: `"${portText}" is not a port number (1-65535)` });

    const sslText = cell('useSSL').toLowerCase();
    const useSSL = TRUE.has(sslText) ? true : FALSE.has(sslText) ? false : null;
    if (useSSL === null)
      errors.push({
        field: 'useSSL',
        message: `"${cell('useSSL')}" is not true/false (or yes/no, 1/0)`,
      });

    const idText = cell('deviceID');
    let deviceID: number | null = null;
    if (idText) {
      deviceID = /^\d{1,10}$/.test(idText) ? Number(idText) : null;
      if (deviceID === null || deviceID < 1 || deviceID > UINT32_MAX) {
        errors.push({
          field: 'deviceID',
          message: `"${idText}" is not a device ID (1-4294967295)`,
        });
        deviceID = null;
      } else if (seenIDs.has(deviceID)) {
        errors.push({
          field: 'deviceID',
          message: `${deviceID} is already on line ${seenIDs.get(deviceID)}`,
        });
      } else seenIDs.set(deviceID, line);
    }
    const addr = `${gatewayID}/${IPAddr}:${portText}`;
    if (seenAddr.has(addr))
      errors.push({
        field: 'IPAddr',
        message: `${IPAddr}:${portText} on ${gatewayID} is already on line ${seenAddr.get(addr)}`,
      });
    else seenAddr.set(addr, line);

    return {
      line,
      gatewayID,
      IPAddr,
      port,
      useSSL,
      deviceID,
      deviceIDFrom: deviceID === null ? null : 'file',
      errors,
    };
  });
}
