import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError, InputError } from '@rivulet/core';
import { MIN_RATE_FACTOR, RATE_RECOVERY_MS, rateLimiter, type RateCost, type RateLimiter, type RatePermit } from '@rivulet/models';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

const request: RateCost = { requests: 1, tokens: 0 };

/** Starts `count` acquisitions of `cost` at once; returns the virtual times they were granted, as they are. */
function grants(limiter: RateLimiter, count: number, cost: RateCost = request): { times: number[]; permits: RatePermit[] } {
  const times: number[] = [];
  const permits: RatePermit[] = [];
  for (let i = 0; i < count; i++) {
    void limiter.acquire(cost).then((permit) => {
      times.push(Date.now());
      permits.push(permit);
    });
  }
  return { times, permits };
}

describe('rateLimiter', () => {
  it('spaces requests as the budget says, after a burst of one second\'s worth', async () => {
    const { times } = grants(rateLimiter({ requestsPerMinute: 600 }), 14);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 200, 300, 400]);
  });

  it('takes burst in seconds of budget, at least one request', async () => {
    const wide = grants(rateLimiter({ requestsPerMinute: 60, burst: 3 }), 5);
    const narrow = grants(rateLimiter({ requestsPerMinute: 30 }), 3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(wide.times).toEqual([0, 0, 0, 1_000, 2_000]);
    expect(narrow.times).toEqual([0, 2_000, 4_000]);
  });

  it('refills while idle, up to the burst only', async () => {
    const limiter = rateLimiter({ requestsPerMinute: 60 });
    await vi.advanceTimersByTimeAsync(60_000);
    const { times } = grants(limiter, 3);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(times).toEqual([60_000, 61_000, 62_000]);
  });

  it('counts estimated tokens, and corrects them by what a call really used', async () => {
    // 600 tokens a minute: 10 a second, a bucket of 10.
    const limiter = rateLimiter({ tokensPerMinute: 600 });
    const first = await limiter.acquire({ requests: 1, tokens: 10 });
    first.settle({ tokens: 2 }); // 8 given back
    const second = await limiter.acquire({ requests: 1, tokens: 8 });
    expect(Date.now()).toBe(0);
    second.settle({ tokens: 28 }); // 20 owed
    const { times } = grants(limiter, 1, { requests: 1, tokens: 10 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(times).toEqual([3_000]); // the debt of 20 and then 10 more, at 10 a second
  });

  it('lets a call larger than the whole bucket through when the bucket is full', async () => {
    const limiter = rateLimiter({ tokensPerMinute: 600 });
    const { times } = grants(limiter, 2, { requests: 1, tokens: 50 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 5_000]); // 40 owed, then 10 to fill the bucket again, at 10 a second
  });

  it('serves callers in order: a small call does not overtake a large one', async () => {
    const limiter = rateLimiter({ tokensPerMinute: 600 });
    const order: string[] = [];
    const take = (name: string, tokens: number) => void limiter.acquire({ requests: 1, tokens }).then(() => order.push(`${name} at ${Date.now()}`));
    take('first', 10);
    take('large', 10);
    await vi.advanceTimersByTimeAsync(500);
    take('small', 1); // 5 tokens have come back: room for it, but the large one was first
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual(['first at 0', 'large at 1000', 'small at 1100']);
  });

  it('shrinks after a 429: waits out Retry-After, halves the rate, and doubles back each minute without one', async () => {
    const limiter = rateLimiter({ requestsPerMinute: 60 });
    const refused = await limiter.acquire(request);
    refused.settle({ rateLimited: { retryAfterMs: 5_000 } });
    const { times } = grants(limiter, 4);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(times).toEqual([5_000, 7_000, 9_000, 11_000]); // one every 2 s instead of 1 s

    await vi.advanceTimersByTimeAsync(RATE_RECOVERY_MS - 12_000); // a minute since the 429
    const recovered = grants(limiter, 3);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(recovered.times).toEqual([60_000, 61_000, 62_000]);
  });

  it('halves again on each 429, down to 1/16, with no pause when no Retry-After is given', async () => {
    const limiter = rateLimiter({ requestsPerMinute: 60, burst: 6 });
    const refused = await Promise.all(Array.from({ length: 6 }, () => limiter.acquire(request)));
    for (const permit of refused) permit.settle({ rateLimited: {} });
    const { times } = grants(limiter, 2);
    const gap = 1_000 / MIN_RATE_FACTOR;
    await vi.advanceTimersByTimeAsync(2 * gap);
    expect(times).toEqual([gap, 2 * gap]);
  });

  it('an aborted wait rejects with AbortError, takes nothing and leaves no timer', async () => {
    const limiter = rateLimiter({ requestsPerMinute: 60 });
    await limiter.acquire(request);
    const controller = new AbortController();
    const waiting = limiter.acquire(request, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('user left'));
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    await expect(waiting).rejects.toMatchObject({ cause: new Error('user left') });
    expect(vi.getTimerCount()).toBe(0);
    // The aborted caller's share was not taken: the next one goes when it would have.
    const { times } = grants(limiter, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(times).toEqual([1_000]);
    await expect(limiter.acquire(request, AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
  });

  it('a caller aborting behind others lets those behind it move up', async () => {
    const limiter = rateLimiter({ requestsPerMinute: 60 });
    const controller = new AbortController();
    const order: string[] = [];
    await limiter.acquire(request);
    void limiter.acquire(request, controller.signal).catch(() => order.push('aborted'));
    void limiter.acquire(request).then(() => order.push(`third at ${Date.now()}`));
    controller.abort();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual(['aborted', 'third at 1000']);
  });

  it('refuses a missing or meaningless budget with InputError', () => {
    expect(() => rateLimiter({})).toThrow(InputError);
    expect(() => rateLimiter({ requestsPerMinute: 0 })).toThrow(/requestsPerMinute must be a positive, finite number/);
    expect(() => rateLimiter({ tokensPerMinute: Number.NaN })).toThrow(InputError);
    expect(() => rateLimiter({ requestsPerMinute: 60, burst: -1 })).toThrow(/burst/);
  });
});
