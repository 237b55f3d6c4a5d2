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

/** KEYS[1] lease, KEYS[2] stream-state key; ARGV[1] token, ARGV[2] ttl ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
`;
/** KEYS[1] lease, KEYS[2] stream-state key; ARGV[1] token. */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`;
/** KEYS[1] lease, KEYS[2] channel; ARGV[1] token, ARGV[2] message. -1 = not the holder. */
const PUBLISH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
return redis.call('PUBLISH', KEYS[2], ARGV[2])
`;
/** KEYS[1] lease, KEYS[2] stream-state key, KEYS[3] channel; ARGV token, state, ttl ms, message. */
const SET_STATE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[2], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
if ARGV[4] == '' then return 0 end
return redis.call('PUBLISH', KEYS[3], ARGV[4])
`;

export interface LeaseView {
  /** token of the holder, null when nobody holds it */
  holder: string | null;
  /** `<token>:up` when the holder's master stream is subscribed, `<token>:down` while it is broken */
  stream: string | null;
}

export class StreamLease {
  readonly stateKey: string;
  readonly channel: string;

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly token: string,
    readonly ttlMs: number,
  ) {
    this.stateKey = `${key}:stream`;
    this.channel = `cmc:relay:${key.slice(LEASE_PREFIX.length)}`;
  }

  async tryAcquire(): Promise<boolean> {
    return (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async renew(): Promise<boolean> {
    return (await this.redis.eval(RENEW, 2, this.key, this.stateKey, this.token, this.ttlMs)) === 1;
  }

  async release(): Promise<boolean> {
    return (await this.redis.eval(RELEASE, 2, this.key, this.stateKey, this.token)) === 1;
  }

  /** false when this instance no longer holds the lease (the message was not published). */
  async publish(message: string): Promise<boolean> {
    return (await this.redis.eval(PUBLISH, 2, this.key, this.channel, this.token, message)) !== -1;
  }

  /** Records whether the holder's master stream is up, and publishes `message` (if any) in the same step. */
  async setStreamState(state: 'up' | 'down' | 'starting', message: string): Promise<boolean> {
    return (await this.redis.eval(SET_STATE, 3, this.key, this.stateKey, this.channel, this.token, state, this.ttlMs, message)) !== -1;
  }

  async read(): Promise<LeaseView> {
    const [holder, stream] = await this.redis.mget(this.key, this.stateKey);
    return { holder: holder ?? null, stream: stream ?? null };
  }
}
