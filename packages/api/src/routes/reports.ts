// Availability reports (JSON and CSV).
import { availabilityQuery, availabilityReport } from '../reports.ts';
import type { RouteDef } from './route-def.ts';

export const reportRoutes = [
  {
    id: 'reports.availability',
    method: 'get',
    path: '/reports/availability',
    summary:
      'Availability per device, gateway or tenant over a period or range: % connected, drops, longest outage, mean time to reconnect',
    access: 'viewer',
    query: availabilityQuery,
    response: availabilityReport,
    tag: 'reports',
  },
  {
    id: 'reports.availability-csv',
    method: 'get',
    path: '/reports/availability.csv',
    summary: 'The same availability report as a CSV file',
    access: 'viewer',
    query: availabilityQuery,
    response: null,
    produces: 'text/csv',
    tag: 'reports',
  },
] as const satisfies readonly RouteDef[];
