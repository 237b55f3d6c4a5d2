// Parses params, query and body of a request with the route's zod schemas from @cmc/api; the first
// failure becomes a 400 naming every bad field by path (e.g. "body.connectInfos.0.IPAddr").
import type { Request } from 'express';
import type { z } from 'zod';
import { problem } from './problem.ts';

function issuesToErrors(
  where: string,
  error: z.ZodError,
): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export function parsePart<T extends z.ZodType>(
  where: 'params' | 'query' | 'body',
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    const errors = issuesToErrors(where, result.error);
    const first = errors[0];
    throw problem(400, first ? `${first.path}: ${first.message}` : `invalid ${where}`, errors);
  }
  return result.data;
}

export interface Parsed<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export function parseRequest<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
>(
  req: Request,
  schemas: { params?: P; query?: Q; body?: B },
): Parsed<
  P extends z.ZodType ? z.output<P> : undefined,
  Q extends z.ZodType ? z.output<Q> : undefined,
  B extends z.ZodType ? z.output<B> : undefined
> {
  const out = { params: undefined, query: undefined, body: undefined } as Record<string, unknown>;
  if (schemas.params) out.params = parsePart('params', schemas.params, req.params);
  if (schemas.query) out.query = parsePart('query', schemas.query, req.query);
  if (schemas.body) out.body = parsePart('body', schemas.body, req.body);
  return out as never;
}
