// Alert rules and the alarms they raise (issue 11, docs/alerts.md). Rules and webhooks are the
// console's own data (SQLite), evaluated by the BFF against the live status it follows.
import { z } from 'zod';
import { deviceID, deviceIDParam, gatewayID, intParam, isoTime, tenantID } from './common.ts';

/** The failure statuses a "failing with cause" rule can watch (connect.Status 0x100 and up). */
export const FAILURE_CAUSES = [
  'TCP_CANNOT_CONNECT',
  'TCP_NOT_ALLOWED',
  'TLS_CANNOT_CONNECT',
  'TLS_NOT_ALLOWED',
] as const;
export const failureCause = z.enum(FAILURE_CAUSES, {
  message: `must be one of ${FAILURE_CAUSES.join(', ')}`,
});

const MAX_SECONDS = 7 * 24 * 3600;
const seconds = z
  .number({ message: 'must be a number of seconds' })
  .int({ message: 'must be a whole number of seconds' })
  .min(1, { message: 'must be at least 1 second' })
  .max(MAX_SECONDS, { message: `must be at most ${MAX_SECONDS} seconds (7 days)` });

export const alertCondition = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('device-offline'), seconds }),
    z.object({ kind: z.literal('gateway-offline'), seconds }),
    z.object({
      kind: z.literal('device-flapping'),
      drops: z
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number' })
        .min(2, { message: 'must be at least 2 drops' })
        .max(1000, { message: 'must be at most 1000 drops' }),
      minutes: z
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number of minutes' })
        .min(1, { message: 'must be at least 1 minute' })
        .max(1440, { message: 'must be at most 1440 minutes (a day)' }),
    }),
    z.object({ kind: z.literal('device-failure'), cause: failureCause }),
  ],
  { message: 'kind must be device-offline, gateway-offline, device-flapping or device-failure' },
);
export type AlertCondition = z.infer<typeof alertCondition>;
export type AlertConditionKind = AlertCondition['kind'];

/** Which devices (or gateways) a rule watches. */
export const alertScope = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('tenant'), tenantID }),
    z.object({ kind: z.literal('gateway'), gatewayID }),
    z.object({ kind: z.literal('device'), deviceID }),
  ],
  { message: 'scope kind must be all, tenant, gateway or device' },
);
export type AlertScope = z.infer<typeof alertScope>;

/** Control characters and text-direction overrides, which could make a name read differently. */
function hasHiddenCharacters(s: string): boolean {
  return [...s].some((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069)
    );
  });
}

const ruleName = z
  .string({ message: 'must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'must not be empty' })
      .max(80, { message: 'must be at most 80 characters' })
      .refine((s) => !hasHiddenCharacters(s), {
        message: 'must not contain control characters',
      }),
  );

const webhookIDs = z
  .array(z.number().int().min(1), { message: 'must be a list of webhook IDs' })
  .max(10, { message: 'must list at most 10 webhooks' })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not list a webhook twice' });

export const alertRuleInput = z
  .object({
    name: ruleName,
    enabled: z.boolean({ message: 'must be true or false' }).optional().default(true),
    condition: alertCondition,
    scope: alertScope,
    webhookIDs: webhookIDs.optional().default([]),
  })
  .refine((r) => r.condition.kind !== 'gateway-offline' || r.scope.kind !== 'device', {
    message: 'a gateway-offline rule watches gateways: choose all, a tenant or a gateway',
    path: ['scope'],
  });
export type AlertRuleInput = z.input<typeof alertRuleInput>;

export const alertRule = z.object({
  id: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  condition: alertCondition,
  scope: alertScope,
  webhookIDs: z.array(z.number().int()),
  createdAt: isoTime,
  createdBy: z.string(),
  updatedAt: isoTime,
});
export type AlertRule = z.infer<typeof alertRule>;
export const alertRuleList = z.object({ rules: z.array(alertRule) });
export type AlertRuleList = z.infer<typeof alertRuleList>;

export const ALARM_STATES = ['active', 'acknowledged', 'cleared'] as const;
export const alarmState = z.enum(ALARM_STATES);
export type AlarmState = z.infer<typeof alarmState>;

export const alarm = z.object({
  id: z.number().int(),
  ruleID: z.number().int(),
  ruleName: z.string(),
  kind: z.enum(['device-offline', 'gateway-offline', 'device-flapping', 'device-failure']),
  state: alarmState,
  /** The device the alarm is about; null for a gateway alarm. */
  deviceID: deviceID.nullable(),
  /** The gateway (of the device, when the alarm was raised). */
  gatewayID: z.string().nullable(),
  message: z.string(),
  raisedAt: isoTime,
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  clearedAt: isoTime.nullable(),
  /** Why it cleared: the condition ended, the rule was removed or disabled. */
  clearReason: z.string().nullable(),
});
export type Alarm = z.infer<typeof alarm>;

export const alarmListQuery = z.object({
  /** open = active or acknowledged */
  state: z
    .enum(['open', 'active', 'acknowledged', 'cleared', 'all'], {
      message: 'must be open, active, acknowledged, cleared or all',
    })
    .optional()
    .default('open'),
  ruleID: z
    .string()
    .regex(/^\d{1,9}$/, { message: 'must be a rule ID' })
    .transform(Number)
    .optional(),
  gatewayID: gatewayID.optional(),
  deviceID: deviceIDParam.optional(),
  limit: intParam(1, 500, 100),
  cursor: z
    .string()
    .regex(/^\d{1,12}$/, { message: 'must be the nextCursor of the previous page' })
    .optional(),
});
export type AlarmListQuery = z.input<typeof alarmListQuery>;

export const alarmList = z.object({
  alarms: z.array(alarm),
  nextCursor: z.string().nullable(),
});
export type AlarmList = z.infer<typeof alarmList>;

export const alarmSummary = z.object({ active: z.number().int(), acknowledged: z.number().int() });
export type AlarmSummary = z.infer<typeof alarmSummary>;

const idParam = (name: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: `must be a ${name} ID (digits)` })
    .transform(Number);
export const ruleParams = z.object({ ruleID: idParam('rule') });
export const alarmParams = z.object({ alarmID: idParam('alarm') });
export const webhookParams = z.object({ webhookID: idParam('webhook') });

/** socket.io: server → client, whenever an alarm is raised, acknowledged or cleared. */
export const alarmEventSchema = z.object({ alarm });
export type AlarmEvent = z.infer<typeof alarmEventSchema>;
/** socket.io: client → server, to receive `alarm` events (of the user's gateways). */
export const ALARMS_JOIN = 'alarms:join';
export const ALARM_EVENT = 'alarm';
