import { performance } from 'node:perf_hooks';
import { UNKNOWN_DEVICE_TYPE } from '../scenario/device-types.ts';
import type { ParsedScenario } from '../scenario/schema.ts';
import { IndexSet } from '../util/index-set.ts';
import { randomInt, type Random } from '../util/prng.ts';
import {
  GatewayStatus,
  Mode,
  Status,
  cloneFilter,
  cloneSlaves,
  connectedStatus,
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

export interface WorldTiming {
  /** Gateway's async reconnect interval and the devices' device-to-server redial interval. */
  reconnectDelayMs: number;
  /** A flaky device stays up for a random time in this range (ms)… */
  flakyUpMs: [number, number];
  /** …then drops off the network for a random time in this range. */
  flakyDownMs: [number, number];
}

export type AttemptResult =
  | { ok: true; device: Device }
  | { ok: false; status: DeviceStatus; reason: string; device?: Device };

export type DialResult = 'accepted' | 'refused' | 'already-connected';

/**
 * The simulated network behind the master: device gateways, their devices, registrations, accept
 * filters, pending lists and slave settings, plus the timers that make a real gateway retry and
 * real devices redial. Every status change goes through `setStatus`, which feeds the status hubs
 * and the `onEmit` listeners. State lives in Maps keyed by ID so one change never scans the world.
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

  // ---------------------------------------------------------------- building

  static fromScenario(scenario: ParsedScenario, timing: WorldTiming, random: Random): World {
    const world = new World(timing, random);
    for (const t of scenario.tenants) world.tenants.add(t);
    for (const g of scenario.gateways) {
      const gw = world.addGateway(g.gatewayID, g.tenantID, g.subnet, g.IPAddr);
      gw.connected = g.connected;
      if (g.acceptFilter) {
        const { db, ...filter } = g.acceptFilter;
        if (db) gw.filterDB = cloneFilter(filter);
        gw.filter = cloneFilter(filter);
      }
      for (const { db, ...s } of g.slaves) {
        if (db) gw.slavesDB.set(s.deviceID, cloneSlaves(s));
        gw.slaves.set(s.deviceID, cloneSlaves(s));
      }
    }
    for (const d of scenario.devices) {
      const mode =
        d.connectionMode ??
        (d.registration === 'deviceToServer' ? Mode.DEVICE_TO_SERVER : Mode.SERVER_TO_DEVICE);
      world.addDevice({
        deviceID: d.deviceID,
        gatewayID: d.gatewayID,
        type: d.type,
        IPAddr: d.IPAddr,
        port: d.port,
        connectionMode: mode,
        useSSL: d.useSSL,
        useDHCP: d.useDHCP,
        reachable: d.reachable,
        flaky: d.flaky,
        phantom: false,
      });
    }
    // Bring the world to its steady state synchronously, so the first GetDeviceList already shows it.
    for (const d of scenario.devices) {
      const dev = world.devices.get(d.deviceID)!;
      const gw = world.gateways.get(d.gatewayID)!;
      const reg: AsyncRegistration = {
        deviceID: dev.deviceID,
        IPAddr: dev.IPAddr,
        port: dev.port,
        useSSL: dev.useSSL,
      };
      if (d.registration === 'sync' && gw.connected) {
        const r = world.attemptOutbound(gw, reg);
        if (r.ok) world.makeManaged(r.device, 'sync', false, connectedStatus(reg.useSSL));
      } else if (d.registration === 'async' || d.registration === 'asyncDB') {
        if (d.registration === 'asyncDB') gw.asyncDB.set(dev.deviceID, reg);
        if (gw.connected) world.registerAsync(gw, reg, d.registration === 'asyncDB', true);
      } else if (d.registration === 'deviceToServer' && gw.connected) {
        world.dialIn(dev);
      }
      if (dev.flaky) world.scheduleFlaky(dev);
    }
    return world;
  }

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

  private addDevice(
    init: Omit<Device, 'online' | 'status' | 'managed' | 'kind' | 'autoReconnect'>,
  ): Device {
    const dev: Device = {
      ...init,
      online: true,
      status: Status.DISCONNECTED,
      managed: false,
      kind: null,
      autoReconnect: false,
    };
    this.devices.set(dev.deviceID, dev);
    const gw = this.gateways.get(dev.gatewayID)!;
    gw.deviceIDs.add(dev.deviceID);
    if (!dev.phantom) gw.byAddr.set(`${dev.IPAddr}:${dev.port}`, dev.deviceID);
    return dev;
  }

  private removeDevice(dev: Device): void {
    this.clearTimers(dev);
    this.managed.delete(dev.deviceID);
    this.devices.delete(dev.deviceID);
    this.gateways.get(dev.gatewayID)?.deviceIDs.delete(dev.deviceID);
  }

  // ---------------------------------------------------------------- status

  onEmit(listener: (e: EmittedStatus) => void): () => void {
    this.emitListeners.add(listener);
    return () => this.emitListeners.delete(listener);
  }

  setStatus(dev: Device, status: DeviceStatus): void {
    dev.status = status;
    if (this.stopped) return;
    const event: DeviceStatusEvent = {
      deviceID: dev.deviceID,
      gatewayID: dev.gatewayID,
      status,
      timestamp: nowSeconds(),
    };
    if (this.emitListeners.size > 0) {
      const emitted: EmittedStatus = {
        ...event,
        emittedAt: performance.timeOrigin + performance.now(),
      };
      for (const l of this.emitListeners) l(emitted);
    }
    this.deviceHub.publish(event);
  }

  private setGatewayStatus(gw: Gateway, connected: boolean): void {
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

  // ---------------------------------------------------------------- connecting

  /** What happens when the gateway opens a connection to IP:port (never a real socket). */
  attemptOutbound(gw: Gateway, reg: AsyncRegistration): AttemptResult {
    const cannot = reg.useSSL ? Status.TLS_CANNOT_CONNECT : Status.TCP_CANNOT_CONNECT;
    const addr = `${reg.IPAddr}:${reg.port}`;
    if (!gw.connected)
      return {
        ok: false,
        status: cannot,
        reason: `gateway ${gw.gatewayID} is not connected to the master`,
      };
    const id = gw.byAddr.get(addr);
    const dev = id === undefined ? undefined : this.devices.get(id);
    if (!dev || !dev.reachable || !dev.online)
      return {
        ok: false,
        status: cannot,
        reason: `no device answers at ${addr} on gateway ${gw.gatewayID}`,
        ...(dev ? { device: dev } : {}),
      };
    if (reg.deviceID !== 0 && reg.deviceID !== dev.deviceID)
      return {
        ok: false,
        status: cannot,
        reason: `the device at ${addr} is ${dev.deviceID}, not ${reg.deviceID}`,
      };
    if (dev.connectionMode === Mode.DEVICE_TO_SERVER)
      return {
        ok: false,
        status: cannot,
        reason: `device ${dev.deviceID} at ${addr} is in DEVICE_TO_SERVER mode and accepts no connections`,
        device: dev,
      };
    if (dev.useSSL && !reg.useSSL)
      return {
        ok: false,
        status: Status.TCP_NOT_ALLOWED,
        reason: `device ${dev.deviceID} requires SSL: connect with useSSL=true`,
        device: dev,
      };
    if (!dev.useSSL && reg.useSSL)
      return {
        ok: false,
        status: Status.TLS_CANNOT_CONNECT,
        reason: `device ${dev.deviceID} has SSL disabled: connect with useSSL=false`,
        device: dev,
      };
    return { ok: true, device: dev };
  }

  /**
   * Registers an async connection (the device record is created for an ID no device has, so the
   * gateway can keep failing on it as a real one does). `now`: attempt synchronously (world start).
   */
  registerAsync(gw: Gateway, reg: AsyncRegistration, db: boolean, now = false): Device {
    let dev = this.devices.get(reg.deviceID);
    if (!dev) {
      dev = this.addDevice({
        deviceID: reg.deviceID,
        gatewayID: gw.gatewayID,
        type: UNKNOWN_DEVICE_TYPE,
        IPAddr: reg.IPAddr,
        port: reg.port,
        connectionMode: Mode.SERVER_TO_DEVICE,
        useSSL: reg.useSSL,
        useDHCP: false,
        reachable: false,
        flaky: false,
        phantom: true,
      });
    }
    gw.asyncActive.set(reg.deviceID, { reg, db });
    if (dev.kind !== 'device-to-server') this.makeManaged(dev, 'async', true);
    if (!this.isConnected(dev)) {
      if (now) this.attemptAsync(dev);
      else this.scheduleRetry(dev, 0);
    }
    return dev;
  }

  /** Removes an async registration, disconnecting first. */
  unregisterAsync(gw: Gateway, deviceID: number): void {
    gw.asyncActive.delete(deviceID);
    const dev = this.devices.get(deviceID);
    if (!dev || dev.kind !== 'async') return;
    clearTimeout(dev.retryTimer);
    dev.retryTimer = undefined;
    if (this.isConnected(dev)) this.setStatus(dev, Status.DISCONNECTED);
    this.makeUnmanaged(dev);
    if (dev.phantom) this.removeDevice(dev);
  }

  asyncRegistration(dev: Device): AsyncRegistration | undefined {
    return this.gateways.get(dev.gatewayID)?.asyncActive.get(dev.deviceID)?.reg;
  }

  private attemptAsync(dev: Device): void {
    dev.retryTimer = undefined;
    const gw = this.gateways.get(dev.gatewayID);
    const reg = this.asyncRegistration(dev);
    if (!gw || !reg || !gw.connected || this.isConnected(dev)) return;
    const r = this.attemptOutbound(gw, reg);
    if (r.ok) {
      this.setStatus(dev, connectedStatus(reg.useSSL));
    } else {
      this.setStatus(dev, r.status);
      this.scheduleRetry(dev);
    }
  }

  scheduleRetry(dev: Device, delay = this.timing.reconnectDelayMs): void {
    clearTimeout(dev.retryTimer);
    if (this.stopped) return;
    dev.retryTimer = setTimeout(() => this.attemptAsync(dev), delay);
  }

  /** Does the gateway's accept filter let this device in? (IPAddrs/subnetMasks are not enforced, as the G-SDK documents.) */
  accepts(gw: Gateway, deviceID: number): boolean {
    const f = gw.filter;
    return f !== null && (f.allowAll || f.deviceIDs.includes(deviceID));
  }

  /** A device-to-server device dials its gateway. */
  dialIn(dev: Device): DialResult {
    clearTimeout(dev.dialTimer);
    dev.dialTimer = undefined;
    const gw = this.gateways.get(dev.gatewayID)!;
    if (this.isConnected(dev)) return 'already-connected';
    if (this.accepts(gw, dev.deviceID)) {
      gw.pending.delete(dev.deviceID);
      this.makeManaged(dev, 'device-to-server', false, connectedStatus(dev.useSSL));
      return 'accepted';
    }
    gw.pending.set(dev.deviceID, {
      deviceID: dev.deviceID,
      type: dev.type,
      IPAddr: dev.IPAddr,
      lastTry: nowSeconds(),
    });
    this.setStatus(dev, dev.useSSL ? Status.TLS_NOT_ALLOWED : Status.TCP_NOT_ALLOWED);
    this.scheduleDial(dev);
    return 'refused';
  }

  /** Whether a device is in a position to dial in right now. */
  canDial(dev: Device): boolean {
    const gw = this.gateways.get(dev.gatewayID);
    return (
      dev.connectionMode === Mode.DEVICE_TO_SERVER &&
      dev.online &&
      dev.reachable &&
      !dev.phantom &&
      gw?.connected === true
    );
  }

  scheduleDial(dev: Device, delay = this.timing.reconnectDelayMs): void {
    clearTimeout(dev.dialTimer);
    dev.dialTimer = undefined;
    if (this.stopped || !this.canDial(dev)) return;
    dev.dialTimer = setTimeout(() => {
      dev.dialTimer = undefined;
      if (this.canDial(dev)) this.dialIn(dev);
    }, delay);
  }

  /**
   * The device's connection ends (Disconnect, a network drop, or the device rewriting its own
   * configuration). What follows depends on how it was connected: a sync device leaves the list, an
   * async one is retried after the delay, a device-to-server device redials after the delay.
   */
  dropConnection(dev: Device): void {
    if (this.isConnected(dev)) this.setStatus(dev, Status.DISCONNECTED);
    switch (dev.kind) {
      case 'sync':
        this.makeUnmanaged(dev);
        break;
      case 'async':
        this.scheduleRetry(dev);
        break;
      case 'device-to-server':
        this.makeUnmanaged(dev);
        this.scheduleDial(dev);
        break;
      case null:
        break;
    }
  }

  // ---------------------------------------------------------------- network events

  deviceOffline(dev: Device): void {
    dev.online = false;
    clearTimeout(dev.dialTimer);
    dev.dialTimer = undefined;
    if (this.isConnected(dev)) this.dropConnection(dev);
  }

  /** Back on the network: async / device-to-server ones reconnect after the delay (or at once). */
  deviceOnline(dev: Device, now = false): void {
    dev.online = true;
    const delay = now ? 0 : this.timing.reconnectDelayMs;
    if (dev.kind === 'async' && !this.isConnected(dev)) {
      if (now) {
        clearTimeout(dev.retryTimer);
        this.attemptAsync(dev);
      } else {
        this.scheduleRetry(dev, delay);
      }
    }
    if (this.canDial(dev) && !this.isConnected(dev)) {
      if (now) this.dialIn(dev);
      else this.scheduleDial(dev, delay);
    }
  }

  /** The device gateway leaves the master: connections drop, session-only settings are lost. */
  gatewayOffline(gw: Gateway): void {
    if (!gw.connected) return;
    for (const id of gw.deviceIDs) {
      const dev = this.devices.get(id)!;
      clearTimeout(dev.retryTimer);
      clearTimeout(dev.dialTimer);
      dev.retryTimer = dev.dialTimer = undefined;
      if (this.isConnected(dev)) this.setStatus(dev, Status.DISCONNECTED);
      if (dev.managed) this.makeUnmanaged(dev);
    }
    gw.asyncActive.clear();
    gw.filter = null;
    gw.pending.clear();
    gw.slaves.clear();
    for (const id of [...gw.deviceIDs]) {
      const dev = this.devices.get(id)!;
      if (dev.phantom) this.removeDevice(dev);
    }
    this.setGatewayStatus(gw, false);
  }

  /** The device gateway reconnects: the master re-applies what its database holds. */
  gatewayOnline(gw: Gateway): void {
    if (gw.connected) return;
    this.setGatewayStatus(gw, true);
    gw.filter = gw.filterDB ? cloneFilter(gw.filterDB) : null;
    for (const s of gw.slavesDB.values()) gw.slaves.set(s.deviceID, cloneSlaves(s));
    for (const reg of gw.asyncDB.values()) this.registerAsync(gw, reg, true, true);
    for (const id of gw.deviceIDs) {
      const dev = this.devices.get(id)!;
      if (this.canDial(dev)) this.dialIn(dev);
    }
  }

  // ---------------------------------------------------------------- flaky devices and churn

  private scheduleFlaky(dev: Device): void {
    if (this.stopped) return;
    const [min, max] = dev.online ? this.timing.flakyUpMs : this.timing.flakyDownMs;
    dev.flakyTimer = setTimeout(
      () => {
        if (dev.online) this.deviceOffline(dev);
        else this.deviceOnline(dev);
        this.scheduleFlaky(dev);
      },
      randomInt(this.random, min, max),
    );
  }

  private readonly churnedDown = new Set<number>();

  /**
   * One churn step: a random managed device blips — a connected one drops, one churn dropped
   * earlier comes back. Timers are left alone so the rate the caller asks for is the rate emitted.
   */
  churnOnce(): boolean {
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = this.managed.pick(this.random());
      if (id === undefined) return false;
      const dev = this.devices.get(id)!;
      if (this.isConnected(dev)) {
        this.churnedDown.add(id);
        this.setStatus(dev, Status.DISCONNECTED);
        return true;
      }
      if (this.churnedDown.delete(id)) {
        this.setStatus(dev, connectedStatus(this.asyncRegistration(dev)?.useSSL ?? dev.useSSL));
        return true;
      }
    }
    return false;
  }

  /** Churn stopped: devices it left down come back, as their blip ends. */
  endChurn(): void {
    for (const id of this.churnedDown) {
      const dev = this.devices.get(id);
      if (dev?.managed && !this.isConnected(dev) && dev.online)
        this.setStatus(dev, connectedStatus(this.asyncRegistration(dev)?.useSSL ?? dev.useSSL));
    }
    this.churnedDown.clear();
  }

  // ---------------------------------------------------------------- lifecycle

  private clearTimers(dev: Device): void {
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
