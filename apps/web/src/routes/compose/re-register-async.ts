import type { Store } from '@cmc/api';
import { addAsyncConnections } from '../../features/async-connections/api/add-async-connections.ts';
import { deleteAsyncConnections } from '../../features/async-connections/api/delete-async-connections.ts';
import { fetchAsyncConnections } from '../../features/async-connections/api/list-async-connections.ts';
import { errorMessage } from '../../lib/api-error.ts';

export interface ReRegisterOutcome {
  /** Devices whose registrations now carry the new SSL flag. */
  updated: number[];
  /** Devices without an async registration on their gateway (nothing to update). */
  notRegistered: number[];
  failures: Map<number, string>;
}

/**
 * After EnableSSL / DisableSSL the G-SDK needs the SSL flag of a device's async registration to
 * match, or the gateway keeps dialling it the old way. The master has no "update", so each store
 * the device is registered in (session, saved) gets delete + add with the new flag.
 */
export async function reRegisterAsync(
  refs: ReadonlyArray<{ deviceID: number; gatewayID: string }>,
  useSSL: boolean,
): Promise<ReRegisterOutcome> {
  const outcome: ReRegisterOutcome = { updated: [], notRegistered: [], failures: new Map() };
  const byGateway = new Map<string, number[]>();
  for (const r of refs)
    byGateway.set(r.gatewayID, [...(byGateway.get(r.gatewayID) ?? []), r.deviceID]);
  for (const [gatewayID, ids] of byGateway) {
    let lists;
    try {
      lists = await fetchAsyncConnections(gatewayID);
    } catch (error) {
      for (const id of ids) outcome.failures.set(id, errorMessage(error));
      continue;
    }
    const savedIDs = new Set(lists.db.map((i) => i.deviceID));
    const touched = new Set<number>();
    // A saved registration shows in the session list once applied: updating the saved one is enough.
    const plan: Array<[Store, typeof lists.db]> = [
      ['db', lists.db.filter((i) => ids.includes(i.deviceID))],
      [
        'session',
        lists.session.filter((i) => ids.includes(i.deviceID) && !savedIDs.has(i.deviceID)),
      ],
    ];
    for (const [store, infos] of plan) {
      if (infos.length === 0) continue;
      const deviceIDs = infos.map((i) => i.deviceID);
      try {
        await deleteAsyncConnections(gatewayID, store, deviceIDs);
        await addAsyncConnections(
          gatewayID,
          store,
          infos.map((i) => ({ ...i, useSSL })),
        );
        for (const id of deviceIDs) touched.add(id);
      } catch (error) {
        for (const id of deviceIDs) outcome.failures.set(id, errorMessage(error));
      }
    }
    for (const id of ids) {
      if (touched.has(id) && !outcome.failures.has(id)) outcome.updated.push(id);
      else if (!outcome.failures.has(id)) outcome.notRegistered.push(id);
    }
  }
  return outcome;
}
