// Whether the BFF's device statuses equal the master's: compared as the exact (device, status) set of
// every device that is not connected, plus the number of devices in each connected status. Churn
// only moves devices between connected and not connected (TCP stays TCP, TLS stays TLS), so equal
// views mean every device's status is equal, and the BFF answers it with a small list, not 100,000 rows.
export interface StatusView {
  /** Devices per connected status (wire number -> count). */
  connected: Record<number, number>;
  /** deviceID -> status (wire number) of every device not connected. */
  others: Map<number, number>;
}

export function viewOf(
  devices: Iterable<{ deviceID: number; status: number }>,
  connectedStatuses: readonly number[],
): StatusView {
  const view: StatusView = { connected: {}, others: new Map() };
  for (const c of connectedStatuses) view.connected[c] = 0;
  for (const d of devices) {
    if (connectedStatuses.includes(d.status)) view.connected[d.status]!++;
    else view.others.set(d.deviceID, d.status);
  }
  return view;
}

/** Devices whose status differs between the views (0 = equal); counts differences of connected totals too. */
export function viewDifference(a: StatusView, b: StatusView): number {
  let diff = 0;
  for (const [id, s] of a.others) if (b.others.get(id) !== s) diff++;
  for (const id of b.others.keys()) if (!a.others.has(id)) diff++;
  const keys = new Set([...Object.keys(a.connected), ...Object.keys(b.connected)].map(Number));
  for (const k of keys) diff += Math.abs((a.connected[k] ?? 0) - (b.connected[k] ?? 0));
  return diff;
}
