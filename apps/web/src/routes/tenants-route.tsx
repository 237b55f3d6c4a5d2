import { AccountList } from '../features/accounts/components/account-list.tsx';
import { useTenants } from '../features/tenants/api/list-tenants.ts';
import { TenantList } from '../features/tenants/components/tenant-list.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const user = useCurrentUser();
  const tenants = useTenants();
  const tenantIDs = (tenants.data?.tenants ?? [])
    .map((t) => t.tenantID)
    .filter((t) => t !== 'administrator');
  return (
    <>
      <PageHeader
        title="Tenants & accounts"
        description="Tenants of the master gateway and the console's viewer accounts."
      />
      <TenantList />
      <AccountList tenantIDs={tenantIDs} currentUserID={user.id} />
    </>
  );
}
