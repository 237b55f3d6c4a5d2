// The history facts the row-cache tests render rows with: connected once, nothing else recorded.
import type { DeviceFacts } from '../device-row.ts';

export const facts = (over: Partial<DeviceFacts> = {}): DeviceFacts => ({
  lastConnectedAt: '2026-11-27T06:00:00.000Z',
  lastDisconnectedAt: null,
  lastFailure: null,
  flapping: false,
  ...over,
});
