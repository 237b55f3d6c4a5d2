// A Multi RPC answers only the failures; the API answers one entry per requested device.
import type { MultiResponse } from '@cmc/api';

export function multiResults(
  deviceIDs: number[],
  deviceErrors: Array<{ deviceID: number; code: number; msg: string }>,
): MultiResponse {
  const errors = new Map(deviceErrors.map((e) => [e.deviceID, e]));
  const results = deviceIDs.map((deviceID) => {
    const e = errors.get(deviceID);
    return e
      ? { deviceID, ok: false, code: e.code, message: e.msg || `error code ${e.code}` }
      : { deviceID, ok: true };
  });
  // An error about a device we did not ask for still reaches the user rather than vanishing.
  for (const e of deviceErrors) {
    if (!deviceIDs.includes(e.deviceID))
      results.push({
        deviceID: e.deviceID,
        ok: false,
        code: e.code,
        message: e.msg || `error code ${e.code}`,
      });
  }
  const failed = results.filter((r) => !r.ok).length;
  return { results, succeeded: results.length - failed, failed };
}

export function describeFailures(result: MultiResponse): string | undefined {
  if (result.failed === 0) return undefined;
  const list = result.results
    .filter((r) => !r.ok)
    .slice(0, 20)
    .map((r) => `${r.deviceID}: ${r.message ?? ''}`)
    .join('; ');
  return `${result.failed} of ${result.results.length} devices failed: ${list}`;
}
