import type { DeviceDetail } from '@cmc/api';

const stores = (flags: { session: unknown; db: unknown }) =>
  [flags.session ? 'session' : null, flags.db ? 'saved' : null].filter(Boolean).join(' and ');

/** What a Disconnect does to this device, by how it is connected (G-SDK: Disconnect). */
export function disconnectText(detail: DeviceDetail): string {
  const d = detail.device;
  if (d.connectionMode === 'DEVICE_TO_SERVER') {
    const filter = stores(detail.acceptedByFilter);
    return filter
      ? `Device ${d.deviceID} dials the gateway by itself: after the disconnect it dials the gateway again after a short delay, and the ${filter} accept filter lets it back in — unless you remove it from the filter below; refused, it waits in the pending list of ${d.gatewayID}.`
      : `Device ${d.deviceID} dials the gateway by itself: after the disconnect it dials the gateway again after a short delay, but no accept filter lists it, so it is refused and waits in the pending list of ${d.gatewayID}.`;
  }
  if (d.autoReconnect) {
    const reg = stores(detail.asyncConnection);
    return `Device ${d.deviceID} is registered for async connection${reg ? ` (${reg})` : ''}: the gateway reconnects it after its retry delay. To keep it disconnected, remove its async registration instead.`;
  }
  return `Device ${d.deviceID} was connected synchronously: it leaves the managed list and the gateway does not retry it. Connect it again from Connect or Search.`;
}
