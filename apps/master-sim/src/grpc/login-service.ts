import type { LoginHandlers } from '@cmc/protos/generated/gsdk/login/Login.ts';
import { invalidArgument, notFound, permissionDenied, unauthenticated } from '../errors.ts';
import { verifyClientCert } from '../certs/verify-client-cert.ts';
import { authenticate, type SimContext } from './context.ts';
import { unary } from './handler.ts';
import * as v from './validate.ts';

/** Checks a PEM handed to Login/LoginAdmin and returns its common name. */
function certIdentity(ctx: SimContext, pem: string, field: string): string {
  if (!pem) throw invalidArgument(`${field} is required (the PEM certificate)`);
  const result = verifyClientCert(ctx.certs.caCert, pem);
  if (!result.ok) throw unauthenticated(`${field}: ${result.reason}`);
  if (ctx.registry.isBlacklisted(result.cert.serial))
    throw unauthenticated(`${field}: certificate is blacklisted`);
  return result.cert.commonName;
}

export function loginService(ctx: SimContext): LoginHandlers {
  return {
    Login: unary(async (call) => {
      const cn = certIdentity(ctx, call.request.tenantCert, 'tenantCert');
      if (cn === 'administrator')
        throw permissionDenied('the administrator certificate logs in with LoginAdmin, not Login');
      if (!ctx.world.tenants.has(cn))
        throw notFound(`tenant ${cn} (the certificate's common name) not found`);
      return { jwtToken: await ctx.tokens.issue(cn, false) };
    }),
    LoginAdmin: unary(async (call) => {
      const cn = certIdentity(ctx, call.request.adminTenantCert, 'adminTenantCert');
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
