import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { SkeletonRows } from './skeleton.tsx';

/**
 * One query's states, shown the same way on every page: loading rows, then the server's reason for
 * a failure (titled `errorTitle`), then `children` with the data, or the `empty` state when
 * `isEmpty(data)`.
 */
export function QueryView<T, E>({
  query,
  errorTitle,
  showFields = false,
  skeletonRows = 3,
  padSkeleton = false,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T, E>;
  errorTitle: string;
  /** List the request's field errors under the message (no form on the page shows them). */
  showFields?: boolean;
  skeletonRows?: number;
  /** Inside a card without its own padding. */
  padSkeleton?: boolean;
  isEmpty?: (data: T) => boolean;
  /** Title of the empty state. */
  empty?: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    const rows = <SkeletonRows rows={skeletonRows} />;
    return padSkeleton ? <div className="card-body">{rows}</div> : rows;
  }
  if (query.isError)
    return <ErrorAlert error={query.error} title={errorTitle} showFields={showFields} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <EmptyState title={empty} />;
  return children(query.data);
}
