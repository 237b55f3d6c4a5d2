// socket.io events of the live status channel (path /socket.io). The BFF validates what clients send
// with these schemas; the web app types what it receives with them. Documented in docs/live-status.md.
import { z } from 'zod';
import { gatewayID } from './common.ts';
import { connectionMode, deviceStatus, deviceTypeName } from './names.ts';

export const liveModeSchema = z.enum(['live', 'degraded']);
export type LiveMode = z.infer<typeof liveModeSchema>;

// ---- client -> server -------------------------------------------------------------------------

/** `join`: add gateways to this connection's view ('all' = every gateway the user may see). */
export const joinRequestSchema = z.object({
  gatewayIDs: z.union([
    z.literal('all'),
    z.array(gatewayID).min(1, 'gatewayIDs is empty').max(1000, 'at most 1000 gateway IDs per join'),
  ]),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** `leave`: remove gateways from this connection's view. */
export const leaveRequestSchema = joinRequestSchema;
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;

/** Why a join or leave was refused. */
export const liveErrorCodeSchema = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'unavailable',
  'rate_limited',
]);
export type LiveErrorCode = z.infer<typeof liveErrorCodeSchema>;

/** Acknowledgement of `join` / `leave` (socket.io ack callback). */
export const liveAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), gatewayIDs: z.array(z.string()) }),
  z.object({
    ok: z.literal(false),
    error: liveErrorCodeSchema,
    message: z.string(),
    /** The gateway that was refused, when one was. */
    gatewayID: z.string().optional(),
  }),
]);
export type LiveAck = z.infer<typeof liveAckSchema>;

// ---- server -> client -------------------------------------------------------------------------

// Statuses, types and modes travel as the same names REST sends (names.ts); the BFF turns the
// master's numbers into names once, where master events become live changes.
export const liveDeviceSchema = z.object({
  deviceID: z.number().int().nonnegative(),
  gatewayID: z.string(),
  /** e.g. TCP_CONNECTED, TLS_NOT_ALLOWED */
  status: deviceStatus,
  /** e.g. BIOSTATION_L2 */
  type: deviceTypeName,
  connectionMode,
  IPAddr: z.string(),
  port: z.number().int(),
  useSSL: z.boolean(),
  autoReconnect: z.boolean(),
});
export type LiveDevice = z.infer<typeof liveDeviceSchema>;

export const liveGatewaySchema = z.object({
  gatewayID: z.string(),
  connected: z.boolean(),
  /** Last delta sequence number of this gateway; the next delta for it carries seq + 1. */
  seq: z.number().int().nonnegative(),
  /** degraded while a master status stream covering this gateway is down or being reconciled. */
  mode: liveModeSchema,
});
export type LiveGateway = z.infer<typeof liveGatewaySchema>;

/**
 * `snapshot`: the full state of every gateway this connection has joined; sent after each join.
 * `devices` is empty for a connection that opted in to light snapshots (`auth.snapshot: 'gateways'`).
 */
export const snapshotEventSchema = z.object({
  /** Which BFF process's live picture this is (a new value after a restart, another per instance). */
  hub: z.string(),
  /** degraded when any joined gateway is degraded */
  mode: liveModeSchema,
  gateways: z.array(liveGatewaySchema),
  devices: z.array(liveDeviceSchema),
});
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;

/**
 * Where a device read was cut in the live channel: the hub that served it and, per gateway in the
 * read's scope, the seq of the last delta sent before it (-1: not served from the live picture).
 * A browser whose join snapshot (same hub) shows no higher seq for those gateways needs no re-read:
 * every later change reaches it as a delta.
 */
export const liveCutSchema = z.object({
  hub: z.string(),
  seqs: z.record(z.string(), z.number().int().min(-1)),
});
export type LiveCut = z.infer<typeof liveCutSchema>;

