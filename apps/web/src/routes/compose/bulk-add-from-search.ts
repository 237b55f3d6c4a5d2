// Adds several search results at once. The master has no multi-device Connect, and an
// AddAsyncConnection of several devices fails or succeeds as a whole, so each device is added by a
// call of its own: every device gets its own, true result (a few calls at a time).
import type { SearchedDevice } from '@cmc/api';
import { addAsyncConnections } from '../../features/async-connections/api/add-async-connections.ts';
import { connectDevice } from '../../features/connect/api/connect-device.ts';
import type { BulkAddAction } from '../../features/search/components/bulk-add-bar.tsx';
import { errorMessage } from '../../lib/api-error.ts';

const AT_ONCE = 3;

const DONE: Record<BulkAddAction, string> = {
  connect: 'connected',
  'async-session': 'registered (session)',
  'async-db': 'registered (saved)',
};

export async function addOne(gatewayID: string, d: SearchedDevice, action: BulkAddAction) {
  if (action === 'connect')
    await connectDevice(gatewayID, { IPAddr: d.IPAddr, port: d.port, useSSL: d.useSSL });
  else
    await addAsyncConnections(gatewayID, action === 'async-db' ? 'db' : 'session', [
      { deviceID: d.deviceID, IPAddr: d.IPAddr, port: d.port, useSSL: d.useSSL },
    ]);
}

/** Runs `action` for each device; `onResult` reports each as it settles. Returns the summary. */
export async function bulkAdd(
  gatewayID: string,
  devices: readonly SearchedDevice[],
  action: BulkAddAction,
  onResult: (deviceID: number, result: { ok: true } | { ok: false; error: string }) => void,
): Promise<string> {
  let next = 0;
  let ok = 0;
  async function worker() {
    while (next < devices.length) {
      const d = devices[next++]!;
      try {
        await addOne(gatewayID, d, action);
        ok++;
        onResult(d.deviceID, { ok: true });
      } catch (error) {
        onResult(d.deviceID, { ok: false, error: errorMessage(error) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, devices.length) }, worker));
  const failed = devices.length - ok;
  return `${ok} of ${devices.length} ${DONE[action]}${failed ? `, ${failed} failed` : ''}`;
}
