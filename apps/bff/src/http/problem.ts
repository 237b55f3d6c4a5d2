// Every error leaves the BFF as application/problem+json (RFC 9457) with the field paths at fault.
import type { ErrorRequestHandler, Response } from 'express';
import type { Problem } from '@cmc/api';
import { describeWriteError, isStorageWriteError } from '../db/storage-health.ts';
import type { Logger } from '../logger.ts';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Array<{ path: string; message: string }>,
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function problem(
  status: number,
  detail: string,
  errors?: Array<{ path: string; message: string }>,
  headers?: Record<string, string>,
): HttpProblem {
  return new HttpProblem(status, titles[status] ?? 'Error', detail, errors, headers);
}

export function sendProblem(res: Response, p: HttpProblem): void {
  const body: Problem = {
    type: `https://cmc.local/problems/${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    ...(p.errors ? { errors: p.errors } : {}),
    ...(typeof res.locals.requestId === 'string' ? { requestId: res.locals.requestId } : {}),
  };
  for (const [k, v] of Object.entries(p.headers ?? {})) res.setHeader(k, v);
  res.status(p.status).type('application/problem+json').send(JSON.stringify(body));
}

/** Last middleware: known problems as they are; body-parser errors as 400/413; anything else 500 and logged. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpProblem) return sendProblem(res, error);
    const e = error as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed')
      return sendProblem(
        res,
        problem(400, 'the request body is not valid JSON', [
          { path: '', message: e.message ?? 'invalid JSON' },
        ]),
      );
    if (e.type === 'entity.too.large')
      return sendProblem(res, problem(413, 'the request body is too large'));
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
      return sendProblem(res, problem(e.status, e.message ?? 'bad request'));
    // Disk full, read-only or failing database: nothing was changed; reads keep working.
    if (isStorageWriteError(error)) {
      logger.error('storage write failed', {
        source: 'request',
        error: describeWriteError(error),
        path: req.path,
        requestId: res.locals.requestId,
      });
      return sendProblem(
        res,
        problem(
          503,
          `the console's storage cannot take this change now (${describeWriteError(error)}); nothing was changed, reads still work`,
        ),
      );
    }
    logger.error('unhandled error', { error, path: req.path, requestId: res.locals.requestId });
    sendProblem(res, problem(500, 'internal error; see the server log for this request ID'));
  };
}
