import { useState, type FormEvent } from 'react';
import { createTenantRequest } from '@cmc/api';
import { isApiError } from '../../../lib/api-error.ts';
import { validate } from '../../../lib/zod-fields.ts';
import { ErrorAlert } from '../../../ui/error-alert.tsx';
import { TextField } from '../../../ui/field.tsx';
import { QueryView } from '../../../ui/query-view.tsx';
import { useCreateTenant } from '../api/create-tenant.ts';
import { useTenants } from '../api/list-tenants.ts';
import { TenantRow } from './tenant-row.tsx';

function CreateTenantForm() {
  const [tenantID, setTenantID] = useState('');
  const [gateways, setGateways] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateTenant();
  const server = isApiError(create.error) ? create.error.fieldErrors : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(createTenantRequest, {
      tenantID: tenantID.trim(),
      gatewayIDs: gateways.split(/[\s,]+/).filter(Boolean),
    });
    if (!parsed.ok) {
      const out: Record<string, string> = {};
      for (const [p, m] of Object.entries(parsed.errors)) out[p.split('.')[0] ?? p] ??= m;
      return setErrors(out);
    }
    setErrors({});
    create.mutate(parsed.value, { onSuccess: () => (setTenantID(''), setGateways('')) });
  }
  return (
    <form className="stack-sm" onSubmit={submit} noValidate aria-label="Add a tenant">
      <div className="toolbar">
        <TextField
          label="Tenant ID"
          value={tenantID}
          onChange={(e) => setTenantID(e.target.value)}
          error={errors['tenantID'] ?? server['tenantID']}
        />
        <TextField
          label="Gateway IDs"
          value={gateways}
          onChange={(e) => setGateways(e.target.value)}
          error={errors['gatewayIDs'] ?? server['gatewayIDs']}
          hint="Comma separated, optional"
        />
        <button className="btn btn-primary" type="submit" disabled={create.isPending}>
          Add tenant
        </button>
      </div>
      <ErrorAlert error={create.error} title="Could not add the tenant" />
    </form>
  );
}

export function TenantList() {
  const query = useTenants();
  return (
    <section className="card" aria-labelledby="tenants-title">
      <div className="card-header">
        <h2 id="tenants-title">Tenants and their gateways</h2>
      </div>
      <div className="card-body">
        <CreateTenantForm />
      </div>
      <QueryView
        query={query}
        errorTitle="Tenants could not be read"
        padSkeleton
        isEmpty={(d) => d.tenants.length === 0}
        empty="No tenants"
      >
        {(data) => (
          <table className="table" aria-label="Tenants">
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Gateways</th>
                <th scope="col">Assign</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {data.tenants.map((t) => (
                <TenantRow key={t.tenantID} tenant={t} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
