export type LoginReason = 'first-call' | 'explicit' | 'unauthenticated';

/**
 * Holds the JWT of one client. Logins are single-flight: every caller that needs a token while a
 * login is running waits for that same login, so N concurrent first calls (or N calls that all got
 * UNAUTHENTICATED on the same expired token) cause one Login RPC, not N.
 */
export class Session {
  private token: string | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly performLogin: () => Promise<string>,
    private readonly onLogin?: (event: { reason: LoginReason }) => void,
  ) {}

  /** The token the call credential attaches right now (undefined before login / after logout). */
  current(): string | undefined {
    return this.token;
  }

  /** A token, logging in only if there is none yet. */
  ensure(): Promise<string> {
    if (this.token !== undefined) return Promise.resolve(this.token);
    return this.loginOnce('first-call');
  }

  /**
   * A token other than `stale` (the one the server just refused). If another caller has already
   * replaced it, that newer token is used without a second login.
   */
  refresh(stale: string | undefined): Promise<string> {
    if (this.token !== undefined && this.token !== stale) return Promise.resolve(this.token);
    this.token = undefined;
    return this.loginOnce('unauthenticated');
  }

  /** An explicit login always fetches a new token (unless one is already being fetched). */
  login(): Promise<string> {
    this.token = undefined;
    return this.loginOnce('explicit');
  }

  /** Forgets the token; the next call logs in again. */
  clear(): void {
    this.token = undefined;
  }

  private loginOnce(reason: LoginReason): Promise<string> {
    if (this.pending) return this.pending;
    const attempt = this.performLogin().then(
      (token) => {
        // A logout() that ran meanwhile dropped `pending`; do not resurrect its session.
        if (this.pending === attempt) {
          this.token = token;
          this.pending = undefined;
        }
        this.onLogin?.({ reason });
        return token;
      },
      (error: unknown) => {
        if (this.pending === attempt) this.pending = undefined;
        throw error;
      },
    );
    this.pending = attempt;
    return attempt;
  }

  /** Called by logout: a login still in flight must not install its token afterwards. */
  abandonPending(): void {
    this.pending = undefined;
  }
}
