import { useState } from 'react';
import { newPassword } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { Dialog } from '../../../ui/dialog.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { useResetPassword } from '../api/reset-password.ts';

export function ResetPasswordDialog({
  account,
  onClose,
}: {
  account: { id: number; username: string };
  onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reset = useResetPassword();
  const server = isApiError(reset.error) ? reset.error.fieldErrors['password'] : undefined;

  function submit() {
    const parsed = newPassword.safeParse(password);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    reset.mutate({ accountID: account.id, password: parsed.data });
  }

  return (
    <Dialog
      title={`Set a new password for ${account.username}`}
      onClose={onClose}
      actions={
        <>
          <button className="btn" type="button" data-dismiss onClick={onClose}>
            {reset.isSuccess ? 'Close' : 'Cancel'}
          </button>
          {reset.isSuccess ? null : (
            <button
              className="btn btn-primary"
              type="button"
              disabled={reset.isPending}
              onClick={submit}
            >
              Set password
            </button>
          )}
        </>
      }
    >
      {reset.isSuccess ? (
        <div className="alert alert-ok" role="status">
          Password changed. {account.username}'s open sessions have ended.
        </div>
      ) : (
        <>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
            }}
            error={error ?? server}
            hint="At least 10 characters"
          />
          <ErrorAlert error={server ? null : reset.error} title="Could not change the password" />
        </>
      )}
    </Dialog>
  );
}
