import { queryOptions, useQuery } from '@tanstack/react-query';
import { type ReportGroup, type ReportPeriod, route } from '@cmc/api';
import { call, fileUrl } from '../../../lib/api-client.ts';

/** A period ending now, or a chosen range (ISO strings). */
export interface ReportParams {
  groupBy: ReportGroup;
  period?: ReportPeriod | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const queryOf = (p: ReportParams) => ({
  groupBy: p.groupBy,
  period: p.from ? undefined : p.period,
  from: p.from,
  to: p.from ? p.to : undefined,
});

export const availabilityReportQuery = (params: ReportParams) =>
  queryOptions({
    queryKey: ['reports', 'availability', params] as const,
    queryFn: ({ signal }) =>
      call(route('reports.availability'), { query: queryOf(params), signal }),
  });

export function useAvailabilityReport(params: ReportParams) {
  return useQuery(availabilityReportQuery(params));
}

/** The same report as a CSV file: a plain link, sent with the session cookie. */
export function availabilityCsvUrl(params: ReportParams): string {
  return fileUrl(route('reports.availability-csv'), { query: queryOf(params) });
}
