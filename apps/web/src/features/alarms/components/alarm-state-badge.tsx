import type { AlarmState } from '@cmc/api';

const CLASS: Record<AlarmState, string> = {
  active: 'badge badge-bad',
  acknowledged: 'badge badge-warn',
  cleared: 'badge badge-ok',
};
const LABEL: Record<AlarmState, string> = {
  active: 'Active',
  acknowledged: 'Acknowledged',
  cleared: 'Cleared',
};

export function AlarmStateBadge({ state }: { state: AlarmState }) {
  return (
    <span className={CLASS[state]} data-state={state}>
      {LABEL[state]}
    </span>
  );
}
