// The evaluator over a real (in-memory) SQLite with a hand-driven watch state and clock: flapping,
// failure causes, tenant scope, disabled and removed rules, and no clearing on a subject not yet seen.
import type { Alarm } from '@cmc/api';
import { DeviceStatus } from '@cmc/gsdk/names';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.ts';
import { createLogger } from '../../logger.ts';
import { createAlarmStore, type AlarmStore } from '../alarms/alarm-store.ts';
import { createEvaluator, type Evaluator } from '../evaluator/evaluator.ts';
import { WatchState } from '../evaluator/watch-state.ts';
import { createRuleStore, type RuleInput, type RuleStore } from '../rules/rule-store.ts';

const CONNECTED = DeviceStatus.TCP_CONNECTED;
const DOWN = DeviceStatus.DISCONNECTED;

describe('alert evaluator', () => {
  let db: Db;
  let rules: RuleStore;
  let alarms: AlarmStore;
  let state: WatchState;
  let now: number;
  let events: Array<[string, Alarm]>;
  let evaluator: Evaluator;
  const tenants = new Map([
    ['gw1', 't1'],
    ['gw2', 't2'],
  ]);
  const rule = (r: Partial<RuleInput> & Pick<RuleInput, 'condition' | 'scope'>) =>
    rules.create({ name: 'r', enabled: true, webhookIDs: [], ...r }, 'admin');
  const device = (deviceID: number, gatewayID: string, status: number) =>
    state.device({ deviceID, gatewayID, status, at: now });
  const open = () => alarms.list({ state: 'open', limit: 100 }).alarms;

  beforeEach(() => {
    db = openDatabase(':memory:');
    rules = createRuleStore(db);
    alarms = createAlarmStore(db);
    state = new WatchState();
    now = 1_000_000;
    events = [];
    evaluator = createEvaluator({
      rules,
      alarms,
      state,
      tenantOf: (id) => tenants.get(id),
      isEvaluator: () => true,
      onAlarm: (event, alarm) => events.push([event, alarm]),
      logger: createLogger({ level: 'silent' }),
      now: () => now,
    });
  });

  it('flapping: K drops within M minutes raise; fewer in the window clear', () => {
    rule({ condition: { kind: 'device-flapping', drops: 3, minutes: 1 }, scope: { kind: 'all' } });
    device(7, 'gw1', CONNECTED);
    for (let k = 0; k < 2; k++) {
      now += 1000;
      device(7, 'gw1', DOWN);
      now += 1000;
      device(7, 'gw1', CONNECTED);
    }
    evaluator.tick();
    expect(open()).toEqual([]); // two drops
    now += 1000;
    device(7, 'gw1', DOWN);
    evaluator.tick();
    expect(open()).toMatchObject([{ deviceID: 7, kind: 'device-flapping', state: 'active' }]);
    expect(open()[0]?.message).toContain('dropped 3 times in 1 min');
    now += 61_000; // the first drops leave the window
    evaluator.tick();
    expect(open()).toEqual([]);
    expect(events.map(([e]) => e)).toEqual(['raised', 'cleared']);
  });

  it('failure cause: only that status raises, any other clears', () => {
    rule({
      condition: { kind: 'device-failure', cause: 'TLS_CANNOT_CONNECT' },
      scope: { kind: 'gateway', gatewayID: 'gw1' },
    });
    device(1, 'gw1', DeviceStatus.TCP_CANNOT_CONNECT);
    device(2, 'gw1', DeviceStatus.TLS_CANNOT_CONNECT);
    device(3, 'gw2', DeviceStatus.TLS_CANNOT_CONNECT); // other gateway: out of scope
    evaluator.tick();
    expect(open().map((a) => a.deviceID)).toEqual([2]);
    expect(open()[0]?.message).toContain('failing: TLS_CANNOT_CONNECT');
    device(2, 'gw1', DeviceStatus.TLS_CONNECTED);
    evaluator.tick();
    expect(open()).toEqual([]);
  });

  it('tenant scope follows the gateway owner; offline alarms wait for the threshold', () => {
    rule({
      condition: { kind: 'device-offline', seconds: 5 },
      scope: { kind: 'tenant', tenantID: 't2' },
    });
    device(1, 'gw1', DOWN);
    device(2, 'gw2', DOWN);
    evaluator.tick();
    expect(open()).toEqual([]);
    now += 5000;
    evaluator.tick();
    expect(open().map((a) => [a.deviceID, a.gatewayID])).toEqual([[2, 'gw2']]);
    evaluator.tick();
    expect(events).toHaveLength(1); // raised once, not again on the next tick
  });

  it('disabling or removing a rule clears its alarms; unknown subjects are never cleared', () => {
    const r = rule({ condition: { kind: 'gateway-offline', seconds: 1 }, scope: { kind: 'all' } });
    state.gateway('gw1', false, now);
    now += 1000;
    evaluator.tick();
    const [raised] = open();
    expect(raised).toMatchObject({ gatewayID: 'gw1', deviceID: null });

    // A fresh state (as after a restart) that has not seen gw1 yet leaves the alarm open.
    const fresh = new WatchState();
    const restarted = createEvaluator({
      rules,
      alarms,
      state: fresh,
      tenantOf: () => undefined,
      isEvaluator: () => true,
      onAlarm: (event, alarm) => events.push([event, alarm]),
      logger: createLogger({ level: 'silent' }),
      now: () => now,
    });
    restarted.tick();
    expect(open().map((a) => a.id)).toEqual([raised!.id]);
    // Seen offline again just now (its start unknown): the open alarm is kept, not re-raised.
    fresh.gateway('gw1', false, now);
    restarted.tick();
    expect(open().map((a) => a.id)).toEqual([raised!.id]);

    rules.update(r.id, { ...r, enabled: false });
    evaluator.tick();
    expect(alarms.get(raised!.id)).toMatchObject({
      state: 'cleared',
      clearReason: 'rule disabled',
    });
    rules.update(r.id, { ...r, enabled: true });
    now += 1000;
    evaluator.tick();
    const [second] = open();
    rules.remove(r.id);
    evaluator.tick();
    expect(alarms.get(second!.id)).toMatchObject({ state: 'cleared', clearReason: 'rule removed' });
  });

  it('does nothing where this instance does not hold the lease', () => {
    rule({ condition: { kind: 'device-offline', seconds: 1 }, scope: { kind: 'all' } });
    device(1, 'gw1', DOWN);
    now += 2000;
    const follower = createEvaluator({
      rules,
      alarms,
      state,
      tenantOf: () => undefined,
      isEvaluator: () => false,
      onAlarm: () => undefined,
      logger: createLogger({ level: 'silent' }),
      now: () => now,
    });
    follower.tick();
    expect(open()).toEqual([]);
  });
});
