// The audit log and the console's own storage.
import { auditList, auditQuery } from '../audit.ts';
import { storageStatus } from '../health.ts';
import type { RouteDef } from './route-def.ts';

export const opsRoutes = [
  {
    id: 'audit.list',
    method: 'get',
    path: '/audit',
    summary: 'Audit log, paged and filtered',
    access: 'admin',
    query: auditQuery,
    response: auditList,
    tag: 'audit',
  },
  {
    id: 'storage.status',
    method: 'get',
    path: '/storage',
    summary: "Whether the console's database takes writes, and what is held in memory meanwhile",
    access: 'admin',
    response: storageStatus,
    tag: 'ops',
  },
] as const satisfies readonly RouteDef[];
