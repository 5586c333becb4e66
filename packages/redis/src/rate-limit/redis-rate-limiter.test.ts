import { eventually } from '@rivulet/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { AbortError, InputError, ProviderError } from '@rivulet/core';
import { rateBudgetShape, type RateLimiterOptions } from '@rivulet/models';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer } from '@rivulet/openai/testing';
import { useRedisServer } from '../test-support/redis-server.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { SharedBudget } from './shared-budget.js';

const redis = useRedisServer();
const limiters: RedisRateLimiter[] = [];
afterAll(async () => {
  await Promise.all(limiters.map((limiter) => limiter.close()));
});

// The budget's arithmetic runs in Redis on the server's clock, so these tests use budgets
// so slow (one request per 1,000 s) that the real time between two calls is lost in
// rounding: waits are computed and checked, never slept.
const PER_1000_S = { requestsPerMinute: 0.06 };
const request = { requests: 1, tokens: 0 };

function budget(options: RateLimiterOptions) {
  const key = `${redis.prefix()}budget`;
  return { key, budget: new SharedBudget(redis.client, key, rateBudgetShape(options, 'RedisRateLimiter')) };
}

async function level(key: string, field: 'r' | 't' | 'f' | 'e' | 'p'): Promise<number> {
  return Number(await redis.client.hget(key, field));
}

describe('the shared budget (Lua, on a real Redis)', () => {
  it('lets a burst go at once, then lines callers up one refill apart', async () => {
    const { budget: b } = budget({ ...PER_1000_S, burst: 3_000 }); // 3 requests saved up
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push((await b.reserve(request)).waitMs);
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0.999e6);
    expect(waits[3]).toBeLessThanOrEqual(1e6);
    expect(waits[4]).toBeGreaterThan(1.999e6);
    expect(waits[4]).toBeLessThanOrEqual(2e6);
  });

  it('a call larger than the burst goes when the budget is full and leaves it owing', async () => {
    const { key, budget: b } = budget({ tokensPerMinute: 0.6, burst: 10_000 }); // 100 tokens, one per 100 s
    expect((await b.reserve({ requests: 1, tokens: 250 })).waitMs).toBe(0);
    expect(await level(key, 't')).toBeCloseTo(-150, 2);
    const next = await b.reserve({ requests: 1, tokens: 10 });
    expect(next.waitMs).toBeGreaterThan(15.99e6); // 160 tokens to earn back
    expect(next.waitMs).toBeLessThanOrEqual(16e6);
  });

  it('refund gives a reservation back, so the next caller waits as if it never came', async () => {
    const { budget: b } = budget(PER_1000_S);
    expect((await b.reserve(request)).waitMs).toBe(0);
    expect((await b.reserve(request)).waitMs).toBeGreaterThan(0.999e6);
    await b.refund(request);
    const third = await b.reserve(request);
    expect(third.waitMs).toBeGreaterThan(0.999e6);
    expect(third.waitMs).toBeLessThanOrEqual(1e6);
  });

  it('settling with the real usage corrects the tokens estimate, both ways', async () => {
    const { key, budget: b } = budget({ tokensPerMinute: 0.6, burst: 10_000 });
    await b.reserve({ requests: 1, tokens: 60 });
    await b.settle({ requests: 1, tokens: 60 }, { tokens: 10 }); // 50 given back
    expect(await level(key, 't')).toBeCloseTo(90, 2);
    await b.settle({ requests: 1, tokens: 0 }, { tokens: 140 }); // 140 owed
    expect(await level(key, 't')).toBeCloseTo(-50, 2);
    await b.settle({ requests: 1, tokens: 5 }, {}); // no usage reported: the estimate stands
    expect(await level(key, 't')).toBeCloseTo(-50, 2);
  });

  it('a 429 halves the rate, drops what was saved, pauses for Retry-After, and the rate recovers after a minute', async () => {
    const { key, budget: b } = budget({ ...PER_1000_S, burst: 3_000 }); // 3 saved, one per 1e6 ms
    await b.reserve(request);
    await b.settle(request, { tokens: 0, rateLimited: { retryAfterMs: 5_000 } });
    expect(await level(key, 'r')).toBe(0);
    expect(await level(key, 'f')).toBe(0.5);
    expect(await level(key, 'e')).toBe(1);
    // One request to earn at half rate for the first 60 s (0.03 of it), then at the full rate.
    const wait = (await b.reserve(request)).waitMs;
    expect(wait).toBeGreaterThan(1.029e6);
    expect(wait).toBeLessThanOrEqual(60_000 + 0.97e6);
    await b.settle(request, { rateLimited: {} });
    await b.settle(request, { rateLimited: {} });
    await b.settle(request, { rateLimited: {} });
    await b.settle(request, { rateLimited: {} });
    expect(await level(key, 'f')).toBe(1 / 16); // never below MIN_RATE_FACTOR
  });

  it('nothing goes before the Retry-After, and a reservation made before the 429 is made again on confirm', async () => {
    const { budget: b } = budget({ requestsPerMinute: 6_000_000 }); // 100 a millisecond: only the pause counts
    const before = await b.reserve(request);
    expect(before).toEqual({ waitMs: 0, epoch: 0 });
    await b.settle(request, { rateLimited: { retryAfterMs: 5_000 } });
    const after = await b.reserve(request);
    expect(after.epoch).toBe(1);
    expect(after.waitMs).toBeGreaterThan(4_900);
    expect(after.waitMs).toBeLessThanOrEqual(5_000);
    const confirmed = await b.confirm(request, before);
    expect(confirmed.epoch).toBe(1);
    expect(confirmed.waitMs).toBeGreaterThan(4_900);
    expect(await b.confirm(request, after)).toEqual({ waitMs: 0, epoch: 1 });
  });

  it('expires a budget once it would be fresh again', async () => {
    const { key, budget: b } = budget({ requestsPerMinute: 60 });
    await b.reserve(request);
    const ttl = await redis.client.pttl(key);
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(61_000);
  });
});

