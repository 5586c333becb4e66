import { describe, expect, it } from 'vitest';
import { InputError } from '@rivulet/core';
import { RedisCache, RedisMessageStore, RedisRateLimiter, RedisStreamStore, type RedisConnection } from '../index.js';
import { useRedisServer } from '../test-support/redis-server.js';

const redis = useRedisServer();

/** The connections the server has open, this file's assertion client included. */
async function connections(): Promise<number> {
  return String(await redis.client.client('LIST')).trim().split('\n').length;
}

interface Part {
  /** One command, so that a connection opened for a url is surely connected. */
  use(): Promise<unknown>;
  close(): Promise<void>;
}

/** Every Redis-backed part that takes a connection: made with good options, and with one bad option. */
const parts: Record<string, { open(connection: RedisConnection, prefix: string): Part; openBadly(connection: RedisConnection): unknown }> = {
  RedisCache: {
    open: (connection, prefix) => withUse(new RedisCache(connection, { prefix, ttlMs: 60_000 }), (cache) => cache.get('key')),
    openBadly: (connection) => new RedisCache(connection, { ttlMs: 0 }),
  },
  RedisMessageStore: {
    open: (connection, prefix) => withUse(new RedisMessageStore(connection, { prefix, ttlMs: 60_000 }), (store) => store.getMessages('ada')),
    openBadly: (connection) => new RedisMessageStore(connection, { ttlMs: Number.NaN }),
  },
  RedisRateLimiter: {
    open: (connection, prefix) =>
      withUse(new RedisRateLimiter(connection, { prefix, requestsPerMinute: 600 }), async (limiter) => (await limiter.acquire({ requests: 1, tokens: 0 })).settle()),
    openBadly: (connection) => new RedisRateLimiter(connection, { requestsPerMinute: -1 }),
  },
  RedisStreamStore: {
    open: (connection, prefix) => withUse(new RedisStreamStore(connection, { prefix }), (store) => store.get('run')),
    openBadly: (connection) => new RedisStreamStore(connection, { idleTtlMs: Infinity }),
  },
};

function withUse<T extends { close(): Promise<void> }>(part: T, use: (part: T) => Promise<unknown>): Part {
  return { use: () => use(part), close: () => part.close() };
}

describe.each(Object.entries(parts))('%s and its connection', (name, part) => {
  it('opens a connection for a url, and closes it in close()', async () => {
    const before = await connections();
    const opened = part.open({ url: redis.url }, redis.prefix());
    await opened.use();
    expect(await connections()).toBe(before + 1);
    await opened.close();
    await expect.poll(connections).toBe(before);
  });

  it('uses a client passed in, and leaves it open', async () => {
    const before = await connections();
    const given = part.open({ client: redis.client }, redis.prefix());
    await given.use();
    await given.close();
    expect(await connections()).toBe(before);
    expect(await redis.client.ping()).toBe('PONG');
  });

  it('refuses a bad option or connection with InputError, naming itself', () => {
    expect(() => part.openBadly({ url: redis.url })).toThrow(InputError);
    expect(() => part.openBadly({ url: redis.url })).toThrow(new RegExp(`^${name}: `));
    expect(() => part.open({} as RedisConnection, redis.prefix())).toThrow(new RegExp(`^${name} takes \\{ url`));
  });
});
