// Adds the checked rows through the same master calls as the async-connections routes
// (AddAsyncConnection / AddAsyncConnectionDB), one call per gateway; when a gateway's call fails,
// its rows are tried one by one so each row gets its own result.
import type { ImportPreview, ImportResult } from '@cmc/api';
import type { SessionUser } from '../auth/types.ts';
import { errorMessage } from '../http/define-route.ts';
import { accessGateway } from '../master/gateway-access.ts';
import type { MasterPool } from '../master/master-pool.ts';

type Info = { deviceID: number; IPAddr: string; port: number; useSSL: boolean };

export async function runImport(
  pool: MasterPool,
  user: SessionUser,
  preview: ImportPreview,
): Promise<ImportResult> {
  const results: ImportResult['rows'] = [];
  const gateways = [...new Set(preview.rows.map((r) => r.gatewayID))];
  for (const gatewayID of gateways) {
    const rows = preview.rows.filter((r) => r.gatewayID === gatewayID);
    const infos: Array<Info & { line: number }> = rows.map((r) => ({
      line: r.line,
      deviceID: r.deviceID!,
      IPAddr: r.IPAddr,
      port: r.port!,
      useSSL: r.useSSL!,
    }));
    const add = async (batch: Info[]) => {
      const { client } = await accessGateway(pool, user, gatewayID);
      const request = { gatewayID, connectInfos: batch };
      if (preview.store === 'db') await client.connectMaster.addAsyncConnectionDB(request);
      else await client.connectMaster.addAsyncConnection(request);
    };
    const strip = ({ line: _line, ...info }: Info & { line: number }): Info => info;
    try {
      await add(infos.map(strip));
      for (const i of infos)
        results.push({
          line: i.line,
          gatewayID,
          deviceID: i.deviceID,
          outcome: 'added',
          error: null,
        });
    } catch {
      for (const i of infos) {
        try {
          await add([strip(i)]);
          results.push({
            line: i.line,
            gatewayID,
            deviceID: i.deviceID,
            outcome: 'added',
            error: null,
          });
        } catch (error) {
          results.push({
            line: i.line,
            gatewayID,
            deviceID: i.deviceID,
            outcome: 'failed',
            error: errorMessage(error),
          });
        }
      }
    }
  }
  results.sort((a, b) => a.line - b.line);
  const added = results.filter((r) => r.outcome === 'added').length;
  return { store: preview.store, rows: results, added, failed: results.length - added };
}