describe('RedisRateLimiter', () => {
  const limiter = (options: ConstructorParameters<typeof RedisRateLimiter>[1]) => {
    const created = new RedisRateLimiter({ client: redis.client }, { prefix: redis.prefix(), ...options });
    limiters.push(created);
    return created;
  };

  it('grants at once under budget', async () => {
    const permit = await limiter({ requestsPerMinute: 600 }).acquire(request);
    expect(typeof permit.settle).toBe('function');
  });

  it('an aborted wait rejects with AbortError and takes nothing from the shared budget', async () => {
    const prefix = redis.prefix();
    const first = limiter({ ...PER_1000_S, prefix, key: 'shared' });
    const second = new RedisRateLimiter({ url: redis.url }, { ...PER_1000_S, prefix, key: 'shared' });
    limiters.push(second);
    await first.acquire(request);
    const controller = new AbortController();
    const waiting = second.acquire(request, controller.signal);
    await eventually(async () => (await level(`${prefix}shared`, 'r')) < -0.99, 'its place in line to be taken');
    controller.abort();
    await expect(waiting).rejects.toSatisfy(AbortError.isInstance);
    expect(await level(`${prefix}shared`, 'r')).toBeGreaterThan(-0.01); // and given back
  });

  it('settles with the reported usage and shrinks on a 429 from the provider', async () => {
    const prefix = redis.prefix();
    const mock = await startMockOpenAIServer([{ text: 'fine', usage: { promptTokens: 3, completionTokens: 2 } }, { status: 429, retryAfter: 7 }]);
    try {
      // 10,000 tokens saved up, refilling so slowly that the correction stands out.
      const shared = limiter({ requestsPerMinute: 600, tokensPerMinute: 6, burst: 100_000, prefix, key: 'openai' });
      const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: null, baseURL: mock.url, maxRetries: 0 }).withRateLimit(shared);
      await model.invoke('a question of some length, to estimate');
      // Whatever the estimate was, the budget is charged the 5 tokens the provider reported.
      expect(await level(`${prefix}openai`, 't')).toBeCloseTo(9_995, 0);
      const error = await model.invoke('again').catch((e: unknown) => e);
      expect(ProviderError.isInstance(error) && error.status).toBe(429);
      expect(await level(`${prefix}openai`, 'e')).toBe(1);
      expect(await level(`${prefix}openai`, 'f')).toBe(0.5);
      const [seconds, micros] = await redis.client.time();
      const pausedFor = (await level(`${prefix}openai`, 'p')) - (Number(seconds) * 1000 + Number(micros) / 1000);
      expect(pausedFor).toBeGreaterThan(5_000);
      expect(pausedFor).toBeLessThanOrEqual(7_000);
    } finally {
      await mock.close();
    }
  });

  it('rejects a missing or bad budget with InputError', () => {
    expect(() => new RedisRateLimiter({ url: redis.url }, {})).toThrow(InputError);
    expect(() => new RedisRateLimiter({ url: redis.url }, { requestsPerMinute: 0 })).toThrow(/requestsPerMinute must be a positive/);
    expect(() => new RedisRateLimiter({ url: redis.url }, { tokensPerMinute: 10, burst: Infinity })).toThrow(/burst/);
  });
});
