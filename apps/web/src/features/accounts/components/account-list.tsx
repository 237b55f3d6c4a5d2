import { useState, type FormEvent } from 'react';
import { ADMIN_TENANT_ID, createAccountRequest } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { dateTime } from '../../../lib/format.ts';
import { validate } from '../../../lib/zod-fields.ts';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { SelectField, TextField } from '../../../ui/field.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useCreateAccount } from '../api/create-account.ts';
import { useDeleteAccount } from '../api/delete-account.ts';
import { useAccounts } from '../api/list-accounts.ts';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { UnlockButton } from './unlock-button.tsx';

function CreateAccountForm({ tenantIDs }: { tenantIDs: readonly string[] }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tenantID, setTenantID] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateAccount();
  const server = isApiError(create.error) ? create.error.fieldErrors : {};
  const tenant = tenantID || tenantIDs[0] || '';
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(createAccountRequest, {
      username: username.trim(),
      password,
      role: 'tenant',
      tenantID: tenant,
    });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    create.mutate(parsed.value, { onSuccess: () => (setUsername(''), setPassword('')) });
  }
  return (
    <form
      className="stack-sm"
      onSubmit={submit}
      noValidate
      aria-label="Create a tenant viewer account"
    >
      <div className="toolbar">
        <TextField
          label="User name"
          autoComplete="off"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors['username'] ?? server['username']}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors['password'] ?? server['password']}
          hint="At least 10 characters"
        />
        <SelectField
          label="Tenant"
          value={tenant}
          onChange={setTenantID}
          options={tenantIDs.map((t) => ({ value: t, label: t }))}
        />
        <button
          className="btn btn-primary"
          type="submit"
          disabled={create.isPending || tenant === ''}
        >
          Create viewer
        </button>
      </div>
      {(errors['tenantID'] ?? server['tenantID']) ? (
        <span className="field-error">Tenant: {errors['tenantID'] ?? server['tenantID']}</span>
      ) : null}
      {create.isSuccess ? (
        <div className="alert alert-ok" role="status">
          Account {create.data.username} created: read-only access to {create.data.tenantID}.
        </div>
      ) : null}
      <ErrorAlert error={create.error} title="Could not create the account" />
    </form>
  );
}

export function AccountList({
  tenantIDs,
  currentUserID,
}: {
  tenantIDs: readonly string[];
  currentUserID: number;
}) {
  const query = useAccounts();
  const remove = useDeleteAccount();
  const [target, setTarget] = useState<{ id: number; username: string } | null>(null);
  const [resetting, setResetting] = useState<{ id: number; username: string } | null>(null);
  return (
    <section className="card" aria-labelledby="accounts-title">
      <div className="card-header">
        <h2 id="accounts-title">Console accounts</h2>
      </div>
      <div className="card-body">
        {/* The administrators' own tenant never gets viewers (the BFF refuses it too). */}
        <CreateAccountForm
          tenantIDs={tenantIDs.filter((t) => t.toLowerCase() !== ADMIN_TENANT_ID)}
        />
      </div>
      <ErrorAlert error={remove.error} title="Could not delete" />
      <QueryView query={query} errorTitle="Accounts could not be read" padSkeleton>
        {(data) => (
          <table className="table" aria-label="Accounts">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Role</th>
                <th scope="col">Tenant</th>
                <th scope="col">Created</th>
                <th scope="col">Locked until</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.accounts.map((a) => (
                <tr key={a.id}>
                  <td>{a.username}</td>
                  <td>{a.role === 'admin' ? 'Administrator' : 'Tenant viewer'}</td>
                  <td>{a.tenantID ?? '—'}</td>
                  <td>{dateTime(a.createdAt)}</td>
                  <td>
                    {a.lockedUntil ? (
                      <span className="row">
                        {dateTime(a.lockedUntil)} <UnlockButton account={a} />
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td style={{ textAlign: 'right' }}>
                    <div className="row" style={{ justifyContent: 'flex-end' }}>
                      <button
                        className="btn btn-sm"
                        type="button"
                        onClick={() => setResetting(a)}
                        aria-label={`Reset password of ${a.username}`}
                      >
                        Reset password
                      </button>
                      {a.id === currentUserID ? null : (
                        <button
                          className="btn btn-sm btn-danger"
                          type="button"
                          onClick={() => setTarget(a)}
                          aria-label={`Delete account ${a.username}`}
                        >
                          Delete
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {resetting ? (
        <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} />
      ) : null}
      {target ? (
        <ConfirmDialog
          title={`Delete the account ${target.username}?`}
          confirmLabel="Delete account"
          busy={remove.isPending}
          onCancel={() => setTarget(null)}
          onConfirm={() => remove.mutate(target.id, { onSettled: () => setTarget(null) })}
        >
          <p>
            Delete <strong>{target.username}</strong>? Their sessions end at once.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
