// What a tenant feed does with the status changes streamed while it reads device lists. A list may
// have been taken before a change that arrives while it is on its way, so applying the list as read
// could undo that change. Holding the tenant's changes until the lists were in (as before) kept them
// safe but late: the background re-read reads a gateway every 300 ms, and at 10,000 changes/s every
// change of its tenant waited for the read (bench/README.md, issue 12). Now a known device's change is
// applied and sent at once, and the lists are applied with the statuses streamed since the read began
// in place of their own. The final picture is the same as holding and replaying gave: a device
// changed during the read ends with its last streamed status, any other with the list's. A change for
// a device no list has shown yet still waits for the lists that add it and is replayed after them.
import type { DeviceInfo, DeviceStatusChange } from '@cmc/gsdk';

/** Changes held during a list read; beyond this, older ones go (the lists being read supersede them). */
const MAX_HELD = 100_000;

export class ChangesDuringRead {
  private held: DeviceStatusChange[] = [];
  private readonly streamed = new Map<number, DeviceInfo['status']>();

  /** A known device's change, applied during the read: the lists read now must not undo it. */
  applied(change: DeviceStatusChange): void {
    this.streamed.set(change.deviceID, change.status);
  }

  /** A change to apply once the lists are in (its device is not known yet). */
  hold(change: DeviceStatusChange): void {
    if (this.held.length >= MAX_HELD) this.held.shift();
    this.held.push(change);
  }

  /** `infos` with the streamed status of every device changed since the read began. */
  overlay(infos: DeviceInfo[]): DeviceInfo[] {
    if (this.streamed.size === 0) return infos;
    return infos.map((info) => {
      const status = this.streamed.get(info.deviceID);
      return status === undefined || status === info.status ? info : { ...info, status };
    });
  }

  /** The read is over: forgets what was applied and returns what was held, oldest first. */
  end(): DeviceStatusChange[] {
    this.streamed.clear();
    const held = this.held;
    this.held = [];
    return held;
  }
}
