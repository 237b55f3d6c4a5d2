// GET /inventory/devices.csv, POST /inventory/import/preview and /inventory/import/run.
import { Router } from 'express';
import { route } from '@cmc/api';
import { defineCsvRoute } from '../http/csv-reply.ts';
import { defineRoute } from '../http/define-route.ts';
import { problem } from '../http/problem.ts';
import type { RouterDeps } from '../http/route-deps.ts';
import { filterDevices, sortDevices } from '../devices/device-query.ts';
import type { RenderedRow } from '../devices/device-row-cache.ts';
import { rowsForUser } from '../devices/device-service.ts';
import { checkImport } from './import-check.ts';
import { runImport } from './import-run.ts';

const rowOf = (r: RenderedRow) => r.row;

export function inventoryRouter(deps: RouterDeps): Router {
  const router = Router();

  defineCsvRoute(router, route('inventory.export'), async ({ user, query }) => {
    const { rows } = await rowsForUser(deps, user, query.gatewayID);
    const list = sortDevices(filterDevices(rows, query, rowOf), query.sort, query.order, rowOf);
    return {
      filename: `devices-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`,
      header: [
        'deviceID',
        'name',
        'gatewayID',
        'type',
        'status',
        'connectionMode',
        'IPAddr',
        'port',
        'useSSL',
        'autoReconnect',
        'lastConnectedAt',
        'lastDisconnectedAt',
        'lastFailure',
        'flapping',
        'gatewayOffline',
      ],
      rows: list.map(({ row: d }) => [
        d.deviceID,
        d.name,
        d.gatewayID,
        d.type,
        d.status,
        d.connectionMode,
        d.IPAddr,
        d.port,
        d.useSSL,
        d.autoReconnect,
        d.lastConnectedAt,
        d.lastDisconnectedAt,
        d.lastFailure,
        d.flapping ?? false,
        d.gatewayOffline ?? false,
      ]),
    };
  });

  defineRoute(router, route('inventory.import-preview'), deps, async ({ user, body, audit }) => {
    audit.summary = `check an import file of async connections (${body.store})`;
    return checkImport(deps.pool, user, body);
  });

  defineRoute(router, route('inventory.import-run'), deps, async ({ user, body, audit }) => {
    const preview = await checkImport(deps.pool, user, body);
    const bad = preview.rows.flatMap((r) =>
      r.errors.map((e) => ({ path: `line ${r.line}.${e.field}`, message: e.message })),
    );
    if (bad.length) {
      audit.summary = `import of async connections refused: ${preview.invalid} bad rows`;
      throw problem(
        400,
        `the file has ${preview.invalid} bad row${preview.invalid === 1 ? '' : 's'}; nothing was added. First: line ${bad[0]!.path.slice(5)}: ${bad[0]!.message}`,
        bad,
      );
    }
    audit.deviceIDs = preview.rows.map((r) => r.deviceID!);
    const result = await runImport(deps.pool, user, preview);
    audit.summary = `import of ${preview.rows.length} async connections (${body.store}): ${result.added} added, ${result.failed} failed`;
    if (result.failed)
      audit.error = result.rows
        .filter((r) => r.outcome === 'failed')
        .map((r) => `line ${r.line} (${r.deviceID}): ${r.error ?? ''}`)
        .join('; ')
        .slice(0, 1000);
    return result;
  });

  return router;
}
