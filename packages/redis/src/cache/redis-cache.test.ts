import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from '@rivulet/core/testing';
import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';
import { InputError } from '@rivulet/core';
import { useRedisServer } from '../test-support/redis-server.js';
import { RedisCache } from './redis-cache.js';

const redis = useRedisServer();
const closing: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const item of closing.splice(0)) await item.close();
});

async function mockServer(...args: Parameters<typeof startMockOpenAIServer>): Promise<MockOpenAIServer> {
  const server = await startMockOpenAIServer(...args);
  closing.push(server);
  return server;
}

function newCache(prefix: string, ttlMs?: number): RedisCache {
  const cache = new RedisCache({ url: redis.url }, { prefix, ttlMs });
  closing.push(cache);
  return cache;
}

const modelAt = (url: string) => new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: null, baseURL: url, maxRetries: 0 });

describe('RedisCache with an OpenAI model over HTTP', () => {
  it('answers a repeated request from Redis, replaying the same chunks with no HTTP request', async () => {
    const mock = await mockServer({ text: '{"river":"Glomma","km":621}', chunkSize: 4 });
    const facts = modelAt(mock.url)
      .withCache(newCache(redis.prefix()))
      .withStructuredOutput(z.object({ river: z.string(), km: z.number() }));
    const live = await collect(facts.stream('The longest river in Norway?'));
    const replayed = await collect(facts.stream('The longest river in Norway?'));
    expect(mock.requests).toHaveLength(1);
    expect(replayed).toEqual(live);
    expect(replayed.at(-1)).toEqual({ river: 'Glomma', km: 621 });
  });

  it('is shared by caches on other connections, and misses on a different temperature', async () => {
    const mock = await mockServer({ text: 'Rivers run to the sea.' });
    const prefix = redis.prefix();
    const first = modelAt(mock.url).withCache(newCache(prefix));
    const second = modelAt(mock.url).withCache(new RedisCache({ client: redis.client }, { prefix }));
    expect((await first.invoke('Where do rivers go?')).text).toBe('Rivers run to the sea.');
    expect((await second.invoke('Where do rivers go?')).text).toBe('Rivers run to the sea.');
    expect(mock.requests).toHaveLength(1);
    await second.withOptions({ temperature: 0.9 }).invoke('Where do rivers go?');
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[1]?.body?.temperature).toBe(0.9);
  });

  it('stores nothing for a failed request', async () => {
    const mock = await mockServer([{ status: 500, error: { message: 'boom' } }, { text: 'fine' }]);
    const prefix = redis.prefix();
    const model = modelAt(mock.url).withCache(newCache(prefix));
    await expect(model.invoke('hi')).rejects.toThrow();
    expect(await redis.client.keys(`${prefix}*`)).toEqual([]);
    expect((await model.invoke('hi')).text).toBe('fine');
    expect(mock.requests).toHaveLength(2);
  });

  it('keeps replies for ttlMs, and reads a value that is not a reply as a miss', async () => {
    const mock = await mockServer({ text: 'kept' });
    const prefix = redis.prefix();
    const cache = newCache(prefix, 30_000);
    await modelAt(mock.url).withCache(cache).invoke('hi');
    const [key] = await redis.client.keys(`${prefix}*`);
    expect(key).toMatch(new RegExp(`^${prefix}openai[^:]*:gpt-4o-mini:[0-9a-f]{64}$`));
    const ttl = await redis.client.pttl(key!);
    expect(ttl).toBeGreaterThan(20_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await redis.client.set(key!, 'not json');
    expect(await cache.get(key!.slice(prefix.length))).toBeUndefined();
    await redis.client.set(key!, '{"parts":"nope"}');
    expect(await cache.get(key!.slice(prefix.length))).toBeUndefined();
    await modelAt(mock.url).withCache(cache).invoke('hi');
    expect(mock.requests).toHaveLength(2);
  });

  it('rejects bad options with InputError', () => {
    expect(() => new RedisCache({ url: redis.url }, { ttlMs: -1 })).toThrow(InputError);
    expect(() => new RedisCache({} as never)).toThrow(/takes \{ url/);
  });
});
