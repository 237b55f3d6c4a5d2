import { deleteAsyncConnections } from '../features/async-connections/api/delete-async-connections.ts';
import { useSearchParams } from 'react-router';
import { toQuery } from '../features/devices/api/list-devices.ts';
import { DevicesView } from '../features/devices/components/devices-view.tsx';
import { paramsFromSearch } from '../features/devices/url-state.ts';
import { ExportDevicesLink } from '../features/inventory/components/export-devices-link.tsx';
import { useGateways } from '../features/gateways/api/list-gateways.ts';
import { PageHeader } from '../ui/page-header.tsx';
import { SslChange } from './compose/ssl-change.tsx';
import { useCurrentUser } from './use-current-user.ts';

export function Component() {
  const user = useCurrentUser();
  const gateways = useGateways();
  const [search] = useSearchParams();
  return (
    <>
      <PageHeader
        title="Devices"
        description={
          user.isAdmin
            ? 'Managed devices of every gateway. Select rows for bulk actions.'
            : 'Managed devices of your gateways (read-only).'
        }
      >
        <ExportDevicesLink query={toQuery(paramsFromSearch(search))} />
      </PageHeader>
      <DevicesView
        gateways={gateways.data?.gateways.map((g) => g.gatewayID) ?? []}
        readOnly={!user.isAdmin}
        removeAsync={deleteAsyncConnections}
        renderSslChange={(props) => <SslChange {...props} />}
      />
    </>
  );
}
