export function Skeleton({
  width = '100%',
  height = 14,
}: {
  width?: number | string;
  height?: number;
}) {
  return <div className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** Placeholder rows while a list loads; announced once to screen readers. */
export function SkeletonRows({ rows = 6, height = 18 }: { rows?: number; height?: number }) {
  return (
    <div className="stack-sm" role="status" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} width={`${90 - ((i * 7) % 30)}%`} />
      ))}
    </div>
  );
}
