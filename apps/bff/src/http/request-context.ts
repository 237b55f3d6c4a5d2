// Request ID (honoured from X-Request-Id when sane, else generated), security headers, access log.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';
import { securityHeaders } from './security-headers.ts';

export function requestContext(logger: Logger, secure: boolean): RequestHandler {
  const headers = securityHeaders(secure);
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId =
      incoming && /^[A-Za-z0-9_.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        user: res.locals.user?.username,
      });
    });
    next();
  };
}
