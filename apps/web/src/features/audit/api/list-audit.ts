import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { route } from '@cmc/api';
import { call } from '../../../lib/api-client.ts';
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
    queryFn: ({ signal }) => call(route('audit.list'), { query: params, signal }),
    placeholderData: keepPreviousData,
  });

export function useAudit(params: AuditParams) {
  return useQuery(auditQuery(params));
}
