import { memo } from 'react';
import { statusDisplay } from '../lib/device-status.ts';

const TONE_CLASS = { ok: 'badge badge-ok', off: 'badge', bad: 'badge badge-bad' } as const;

export const StatusBadge = memo(function StatusBadge({ status }: { status: string }) {
  const display = statusDisplay(status);
  return (
    <span
      className={TONE_CLASS[display.tone]}
      data-status={status}
      title={display.reason ?? undefined}
    >
      {display.label}
    </span>
  );
});
