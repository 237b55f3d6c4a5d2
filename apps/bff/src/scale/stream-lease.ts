// The Redis lease that decides which BFF instance holds a master status stream (one per scope:
// each tenant's device stream, and the gateway stream). SET NX PX takes it; the holder renews it
// every second; compare-and-renew / compare-and-release / compare-and-publish run as Lua scripts
// with the instance's random token, so an instance whose lease ran out can neither extend it nor
// publish on the relay (fencing) — it learns it lost the lease and steps down.
import type { Redis } from 'ioredis';

export const LEASE_PREFIX = 'cmc:lease:status:';

/** The lease key of a tenant's device stream, and of the one gateway stream. */
export const deviceLeaseKey = (tenantID: string): string => `${LEASE_PREFIX}tenant:${tenantID}`;
export const GATEWAY_LEASE_KEY = `${LEASE_PREFIX}gateways`;

/** KEYS[1] lease, KEYS[2] stream-state key, KEYS[3] seq key; ARGV[1] token, ARGV[2] ttl ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
return 1
`;
/** KEYS[1] lease, KEYS[2] stream-state key, KEYS[3] seq key; ARGV[1] token. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return 1
`;
/**
 * KEYS[1] lease, KEYS[2] channel, KEYS[3] seq key; ARGV token, message, its number, ttl ms.
 * -1 = not the holder. The number is kept so a follower that starts following mid-stream knows
 * where the relay stands (and can tell a lost message from one it never needed).
 */
const PUBLISH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
return redis.call('PUBLISH', KEYS[2], ARGV[2])
`;
/** KEYS[1] lease, KEYS[2] stream-state key, KEYS[3] channel, KEYS[4] seq key; ARGV token, state, ttl ms, message, its number. */
const SET_STATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[2], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[3])
if ARGV[4] == '' then return 0 end
return redis.call('PUBLISH', KEYS[3], ARGV[4])
`;

export interface LeaseView {
  /** token of the holder, null when nobody holds it */
  holder: string | null;
  /** `<token>:up` when the holder's master stream is subscribed, `<token>:down` while it is broken */
  stream: string | null;
  /** number of the holder's last relay message */
  seq: number | undefined;
}

export class StreamLease {
  readonly stateKey: string;
  readonly seqKey: string;
  readonly channel: string;

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly token: string,
    readonly ttlMs: number,
  ) {
    this.stateKey = `${key}:stream`;
    this.seqKey = `${key}:seq`;
    this.channel = `cmc:relay:${key.slice(LEASE_PREFIX.length)}`;
  }

  async tryAcquire(): Promise<boolean> {
    return (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async renew(): Promise<boolean> {
    return (
      (await this.redis.eval(
        RENEW,
        3,
        this.key,
        this.stateKey,
        this.seqKey,
        this.token,
        this.ttlMs,
      )) === 1
    );
  }

  async release(): Promise<boolean> {
    return (
      (await this.redis.eval(RELEASE, 3, this.key, this.stateKey, this.seqKey, this.token)) === 1
    );
  }

  /** false when this instance no longer holds the lease (the message was not published). */
  async publish(message: string, n: number): Promise<boolean> {
    return (
      (await this.redis.eval(
        PUBLISH,
        3,
        this.key,
        this.channel,
        this.seqKey,
        this.token,
        message,
        n,
        this.ttlMs,
      )) !== -1
    );
  }

  /** Records whether the holder's master stream is up, and publishes `message` (if any) in the same step. */
  async setStreamState(
    state: 'up' | 'down' | 'starting',
    message: string,
    n: number,
  ): Promise<boolean> {
    return (
      (await this.redis.eval(
        SET_STATE,
        4,
        this.key,
        this.stateKey,
        this.channel,
        this.seqKey,
        this.token,
        state,
        this.ttlMs,
        message,
        n,
      )) !== -1
    );
  }

  async read(): Promise<LeaseView> {
    const [holder, stream, seq] = await this.redis.mget(this.key, this.stateKey, this.seqKey);
    return {
      holder: holder ?? null,
      stream: stream ?? null,
      seq: seq == null ? undefined : Number(seq),
    };
  }
}
