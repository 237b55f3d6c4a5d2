// The last error handler: master (gRPC) failures get their HTTP status from grpc-http.ts, and the
// ones that are the master's fault are logged; everything else goes to problemHandler.
import type express from 'express';
import { problemHandler } from '../http/problem.ts';
import type { Logger } from '../logger.ts';
import { gsdkProblem, isGsdkError } from '../master/grpc-http.ts';

export function errorHandler(logger: Logger): express.ErrorRequestHandler {
  const problems = problemHandler(logger);
  return (error, req, res, next) => {
    if (isGsdkError(error)) {
      const mapped = gsdkProblem(error);
      if (mapped.status >= 500)
        logger.warn('master call failed', {
          rpc: error.rpc,
          code: error.code,
          details: error.details,
          requestId: res.locals.requestId,
        });
      return problems(mapped, req, res, next);
    }
    problems(error, req, res, next);
  };
}
