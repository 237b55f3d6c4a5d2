// The whole check of an import file, shared by preview and run: size, CSV, header, each row, then
// device IDs left out are looked up by searching the gateway's subnet for the row's address.
import { IMPORT_MAX_BYTES, type ImportPreview, type ImportRequest, type ImportRow } from '@cmc/api';
import type { SessionUser } from '../auth/types.ts';
import { errorMessage } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';
import { CsvError, parseCsv } from './csv-parse.ts';
import { checkRows, readHeader } from './import-rows.ts';

/** How long a gateway is searched for devices whose ID the file leaves out. */
const SEARCH_MS = 3000;

export async function checkImport(
  pool: MasterPool,
  user: SessionUser,
  { csv, store }: ImportRequest,
): Promise<ImportPreview> {
  if (csv.length > IMPORT_MAX_BYTES)
    throw problem(
      413,
      `the file is ${Math.ceil(csv.length / 1024)} KB; an import file may be at most ${IMPORT_MAX_BYTES / 1024} KB`,
    );
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvError) throw problem(400, `not a valid CSV file: ${error.message}`);
    throw error;
  }
  const [header, ...data] = records;
  const index = readHeader(header);
  const visible = new Set(await pool.gatewaysFor(user));
  const rows = checkRows(data, index, visible);
  await findMissingIDs(pool, user, rows);
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { store, rows, valid: rows.length - invalid, invalid };
}

async function findMissingIDs(
  pool: MasterPool,
  user: SessionUser,
  rows: ImportRow[],
): Promise<void> {
  const wanting = rows.filter((r) => r.deviceID === null && r.errors.length === 0);
  const gateways = [...new Set(wanting.map((r) => r.gatewayID))];
  const taken = new Map(rows.filter((r) => r.deviceID !== null).map((r) => [r.deviceID!, r.line]));
  await Promise.all(
    gateways.map(async (gatewayID) => {
      const mine = wanting.filter((r) => r.gatewayID === gatewayID);
      let found: Array<{ deviceID: number; IPAddr: string; port: number }>;
      try {
        const { client } = await accessGateway(pool, user, gatewayID);
        found = (
          await client.connectMaster.searchDevice(
            { gatewayID, timeout: SEARCH_MS },
            { deadlineMs: SEARCH_MS + 10_000 },
          )
        ).deviceInfos;
      } catch (error) {
        for (const r of mine)
          r.errors.push({
            field: 'deviceID',
            message: `not given, and searching gateway ${gatewayID} for it failed: ${errorMessage(error)}`,
          });
        return;
      }
      for (const r of mine) {
        const hit = found.find((d) => d.IPAddr === r.IPAddr && d.port === r.port);
        if (!hit) {
          r.errors.push({
            field: 'deviceID',
            message: `not given, and no device at ${r.IPAddr}:${r.port} answered a search of gateway ${gatewayID}`,
          });
        } else if (taken.has(hit.deviceID)) {
          r.errors.push({
            field: 'deviceID',
            message: `the device found at ${r.IPAddr}:${r.port} is ${hit.deviceID}, already on line ${taken.get(hit.deviceID)}`,
          });
        } else {
          r.deviceID = hit.deviceID;
          r.deviceIDFrom = 'search';
          taken.set(hit.deviceID, r.line);
        }
      }
    }),
  );
}