export const liveChangeSchema = z.object({
  deviceID: z.number().int().nonnegative(),
  gatewayID: z.string(),
  status: deviceStatus,
  /** When the change happened, ms since the epoch. */
  at: z.number(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;

/**
 * `delta`: what changed on one gateway within one batch window. `seq` counts per gateway: a client
 * that sees a seq other than its last + 1 for that gateway has missed something and joins again for
 * a fresh snapshot. Statuses are absolute, so re-applying a change already in a snapshot is harmless.
 */
export const deltaEventSchema = z.object({
  gatewayID: z.string(),
  seq: z.number().int().positive(),
  /** In the order they happened. */
  changes: z.array(liveChangeSchema),
  /** Devices that left the gateway's managed list (found by reconciliation). */
  removed: z.array(z.number().int().nonnegative()).optional(),
  /** Devices that joined the managed list (found by reconciliation), with their full row. */
  added: z.array(liveDeviceSchema).optional(),
  /** The gateway's own connection to the master changed. */
  gateway: z.object({ connected: z.boolean(), at: z.number() }).optional(),
});
export type DeltaEvent = z.infer<typeof deltaEventSchema>;

/**
 * `deltas`: the deltas of one batch window for every gateway this connection has joined that
 * changed in it, one frame per window instead of one per gateway. Sent instead of `delta` to
 * connections that opted in at the handshake (`auth: { deltas: true }`). Each delta keeps its own
 * per-gateway `seq`; apply them in array order.
 */
export const deltasEventSchema = z.object({
  deltas: z.array(deltaEventSchema).min(1, 'deltas is empty'),
});
export type DeltasEvent = z.infer<typeof deltasEventSchema>;

/** socket.io handshake `auth` of a live connection; other keys are ignored. */
export const liveHandshakeAuthSchema = z.object({
  /** true: receive batched `deltas` events; absent/false: one `delta` event per gateway batch. */
  deltas: z.boolean({ error: 'auth.deltas must be true or false' }).optional(),
  /**
   * 'gateways': each join's `snapshot` carries the gateways' states and no device rows (`devices`
   * is empty); the client reads the rows it shows over REST after the join. Absent/'full': every
   * device of every joined gateway, as before.
   */
  snapshot: z
    .enum(['full', 'gateways'], { error: 'auth.snapshot must be "full" or "gateways"' })
    .optional(),
});
export type LiveHandshakeAuth = z.infer<typeof liveHandshakeAuthSchema>;

/** `mode`: the master stream behind these gateways dropped (degraded) or was reconciled (live). */
export const modeEventSchema = z.object({
  mode: liveModeSchema,
  gatewayIDs: z.array(z.string()),
  reason: z.string().optional(),
});
export type ModeEvent = z.infer<typeof modeEventSchema>;

/** `problem`: a client event the server could not act on and that had no ack callback. */
export const problemEventSchema = z.object({
  event: z.string(),
  error: liveErrorCodeSchema,
  message: z.string(),
});
export type ProblemEvent = z.infer<typeof problemEventSchema>;

/** Why the server ended a live connection whose session ended (signed-out event). */
export const signedOutReasonSchema = z.enum([
  'signed-out',
  'signed-in-again',
  'password-reset',
  'account-deleted',
  'expired',
]);
export type SignedOutReason = z.infer<typeof signedOutReasonSchema>;

/**
 * `signed-out`: the connection's session ended (sign-out, password reset, deleted account, expiry);
 * the server disconnects it right after. The client goes to the sign-in page.
 */
export const signedOutEventSchema = z.object({
  reason: signedOutReasonSchema,
  message: z.string(),
});
export type SignedOutEvent = z.infer<typeof signedOutEventSchema>;

/** The message of the connect_error a client gets when its session cookie is missing or expired. */
export const LIVE_UNAUTHORIZED = 'unauthorized';
/** The message of the connect_error for a handshake from a page of another origin. */
export const LIVE_FORBIDDEN_ORIGIN = 'forbidden origin';
/** The start of the connect_error message for a malformed handshake `auth` (it names the field). */
export const LIVE_BAD_HANDSHAKE = 'bad handshake';

export interface LiveServerToClientEvents {
  snapshot: (event: SnapshotEvent) => void;
  delta: (event: DeltaEvent) => void;
  deltas: (event: DeltasEvent) => void;
  mode: (event: ModeEvent) => void;
  problem: (event: ProblemEvent) => void;
  'signed-out': (event: SignedOutEvent) => void;
}

export interface LiveClientToServerEvents {
  join: (request: JoinRequest, ack?: (result: LiveAck) => void) => void;
  leave: (request: LeaveRequest, ack?: (result: LiveAck) => void) => void;
}
