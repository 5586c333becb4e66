import type { CachedResponse, ModelCache } from '@rivulet/models';
import type { RedisConnection } from '../connection/redis-connection.js';
import { RedisKeyspace } from '../connection/redis-keyspace.js';
import { redisCall } from '../connection/redis-error.js';
import { readCachedResponse } from './read-cached-response.js';

/** Options of a {@link RedisCache}. */
export interface RedisCacheOptions {
  /** How long a reply is kept, in milliseconds. Default: until Redis evicts it (set a `maxmemory-policy` such as `allkeys-lru`). */
  readonly ttlMs?: number | undefined;
  /** Prepended to every key. Default `'rivulet:cache:'`. */
  readonly prefix?: string | undefined;
}

/**
 * A model cache in Redis (`model.withCache(new RedisCache({ url }))`), shared
 * by every process that reaches the server: a reply one process paid for is
 * a hit for all of them. Each reply is one string key holding its JSON
 * (`CachedResponse`), written with `SET ... PX ttlMs`. A value that is not a
 * cached reply (written by something else) reads as a miss.
 *
 * Identical requests in flight at once share one request within a process
 * (the model does that); across processes they may each send theirs, and
 * the last reply stored wins. Redis failures reject with `RedisError` and so
 * fail the run (see `ModelCache`).
 *
 * @example
 * ```ts
 * const cache = new RedisCache({ url: process.env.REDIS_URL! }, { ttlMs: 24 * 3600_000 });
 * const model = new OpenAIChatModel({ model: 'gpt-4o-mini' }).withCache(cache);
 * ```
 */
export class RedisCache implements ModelCache {
  readonly #keys: RedisKeyspace;

  constructor(connection: RedisConnection, options: RedisCacheOptions = {}) {
    this.#keys = new RedisKeyspace('RedisCache', connection, options, 'rivulet:cache:');
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const { client } = this.#keys;
    const text = await redisCall('RedisCache.get', () => client.get(this.#keys.key(key)));
    return text === null ? undefined : readCachedResponse(text);
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const text = JSON.stringify(value);
    const { client, ttlMs } = this.#keys;
    const stored = this.#keys.key(key);
    await redisCall('RedisCache.set', () => (ttlMs === undefined ? client.set(stored, text) : client.set(stored, text, 'PX', ttlMs)));
  }

  /** Closes the connection this cache opened for a `url`; a client passed in stays open. */
  close(): Promise<void> {
    return this.#keys.close();
  }
}
