import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditList } from '@cmc/api';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

export interface AuditParams {
  user?: string | undefined;
  action?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const auditQuery = (params: AuditParams) =>
  queryOptions({
    queryKey: queryKeys.audit(params),
    queryFn: ({ signal }) => api.get('/audit', auditList, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });

export function useAudit(params: AuditParams) {
  return useQuery(auditQuery(params));
}
