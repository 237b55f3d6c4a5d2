import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { status as grpcStatus } from '@grpc/grpc-js';
import { SimError } from '../errors.ts';
import { isLoopbackHost } from '../util/ip.ts';
import type { SimControl } from './sim-control.ts';

class HttpError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

const httpStatusOf: Partial<Record<grpcStatus, number>> = {
  [grpcStatus.INVALID_ARGUMENT]: 400,
  [grpcStatus.NOT_FOUND]: 404,
  [grpcStatus.FAILED_PRECONDITION]: 409,
  [grpcStatus.ALREADY_EXISTS]: 409,
};

const MAX_BODY_BYTES = 64 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, `body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

function deviceID(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new HttpError(400, `device ID "${raw}" is not a number`);
  return Number(raw);
}

function pathPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `"${raw}" is not a valid URL path segment`);
  }
}

type Route = {
  method: string;
  pattern: RegExp;
  run: (match: string[], url: URL, req: IncomingMessage) => Promise<unknown> | unknown;
};

function routes(control: SimControl): Route[] {
  return [
    { method: 'GET', pattern: /^\/healthz$/, run: () => ({ ok: true }) },
    { method: 'GET', pattern: /^\/state$/, run: () => control.state() },
    { method: 'GET', pattern: /^\/streams$/, run: () => control.streams() },
    {
      method: 'GET',
      pattern: /^\/devices\/([^/]+)$/,
      run: ([id]) => control.device(deviceID(id!)),
    },
    {
      method: 'POST',
      pattern: /^\/devices\/([^/]+)\/offline$/,
      run: ([id]) => control.deviceOffline(deviceID(id!)),
    },
    {
      method: 'POST',
      pattern: /^\/devices\/([^/]+)\/online$/,
      run: ([id], url) =>
        control.deviceOnline(deviceID(id!), {
          now: ['1', 'true'].includes(url.searchParams.get('now') ?? ''),
        }),
    },
    {
      method: 'POST',
      pattern: /^\/devices\/([^/]+)\/dial-in$/,
      run: ([id]) => control.dialIn(deviceID(id!)),
    },
    {
      method: 'POST',
      pattern: /^\/gateways\/([^/]+)\/offline$/,
      run: ([id]) => control.gatewayOffline(pathPart(id!)),
    },
    {
      method: 'POST',
      pattern: /^\/gateways\/([^/]+)\/online$/,
      run: ([id]) => control.gatewayOnline(pathPart(id!)),
    },
    {
      method: 'POST',
      pattern: /^\/churn$/,
      run: async (_m, _u, req) => {
        const body = await readJson(req);
        if (typeof body !== 'object' || body === null || !('changesPerSecond' in body))
          throw new HttpError(400, 'body must be JSON like {"changesPerSecond": 100}');
        return control.setChurn((body as { changesPerSecond: number }).changesPerSecond);
      },
    },
    { method: 'POST', pattern: /^\/streams\/break$/, run: () => control.breakStreams() },
  ];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The loopback-only HTTP JSON control API (docs/architecture.md). */
export async function startControlServer(
  control: SimControl,
  host: string,
  port: number,
): Promise<{ server: Server; port: number }> {
  if (!isLoopbackHost(host))
    throw new Error(`the control API binds only to loopback; ${host} is not a loopback address`);
  const table = routes(control);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const matching = table.filter((r) => r.pattern.test(url.pathname));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length > 0)
        send(res, 405, {
          error: `${req.method} is not allowed on ${url.pathname}; use ${matching.map((r) => r.method).join(', ')}`,
        });
      else send(res, 404, { error: `no control endpoint ${req.method} ${url.pathname}` });
      return;
    }
    const match = url.pathname.match(route.pattern)!.slice(1);
    Promise.resolve()
      .then(() => route.run(match, url, req))
      .then(
        (body) => send(res, 200, body),
        (err: unknown) => {
          if (err instanceof HttpError) send(res, err.httpStatus, { error: err.message });
          else if (err instanceof SimError)
            send(res, httpStatusOf[err.code] ?? 500, { error: err.message });
          else {
            console.error('[master-sim] control API error:', err);
            send(res, 500, { error: `internal error: ${(err as Error)?.message ?? String(err)}` });
          }
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host.replace(/^\[|\]$/g, ''), () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, port: bound };
}
