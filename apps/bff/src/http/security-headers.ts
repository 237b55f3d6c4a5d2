// The security headers of every answer: Express responses (request-context.ts) and the socket.io
// handshake and long-polling responses, which engine.io writes before Express sees the request.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

export function securityHeaders(secure: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/**
 * Adds the same headers to every answer engine.io writes itself under /socket.io/ (handshake,
 * long-polling, its 400s). Call after the socket.io server is attached: it replaces the server's
 * request listeners with its own, and this one must run before it.
 */
export function socketSecurityHeaders(
  server: HttpServer,
  secure: boolean,
  path = '/socket.io/',
): void {
  const headers = Object.entries(securityHeaders(secure));
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(path)) return;
    for (const [name, value] of headers) res.setHeader(name, value);
  });
}
