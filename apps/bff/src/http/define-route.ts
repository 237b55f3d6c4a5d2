// Registers one route of the @cmc/api route table: access check, validation with the route's own
// schemas, JSON reply with the declared status, and an audit entry for every mutating call.
// Deriving the implementation from the table keeps it and the OpenAPI document from drifting apart.
import type { Request, Response, Router } from 'express';
import { expressPath, type RouteDef } from '@cmc/api';
import type { z } from 'zod';
import type { AuditLog, AuditRecord } from '../audit/audit-log.ts';
import { isDeviceID } from '../audit/audit-text.ts';
import type { SessionUser } from '../auth/types.ts';
import { describeGsdkError, isGsdkError } from '../master/grpc-http.ts';
import { JsonBytes } from './json-bytes.ts';
import { HttpProblem, problem } from './problem.ts';
import { parseRequest } from './validate.ts';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What the audit entry of a mutating call records; handlers may refine it. */
export interface AuditNote {
  gatewayID?: string | null;
  deviceIDs?: number[];
  summary?: string;
  /** Partial failures of a call that succeeded as a whole (e.g. per-device errors of a Multi RPC). */
  error?: string;
  /** Device IDs of a refused request that were not valid IDs and so are not recorded. */
  invalidDeviceIDs?: number;
  /** Set once the entry is written (by `atomic`), so it is not written twice. */
  recorded?: boolean;
}

export interface RouteContext<R extends RouteDef> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  user: R['access'] extends 'public' ? SessionUser | undefined : SessionUser;
  req: Request;
  res: Response;
  audit: AuditNote;
  /**
   * Runs a change to the console's own data in one transaction with its (success) audit entry,
   * built from `audit` as it is now: after a crash or a failed write, both exist or neither.
   */
  atomic<T>(change: () => T): T;
}

type Reply<R extends RouteDef> = R['response'] extends z.ZodType ? z.input<R['response']> : void;

export interface RouteDeps {
  audit: AuditLog;
}

export function errorMessage(error: unknown): string {
  if (error instanceof HttpProblem) return error.detail;
  if (isGsdkError(error)) return describeGsdkError(error);
  return error instanceof Error ? error.message : String(error);
}

/** A short, password-free description of a request body for the audit log. */
function summarise(route: RouteDef, params: unknown, body: unknown): string {
  const parts = [route.summary];
  if (params && typeof params === 'object' && Object.keys(params).length)
    parts.push(JSON.stringify(params));
  if (body && typeof body === 'object') {
    const safe = { ...(body as Record<string, unknown>) };
    delete safe.password;
    const text = JSON.stringify(safe);
    if (text !== '{}') parts.push(text.length > 500 ? `${text.slice(0, 500)}…` : text);
  }
  return parts.join(' ');
}

export function defineRoute<R extends RouteDef>(
  router: Router,
  route: R,
  deps: RouteDeps,
  handler: (ctx: RouteContext<R>) => Promise<Reply<R> | JsonBytes>,
): void {
  const mutating = route.method !== 'get';
  router[route.method](expressPath(route.path), async (req: Request, res: Response) => {
    const user = res.locals.user;
    if (route.access !== 'public' && !user) throw problem(401, 'sign in first');
    // Raw values first, so even a refused or invalid request is audited with what it targeted.
    const rawGateway = (req.params as Record<string, string | undefined>).gatewayID;
    const rawIDs = (req.body as { deviceIDs?: unknown } | undefined)?.deviceIDs;
    // Only values that are device IDs: 1.5, 1e20 or 1e309 (Infinity) are counted, not stored.
    const validIDs = Array.isArray(rawIDs) ? rawIDs.filter(isDeviceID) : [];
    const audit: AuditNote = {
      gatewayID: typeof rawGateway === 'string' ? rawGateway.slice(0, 64) : null,
      deviceIDs: validIDs.slice(0, 1000),
      ...(Array.isArray(rawIDs) && validIDs.length < rawIDs.length
        ? { invalidDeviceIDs: rawIDs.length - validIDs.length }
        : {}),
    };
    let parsed: ReturnType<typeof parseRequest> | undefined;
    try {
      // Inside the try: a refused mutation by a signed-in user is audited too.
      if (route.access === 'admin' && user?.role !== 'admin')
        throw problem(403, 'this action needs the admin role');
      parsed = parseRequest(req, { params: route.params, query: route.query, body: route.body });
      const p = parsed.params as { gatewayID?: string } | undefined;
      const b = parsed.body as
        { deviceIDs?: number[]; connectInfos?: Array<{ deviceID: number }> } | undefined;
      audit.gatewayID = p?.gatewayID ?? audit.gatewayID;
      audit.deviceIDs = b?.deviceIDs ?? b?.connectInfos?.map((c) => c.deviceID) ?? audit.deviceIDs;
      const atomic = <T>(change: () => T): T => {
        const entry = entryOf(route, req, res, user!, audit, parsed, null);
        const result = deps.audit.atomically(entry, change);
        audit.recorded = true;
        return result;
      };
      const result = await handler({
        ...(parsed as object),
        user,
        req,
        res,
        audit,
        atomic,
      } as RouteContext<R>);
      if (mutating && user && !audit.recorded)
        deps.audit.record(entryOf(route, req, res, user, audit, parsed, null));
      if (result === undefined || route.status === 204) res.status(route.status ?? 204).end();
      else if (result instanceof JsonBytes)
        res
          .status(route.status ?? 200)
          .type('json')
          .send(result.bytes);
      else res.status(route.status ?? 200).json(result);
    } catch (error) {
      if (mutating && user && !audit.recorded)
        deps.audit.record(entryOf(route, req, res, user, audit, parsed, error));
      throw error;
    }
  });
}

function entryOf(
  route: RouteDef,
  req: Request,
  res: Response,
  user: SessionUser,
  audit: AuditNote,
  parsed: { params?: unknown; body?: unknown } | undefined,
  error: unknown,
): AuditRecord {
  const summary =
    audit.summary ?? summarise(route, parsed?.params ?? req.params, parsed?.body ?? null);
  const invalid = audit.invalidDeviceIDs
    ? ` (${audit.invalidDeviceIDs} invalid device ID${audit.invalidDeviceIDs === 1 ? '' : 's'} not recorded)`
    : '';
  return {
    username: user.username,
    role: user.role,
    action: route.id,
    gatewayID: audit.gatewayID ?? null,
    deviceIDs: audit.deviceIDs ?? [],
    summary: summary + invalid,
    outcome: error ? 'failure' : 'success',
    error: error ? errorMessage(error) : (audit.error ?? null),
    sourceAddress: req.ip ?? null,
    requestId: res.locals.requestId ?? null,
  };
}
