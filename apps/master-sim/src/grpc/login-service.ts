import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { LoginHandlers } from '@cmc/protos/generated/gsdk/login/Login.ts';
import { invalidArgument, notFound, permissionDenied, unauthenticated } from '../errors.ts';
import { isPeerCertificate } from '../certs/same-certificate.ts';
import { verifyClientCert } from '../certs/verify-client-cert.ts';
import { authenticate, type SimContext } from './context.ts';
import { unary } from './handler.ts';
import * as v from './validate.ts';

/**
 * Checks a PEM handed to Login/LoginAdmin and returns its common name. The PEM must be the
 * certificate of this TLS session, as a real master requires: a certificate is public, so only the
 * handshake (which proves the private key) shows the caller owns it. A mismatch is UNAUTHENTICATED
 * — the caller has not proven who it is — not PERMISSION_DENIED, which is for a known caller.
 */
function certIdentity(
  ctx: SimContext,
  call: ServerUnaryCall<unknown, unknown>,
  pem: string,
  field: string,
): string {
  if (!pem) throw invalidArgument(`${field} is required (the PEM certificate)`);
  const result = verifyClientCert(ctx.certs.caCert, pem);
  if (!result.ok) throw unauthenticated(`${field}: ${result.reason}`);
  if (ctx.registry.isBlacklisted(result.cert.serial))
    throw unauthenticated(`${field}: certificate is blacklisted`);
  if (!isPeerCertificate(pem, call.getAuthContext()?.sslPeerCertificate))
    throw unauthenticated(
      `${field} (certificate of "${result.cert.commonName}") is not the certificate presented in the TLS handshake`,
    );
  return result.cert.commonName;
}

export function loginService(ctx: SimContext): LoginHandlers {
  return {
    Login: unary(async (call) => {
      const cn = certIdentity(ctx, call, call.request.tenantCert, 'tenantCert');
      if (cn === 'administrator')
        throw permissionDenied('the administrator certificate logs in with LoginAdmin, not Login');
      if (!ctx.world.tenants.has(cn))
        throw notFound(`tenant ${cn} (the certificate's common name) not found`);
      return { jwtToken: await ctx.tokens.issue(cn, false) };
    }),
    LoginAdmin: unary(async (call) => {
      const cn = certIdentity(ctx, call, call.request.adminTenantCert, 'adminTenantCert');
      if (cn !== 'administrator')
        throw permissionDenied(
          `adminTenantCert is the certificate of "${cn}", not of "administrator"`,
        );
      const tenantID = v.tenantID(call.request.tenantID);
      if (!ctx.world.tenants.has(tenantID)) throw notFound(`tenant ${tenantID} not found`);
      return { jwtToken: await ctx.tokens.issue(tenantID, true) };
    }),
    Logout: unary(async (call) => {
      const session = await authenticate(ctx, call);
      ctx.tokens.revoke(session);
      return {};
    }),
  };
}
