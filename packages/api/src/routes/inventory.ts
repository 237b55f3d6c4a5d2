// Device inventory: CSV export and async-connection import.
import { importPreview, importRequest, importResult } from '../inventory.ts';
import type { RouteDef } from './route-def.ts';

import { deviceListQuery } from '../devices.ts';
export const inventoryRoutes = [
  {
    id: 'inventory.export',
    method: 'get',
    path: '/inventory/devices.csv',
    summary: 'The device list as CSV, with the same filters and order as GET /devices (all pages)',
    access: 'viewer',
    query: deviceListQuery,
    response: null,
    produces: 'text/csv',
    tag: 'inventory',
  },
  {
    id: 'inventory.import-preview',
    method: 'post',
    path: '/inventory/import/preview',
    summary:
      'Checks an import file of async connections row by row (line and field named); changes nothing',
    access: 'admin',
    body: importRequest,
    response: importPreview,
    tag: 'inventory',
  },
  {
    id: 'inventory.import-run',
    method: 'post',
    path: '/inventory/import/run',
    summary:
      'Adds the async connections of an import file (checked again; any bad row refuses the whole file), with a result per row',
    access: 'admin',
    body: importRequest,
    response: importResult,
    tag: 'inventory',
  },
] as const satisfies readonly RouteDef[];
