import { useEffect, useState } from 'react';

/** The gateway answers only when its search timeout ends, so progress is the elapsed share of it. */
export function SearchProgress({ timeoutMs, startedAt }: { timeoutMs: number; startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const share = Math.min(1, (now - startedAt) / timeoutMs);
  const left = Math.max(0, Math.ceil((timeoutMs - (now - startedAt)) / 1000));
  return (
    <div className="stack-sm" role="status" aria-live="polite">
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label="Search progress"
      >
        <div style={{ width: `${share * 100}%` }} />
      </div>
      <span className="muted">
        {share < 1 ? `Searching the gateway's subnet… about ${left} s left` : 'Collecting answers…'}
      </span>
    </div>
  );
}
