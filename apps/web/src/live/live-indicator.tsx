import { useLiveState } from './live-store.ts';

export function LiveIndicator() {
  const connection = useLiveState((s) => s.connection);
  const mode = useLiveState((s) => s.mode);
  const [cls, text] =
    connection !== 'online'
      ? ['badge', connection === 'connecting' ? 'Connecting live status…' : 'Live status offline']
      : mode === 'degraded'
        ? ['badge badge-warn', 'Live status degraded']
        : ['badge badge-ok', 'Live'];
  return (
    <span
      className={cls}
      role="status"
      data-testid="live-indicator"
      data-mode={connection === 'online' ? mode : connection}
    >
      {text}
    </span>
  );
}
