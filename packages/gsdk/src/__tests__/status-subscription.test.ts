import { EventEmitter } from 'node:events';
import { Metadata, status, type ClientReadableStream } from '@grpc/grpc-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../session.ts';
import { createStatusSubscription, failedSubscription } from '../status-subscription.ts';
import { GsdkError } from '../errors.ts';
import type { StatusEvent } from '../types.ts';

// A stand-in for a grpc-js server stream: unit tests of this module only.
class FakeStream extends EventEmitter {
  cancelled = false;
  cancel(): void {
    this.cancelled = true;
    queueMicrotask(() =>
      this.emit(
        'error',
        Object.assign(new Error('Cancelled on client'), {
          code: status.CANCELLED,
          details: 'Cancelled on client',
        }),
      ),
    );
  }
  fail(code: number, details: string): void {
    this.emit('error', Object.assign(new Error(details), { code, details }));
  }
}

type Change = { deviceID: number };

function setup(options: { healthyAfterMs?: number; channelReady?: () => boolean } = {}) {
  const streams: FakeStream[] = [];
  let logins = 0;
  const session = new Session(async () => `jwt-${++logins}`);
  const refresh = vi.spyOn(session, 'refresh');
  const subscription = createStatusSubscription<Change>({
    rpc: 'ConnectMaster.SubscribeStatus',
    session,
    open: () => {
      const stream = new FakeStream();
      streams.push(stream);
      return stream as unknown as ClientReadableStream<Change>;
    },
    backoff: { initialDelayMs: 100, maxDelayMs: 1000 },
    maxBuffered: 100,
    healthyAfterMs: options.healthyAfterMs ?? 60_000,
    subscribedFallbackMs: 500,
    isChannelReady: options.channelReady ?? (() => true),
    random: () => 0.5,
  });
  const iterator = subscription[Symbol.asyncIterator]();
  const nextEvent = async (): Promise<StatusEvent<Change>> => {
    const result = await iterator.next();
    if (result.done) throw new Error('iteration ended');
    return result.value;
  };
  return { streams, subscription, iterator, nextEvent, refresh, logins: () => logins };
}

