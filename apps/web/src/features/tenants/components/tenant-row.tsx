import { useState, type FormEvent } from 'react';
import { gatewayID as gatewayIDSchema, type TenantInfo } from '@cmc/api';
import { errorMessage } from '../../../lib/api-error.ts';
import { ConfirmDialog } from '../../../ui/dialog.tsx';
import { useChangeTenantGateways } from '../api/change-tenant-gateways.ts';
import { useDeleteTenant } from '../api/delete-tenant.ts';

/** One tenant: its gateways (add, remove) and, except for administrator, deletion. */
export function TenantRow({ tenant }: { tenant: TenantInfo }) {
  const [adding, setAdding] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const change = useChangeTenantGateways();
  const remove = useDeleteTenant();
  const fixed = tenant.tenantID === 'administrator';

  function add(e: FormEvent) {
    e.preventDefault();
    const parsed = gatewayIDSchema.safeParse(adding.trim());
    if (!parsed.success)
      return setFieldError(parsed.error.issues[0]?.message ?? 'invalid gateway ID');
    setFieldError(null);
    change.mutate(
      { tenantID: tenant.tenantID, change: 'add', gatewayIDs: [parsed.data] },
      { onSuccess: () => setAdding('') },
    );
  }

  const failure = change.error ?? remove.error;
  return (
    <tr data-tenant-id={tenant.tenantID}>
      <td>{tenant.tenantID}</td>
      <td>
        <div className="chip-list">
          {tenant.gatewayIDs.length === 0 ? <span className="muted">none</span> : null}
          {tenant.gatewayIDs.map((g) => (
            <span key={g} className="chip">
              {g}
              <button
                className="btn btn-sm btn-ghost"
                type="button"
                style={{ height: 18, padding: '0 4px' }}
                disabled={change.isPending}
                aria-label={`Remove ${g} from ${tenant.tenantID}`}
                onClick={() =>
                  change.mutate({ tenantID: tenant.tenantID, change: 'remove', gatewayIDs: [g] })
                }
              >
                ×
              </button>
            </span>
          ))}
        </div>
        {failure ? (
          <div className="row-error" role="alert">
            {errorMessage(failure)}
          </div>
        ) : null}
      </td>
      <td>
        {fixed ? null : (
          <form
            className="row"
            onSubmit={add}
            noValidate
            aria-label={`Add a gateway to ${tenant.tenantID}`}
          >
            <label className="visually-hidden" htmlFor={`add-gw-${tenant.tenantID}`}>
              Gateway ID to add to {tenant.tenantID}
            </label>
            <input
              id={`add-gw-${tenant.tenantID}`}
              className="input"
              style={{ width: 140, height: 26 }}
              placeholder="gateway ID"
              value={adding}
              aria-invalid={fieldError ? true : undefined}
              onChange={(e) => setAdding(e.target.value)}
            />
            <button className="btn btn-sm" type="submit" disabled={change.isPending}>
              Add gateway
            </button>
            {fieldError ? <span className="field-error">{fieldError}</span> : null}
          </form>
        )}
      </td>
      <td style={{ textAlign: 'right' }}>
        {fixed ? (
          <span className="muted">always exists</span>
        ) : (
          <button
            className="btn btn-sm btn-danger"
            type="button"
            onClick={() => setConfirmDelete(true)}
            aria-label={`Delete tenant ${tenant.tenantID}`}
          >
            Delete
          </button>
        )}
        {confirmDelete ? (
          <ConfirmDialog
            title={`Delete tenant ${tenant.tenantID}?`}
            confirmLabel="Delete tenant"
            busy={remove.isPending}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() =>
              remove.mutate(tenant.tenantID, { onSettled: () => setConfirmDelete(false) })
            }
          >
            <p>
              The master forgets the tenant and its gateway assignments (
              {tenant.gatewayIDs.join(', ') || 'none'}). Viewer accounts bound to it can no longer
              see anything.
            </p>
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  );
}
