import type { MultiResponse } from '@cmc/api';
import { MAX_DEVICE_IDS_PER_CALL } from '@cmc/api';
import { errorMessage } from '../../../lib/api-error.ts';
import type { DeviceRef } from './matching-devices.ts';

export interface BulkOutcome {
  succeeded: number;
  /** deviceID -> the reason that device failed, in the server's words. */
  failures: Map<number, string>;
}

/** Groups devices by gateway (every command is per gateway) and splits them into API-sized chunks. */
export function planChunks(
  refs: readonly DeviceRef[],
  max = MAX_DEVICE_IDS_PER_CALL,
): Array<{ gatewayID: string; deviceIDs: number[] }> {
  const byGateway = new Map<string, number[]>();
  for (const ref of refs) {
    const list = byGateway.get(ref.gatewayID) ?? [];
    if (!list.includes(ref.deviceID)) list.push(ref.deviceID);
    byGateway.set(ref.gatewayID, list);
  }
  const chunks: Array<{ gatewayID: string; deviceIDs: number[] }> = [];
  for (const [gatewayID, ids] of byGateway) {
    for (let i = 0; i < ids.length; i += max)
      chunks.push({ gatewayID, deviceIDs: ids.slice(i, i + max) });
  }
  return chunks;
}

/**
 * Runs a command over every chunk, one after the other (the gateway is one device), and collects
 * each device's own outcome: Multi results per device; a failed call fails all devices it carried.
 */
export async function runBulk(
  refs: readonly DeviceRef[],
  command: (gatewayID: string, deviceIDs: number[]) => Promise<MultiResponse | unknown>,
  onProgress?: (done: number, total: number) => void,
): Promise<BulkOutcome> {
  const failures = new Map<number, string>();
  let succeeded = 0;
  const chunks = planChunks(refs);
  let done = 0;
  for (const chunk of chunks) {
    try {
      const result = await command(chunk.gatewayID, chunk.deviceIDs);
      if (isMulti(result)) {
        for (const r of result.results) {
          if (r.ok) succeeded++;
          else failures.set(r.deviceID, r.message ?? `failed (code ${r.code ?? '?'})`);
        }
      } else succeeded += chunk.deviceIDs.length;
    } catch (error) {
      const message = errorMessage(error);
      for (const id of chunk.deviceIDs) failures.set(id, message);
    }
    done += chunk.deviceIDs.length;
    onProgress?.(done, refs.length);
  }
  return { succeeded, failures };
}

function isMulti(value: unknown): value is MultiResponse {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as MultiResponse).results)
  );
}
