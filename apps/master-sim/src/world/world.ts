import { performance } from 'node:perf_hooks';
import { IndexSet } from '../util/index-set.ts';
import type { Random } from '../util/prng.ts';
import {
  GatewayStatus,
  Status,
  isConnectedStatus,
  nowSeconds,
  type AsyncRegistration,
  type Device,
  type DeviceStatus,
  type DeviceStatusEvent,
  type EmittedStatus,
  type Gateway,
  type GatewayStatusEvent,
  type Kind,
} from './model.ts';
import { StatusHub } from './status-hub.ts';

/** Constant for the process; the getter is not free at thousands of changes per second. */
const TIME_ORIGIN = performance.timeOrigin;

export interface WorldTiming {
  /** Gateway's async reconnect interval and the devices' device-to-server redial interval. */
  reconnectDelayMs: number;
  /** A flaky device stays up for a random time in this range (ms)… */
  flakyUpMs: [number, number];
  /** …then drops off the network for a random time in this range. */
  flakyDownMs: [number, number];
}

/**
 * The simulated network's state behind the master: device gateways, their devices, registrations,
 * accept filters, pending lists and slave settings. Every status change goes through `setStatus`,
 * which feeds the status hubs and the `onEmit` listeners, so no rule module can forget an event.
 * State lives in Maps keyed by ID so one change never scans the world. What the gateway and the
 * devices do with this state lives beside it: connection-rules.ts, reconnect.ts,
 * network-events.ts, churn.ts; build-world.ts brings a scenario to its steady state.
 */
export class World {
  readonly tenants = new Set<string>(['administrator']);
  readonly gateways = new Map<string, Gateway>();
  readonly devices = new Map<number, Device>();
  /** Managed devices, for O(1) random picks by the churn generator. */
  readonly managed = new IndexSet();
  readonly deviceHub = new StatusHub<DeviceStatusEvent>();
  readonly gatewayHub = new StatusHub<GatewayStatusEvent>();
  private readonly emitListeners = new Set<(e: EmittedStatus) => void>();
  private stopped = false;

  constructor(
    readonly timing: WorldTiming,
    readonly random: Random,
  ) {}

  addGateway(
    gatewayID: string,
    tenantID: string | null,
    subnet = '0.0.0.0/0',
    IPAddr = '',
  ): Gateway {
    const gw: Gateway = {
      gatewayID,
      tenantID,
      connected: false,
      subnet,
      IPAddr,
      deviceIDs: new Set(),
      byAddr: new Map(),
      asyncActive: new Map(),
      asyncDB: new Map(),
      filter: null,
      filterDB: null,
      pending: new Map(),
      slaves: new Map(),
      slavesDB: new Map(),
    };
    this.gateways.set(gatewayID, gw);
    return gw;
  }

  addDevice(
    init: Omit<
      Device,
      | 'online'
      | 'status'
      | 'managed'
      | 'kind'
      | 'autoReconnect'
      | 'retryTimer'
      | 'dialTimer'
      | 'flakyTimer'
    >,
  ): Device {
    // Every field written here, in one order, timers included: all devices then share one hidden
    // class, so the per-change reads (status, gatewayID, kind) stay monomorphic at 100,000 devices
    // (a spread plus timer fields added later made them megamorphic: 3x the CPU per churn change).
    const dev: Device = {
      deviceID: init.deviceID,
      gatewayID: init.gatewayID,
      type: init.type,
      IPAddr: init.IPAddr,
      port: init.port,
      connectionMode: init.connectionMode,
      useSSL: init.useSSL,
      useDHCP: init.useDHCP,
      reachable: init.reachable,
      flaky: init.flaky,
      online: true,
      status: Status.DISCONNECTED,
      managed: false,
      kind: null,
      autoReconnect: false,
      phantom: init.phantom,
      retryTimer: undefined,
      dialTimer: undefined,
      flakyTimer: undefined,
    };
    this.devices.set(dev.deviceID, dev);
    const gw = this.gateways.get(dev.gatewayID)!;
    gw.deviceIDs.add(dev.deviceID);
    // A phantom has no address of its own: a Connect to that address must not find it.
    if (!dev.phantom) gw.byAddr.set(`${dev.IPAddr}:${dev.port}`, dev.deviceID);
    return dev;
  }

  removeDevice(dev: Device): void {
    this.clearTimers(dev);
    this.managed.delete(dev.deviceID);
    this.devices.delete(dev.deviceID);
    this.gateways.get(dev.gatewayID)?.deviceIDs.delete(dev.deviceID);
  }

  onEmit(listener: (e: EmittedStatus) => void): () => void {
    this.emitListeners.add(listener);
    return () => this.emitListeners.delete(listener);
  }

  setStatus(dev: Device, status: DeviceStatus): void {
    dev.status = status;
    if (this.stopped) return;
    // One object per change, shared by the emit listeners and the streams (the encoder reads only
    // the StatusChange fields): at 10,000 changes/s a second copy per change is garbage we pay for.
    const event: EmittedStatus = {
      deviceID: dev.deviceID,
      gatewayID: dev.gatewayID,
      status,
      timestamp: nowSeconds(),
      emittedAt: TIME_ORIGIN + performance.now(),
    };
    for (const l of this.emitListeners) l(event);
    this.deviceHub.publish(event);
  }

  setGatewayStatus(gw: Gateway, connected: boolean): void {
    gw.connected = connected;
    if (this.stopped) return;
    this.gatewayHub.publish({
      gatewayID: gw.gatewayID,
      status: connected ? GatewayStatus.CONNECTED : GatewayStatus.DISCONNECTED,
      timestamp: nowSeconds(),
    });
  }

  isConnected(dev: Device): boolean {
    return isConnectedStatus(dev.status);
  }

  makeManaged(dev: Device, kind: Kind, autoReconnect: boolean, status?: DeviceStatus): void {
    dev.managed = true;
    dev.kind = kind;
    dev.autoReconnect = autoReconnect;
    this.managed.add(dev.deviceID);
    if (status !== undefined) this.setStatus(dev, status);
  }

  makeUnmanaged(dev: Device): void {
    dev.managed = false;
    dev.kind = null;
    dev.autoReconnect = false;
    this.managed.delete(dev.deviceID);
  }

  asyncRegistration(dev: Device): AsyncRegistration | undefined {
    return this.gateways.get(dev.gatewayID)?.asyncActive.get(dev.deviceID)?.reg;
  }

  clearTimers(dev: Device): void {
    clearTimeout(dev.retryTimer);
    clearTimeout(dev.dialTimer);
    clearTimeout(dev.flakyTimer);
    dev.retryTimer = dev.dialTimer = dev.flakyTimer = undefined;
  }

  stop(): void {
    this.stopped = true;
    for (const dev of this.devices.values()) this.clearTimers(dev);
    this.emitListeners.clear();
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}
