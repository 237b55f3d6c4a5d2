import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { unauthenticated } from '../errors.ts';

export interface Session {
  tenantID: string;
  /** Logged in with the admin certificate (LoginAdmin). */
  admin: boolean;
  jti: string;
  exp: number;
}

/**
 * HS256 JWTs with a secret made fresh per process: a restarted simulator invalidates every old
 * token, as a restarted master does, which exercises the client's re-login path.
 */
export class TokenService {
  private readonly secret = randomBytes(32);
  // jti → exp, so revoked entries can be forgotten once they would have expired anyway.
  private readonly revoked = new Map<string, number>();
  /** Tokens carry the generation they were issued in; expireAll() starts a new one. */
  private generation = 0;

  constructor(private readonly ttlSeconds: number) {}

  async issue(tenantID: string, admin: boolean): Promise<string> {
    return new SignJWT({ tenantID, admin, gen: this.generation })
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.ttlSeconds)
      .sign(this.secret);
  }

  async verify(token: string | undefined): Promise<Session> {
    if (!token) throw unauthenticated('missing "token" metadata: call Login or LoginAdmin first');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw unauthenticated('token expired: log in again');
      throw unauthenticated('invalid token: not issued by this master (it may have restarted)');
    }
    const { tenantID, admin, jti, exp, gen } = payload;
    if (typeof gen === 'number' && gen < this.generation)
      throw unauthenticated('token expired: log in again');
    if (
      typeof tenantID !== 'string' ||
      typeof admin !== 'boolean' ||
      typeof jti !== 'string' ||
      typeof exp !== 'number'
    )
      throw unauthenticated('invalid token claims');
    if (this.revoked.has(jti)) throw unauthenticated('token was revoked by Logout');
    return { tenantID, admin, jti, exp };
  }

  /**
   * Every token issued so far expires now, as if its lifetime had run out: tests of a client's
   * re-login then need no short lifetime (a JWT's exp has one-second resolution, so a one-second
   * lifetime can end before the token is first used on a busy machine).
   */
  expireAll(): void {
    this.generation++;
  }

  revoke(session: Session): void {
    const now = Math.floor(Date.now() / 1000);
    for (const [jti, exp] of this.revoked) if (exp < now) this.revoked.delete(jti);
    this.revoked.set(session.jti, session.exp);
  }
}