describe('createStatusSubscription', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports subscribed on response headers, then passes changes through in order', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(streams).toHaveLength(1);
    streams[0]!.emit('metadata', new Metadata());
    streams[0]!.emit('data', { deviceID: 1 });
    streams[0]!.emit('data', { deviceID: 2 });
    expect(await nextEvent()).toEqual({ type: 'subscribed', resubscribed: false });
    expect(await nextEvent()).toEqual({ type: 'change', change: { deviceID: 1 } });
    expect(await nextEvent()).toEqual({ type: 'change', change: { deviceID: 2 } });
    subscription.cancel();
  });

  it('a first message also counts as subscribed; so does a quiet open stream after the fallback', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]!.emit('data', { deviceID: 7 });
    expect(await nextEvent()).toEqual({ type: 'subscribed', resubscribed: false });
    expect(await nextEvent()).toEqual({ type: 'change', change: { deviceID: 7 } });
    subscription.cancel();

    const quiet = setup();
    await vi.advanceTimersByTimeAsync(499);
    const pending = quiet.nextEvent();
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ type: 'subscribed', resubscribed: false });
    quiet.subscription.cancel();
  });

  it('the fallback waits while the channel is still connecting', async () => {
    let ready = false;
    const { nextEvent, subscription } = setup({ channelReady: () => ready });
    let event: unknown;
    void nextEvent().then((e) => (event = e));
    await vi.advanceTimersByTimeAsync(1_600);
    expect(event).toBeUndefined();
    ready = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(event).toEqual({ type: 'subscribed', resubscribed: false });
    subscription.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after a break: error with retryInMs, then a new stream and subscribed{resubscribed:true}', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]!.emit('metadata', new Metadata());
    expect(await nextEvent()).toMatchObject({ type: 'subscribed', resubscribed: false });
    streams[0]!.fail(status.UNAVAILABLE, 'Connection dropped');
    const error = await nextEvent();
    expect(error).toMatchObject({ type: 'error', retryInMs: 50 });
    expect(error.type === 'error' && error.error).toMatchObject({
      code: status.UNAVAILABLE,
      details: 'Connection dropped',
      rpc: 'ConnectMaster.SubscribeStatus',
    });
    await vi.advanceTimersByTimeAsync(49);
    expect(streams).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(streams).toHaveLength(2);
    streams[1]!.emit('data', { deviceID: 3 });
    expect(await nextEvent()).toEqual({ type: 'subscribed', resubscribed: true });
    expect(await nextEvent()).toEqual({ type: 'change', change: { deviceID: 3 } });
    subscription.cancel();
  });

  it('backs off exponentially while the stream keeps failing, and resets after a healthy stream', async () => {
    const { streams, nextEvent, subscription } = setup({ healthyAfterMs: 5_000 });
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await vi.advanceTimersByTimeAsync(delays.at(-1) ?? 0);
      streams.at(-1)!.fail(status.UNAVAILABLE, 'down');
      const event = await nextEvent();
      if (event.type !== 'error') throw new Error(`expected error, got ${event.type}`);
      delays.push(event.retryInMs);
    }
    // random() = 0.5 of a ceiling 100, 200, 400, 800, 1000 (cap), 1000.
    expect(delays).toEqual([50, 100, 200, 400, 500, 500]);
    await vi.advanceTimersByTimeAsync(500);
    streams.at(-1)!.emit('metadata', new Metadata());
    expect(await nextEvent()).toMatchObject({ type: 'subscribed', resubscribed: true });
    await vi.advanceTimersByTimeAsync(5_000);
    streams.at(-1)!.fail(status.UNAVAILABLE, 'down again');
    expect(await nextEvent()).toMatchObject({ type: 'error', retryInMs: 50 });
    subscription.cancel();
  });

  it('UNAUTHENTICATED on the stream logs in again before resubscribing', async () => {
    const { streams, nextEvent, subscription, refresh, logins } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(logins()).toBe(1);
    streams[0]!.fail(status.UNAUTHENTICATED, 'token expired');
    expect(await nextEvent()).toMatchObject({
      type: 'error',
      error: { code: status.UNAUTHENTICATED },
    });
    await vi.advanceTimersByTimeAsync(50);
    expect(refresh).toHaveBeenCalledWith('jwt-1');
    expect(logins()).toBe(2);
    expect(streams).toHaveLength(2);
    subscription.cancel();
  });

  it('a stream the server ends with OK is a break too', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]!.emit('status', { code: status.OK, details: '', metadata: new Metadata() });
    expect(await nextEvent()).toMatchObject({
      type: 'error',
      error: { code: status.OK, details: 'the server ended the status stream' },
    });
    subscription.cancel();
  });

  it('cancel() ends iteration, cancels the grpc call and leaves no timer', async () => {
    const { streams, iterator, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const waiting = iterator.next();
    subscription.cancel();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(streams[0]!.cancelled).toBe(true);
    expect(subscription.cancelled).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(streams).toHaveLength(1);
  });

  it('cancel() during the backoff wait stops the retry', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]!.fail(status.UNAVAILABLE, 'down');
    await nextEvent();
    expect(vi.getTimerCount()).toBe(1);
    subscription.cancel();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(streams).toHaveLength(1);
  });

  it('for await … break cancels the subscription', async () => {
    const { streams, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    streams[0]!.emit('data', { deviceID: 1 });
    for await (const event of subscription) {
      expect(event.type).toBe('subscribed');
      break;
    }
    expect(subscription.cancelled).toBe(true);
    expect(streams[0]!.cancelled).toBe(true);
  });

  it('a slow consumer loses the oldest changes beyond maxBuffered, counted in dropped', async () => {
    const { streams, nextEvent, subscription } = setup();
    await vi.advanceTimersByTimeAsync(0);
    for (let deviceID = 1; deviceID <= 150; deviceID += 1) streams[0]!.emit('data', { deviceID });
    expect(subscription.dropped).toBe(51);
    expect(await nextEvent()).toMatchObject({ type: 'subscribed' });
    expect(await nextEvent()).toEqual({ type: 'change', change: { deviceID: 52 } });
    subscription.cancel();
  });
});

describe('failedSubscription', () => {
  it('rejects the first read with its error, then ends', async () => {
    const error = new GsdkError(
      status.INVALID_ARGUMENT,
      'queueSize must be a non-negative int32, got -1',
      'ConnectMaster.SubscribeStatus',
    );
    const iterator = failedSubscription<Change>(error)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toBe(error);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});
