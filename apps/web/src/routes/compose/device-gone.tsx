import { Link } from 'react-router';
import type { DeviceDetail } from '@cmc/api';
import { usePending } from '../../features/accept-filter/api/list-pending.ts';
import { deviceKind } from './ssl-change-plan.ts';

/**
 * Where a device went after it left the managed list (a disconnect, an SSL or mode change): said
 * in words instead of a red "could not be loaded", from how it was connected and the pending list.
 */
export function DeviceGone({ detail }: { detail: DeviceDetail }) {
  const d = detail.device;
  const kind = deviceKind(d);
  const pending = usePending(kind === 'device-to-server' ? d.gatewayID : '', true);
  const waiting = pending.data?.devices.some((p) => p.deviceID === d.deviceID) ?? false;
  const gw = encodeURIComponent(d.gatewayID);
  let text;
  if (kind === 'device-to-server')
    text = waiting ? (
      <>
        Device {d.deviceID} is waiting in the pending list of {d.gatewayID}: it dialled in and the
        accept filter refused it. Accept it in the{' '}
        <Link to={`/accept-filter?gateway=${gw}`}>pending list</Link> to let it back in.
      </>
    ) : (
      <>
        Device {d.deviceID} is not connected now. It dials {d.gatewayID} again after a short delay:
        if the accept filter lets it in it shows here again by itself; if not, it waits in the{' '}
        <Link to={`/accept-filter?gateway=${gw}`}>pending list</Link>.
      </>
    );
  else if (kind === 'sync')
    text = (
      <>
        Device {d.deviceID} left the managed list of {d.gatewayID}: it was connected synchronously,
        so the gateway does not retry it. To manage it again,{' '}
        <Link to={`/connect?gateway=${gw}`}>Connect</Link> it or find it with{' '}
        <Link to={`/search?gateway=${gw}`}>Search</Link>.
      </>
    );
  else
    text = (
      <>
        Device {d.deviceID} is no longer managed by {d.gatewayID}: its async registration is gone
        (removed, or lost when the gateway reconnected). Register it again on the{' '}
        <Link to={`/async-connections?gateway=${gw}`}>async connections</Link> page.
      </>
    );
  return (
    <div className="alert alert-info" role="status" data-testid="device-gone">
      {text} The settings below are its last known state.
    </div>
  );
}
