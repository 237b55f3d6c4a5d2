import { runBulk } from '../../features/devices/api/run-bulk.ts';
import { setSsl } from '../../features/devices/api/set-ssl.ts';
import { reRegisterAsync } from './re-register-async.ts';
import type { DeviceOutcome, SslPlan } from './ssl-change-plan.ts';

/**
 * Runs an SSL plan: EnableSSLMulti / DisableSSLMulti per gateway, then (when asked) the async
 * registrations of the devices that changed get the new flag, so the gateway can reconnect them.
 * Answers one outcome per target device.
 */
export async function runSslChange(
  plan: SslPlan,
  updateRegistrations: boolean,
  onStep?: (step: 'ssl' | 'registrations') => void,
): Promise<Map<number, DeviceOutcome>> {
  const outcomes = new Map<number, DeviceOutcome>();
  const refs = plan.targets.map((t) => ({ deviceID: t.row.deviceID, gatewayID: t.row.gatewayID }));
  onStep?.('ssl');
  const ssl = await runBulk(refs, (gatewayID, deviceIDs) =>
    setSsl(gatewayID, deviceIDs, plan.enabled),
  );
  for (const t of plan.targets) {
    const failed = ssl.failures.get(t.row.deviceID);
    outcomes.set(t.row.deviceID, {
      ssl: failed === undefined ? { ok: true } : { ok: false, message: failed },
      ...(t.kind === 'async' ? { registration: 'left' as const } : {}),
    });
  }
  const follow = plan.targets.filter(
    (t) => t.kind === 'async' && !ssl.failures.has(t.row.deviceID),
  );
  if (!updateRegistrations || follow.length === 0) return outcomes;
  onStep?.('registrations');
  const result = await reRegisterAsync(
    follow.map((t) => ({ deviceID: t.row.deviceID, gatewayID: t.row.gatewayID })),
    plan.enabled,
  );
  for (const t of follow) {
    const id = t.row.deviceID;
    const failure = result.failures.get(id);
    const registration: DeviceOutcome['registration'] =
      failure !== undefined
        ? { updated: false, message: failure }
        : result.updated.includes(id)
          ? { updated: true }
          : 'none';
    outcomes.set(id, { ssl: { ok: true }, registration });
  }
  return outcomes;
}
