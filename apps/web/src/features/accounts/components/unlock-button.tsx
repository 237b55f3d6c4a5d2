import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { useUnlockAccount } from '../api/unlock-account.ts';

/** Shown beside a lock-out: lets the administrator clear it at once instead of waiting it out. */
export function UnlockButton({ account }: { account: { id: number; username: string } }) {
  const unlock = useUnlockAccount();
  return (
    <>
      <button
        className="btn btn-sm"
        type="button"
        disabled={unlock.isPending}
        onClick={() => unlock.mutate(account.id)}
        aria-label={`Unlock sign-in of ${account.username}`}
      >
        Unlock
      </button>
      <ErrorAlert error={unlock.error} title="Could not unlock" />
    </>
  );
}
