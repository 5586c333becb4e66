import { checkSessionId, fromStoredMessage, toStoredMessages, type Message, type MessageStore } from '@rivulet/core';
import type { RedisConnection } from '../connection/redis-connection.js';
import { redisCall } from '../connection/redis-error.js';
import { RedisKeyspace } from '../connection/redis-keyspace.js';

/** Options of a {@link RedisMessageStore}. */
export interface RedisMessageStoreOptions {
  /** Prepended to every key: a session's messages are the list `<prefix><sessionId>`. Default `'rivulet:messages:'`. */
  readonly prefix?: string | undefined;
  /**
   * Forget a session this many milliseconds after its last append (each
   * append starts the time again). Default: kept until `clear`.
   */
  readonly ttlMs?: number | undefined;
}

/**
 * A {@link MessageStore} in Redis, shared by every process that reaches the
 * same server: each session is a Redis list of its messages as JSON (the
 * messages' `toJSON()`, revived with `messageFromJSON`), so tool calls,
 * usage and metadata survive. A turn (`addMessages`) is appended in one
 * `RPUSH`, which Redis applies atomically: two servers appending to one
 * session never interleave their turns.
 *
 * Redis failures reject with `RedisError`; a bad session id or a value that
 * is not a message with `InputError`, storing nothing.
 *
 * @example
 * ```ts
 * const store = new RedisMessageStore({ url: 'redis://localhost:6379' }, { ttlMs: 24 * 3600_000 });
 * const chat = withMessageHistory(model, { store });
 * await chat.invoke('Hi, I am Ada.', { configurable: { sessionId: 'ada' } });
 * await store.close();
 * ```
 */
export class RedisMessageStore implements MessageStore {
  readonly #keys: RedisKeyspace;

  constructor(connection: RedisConnection, options: RedisMessageStoreOptions = {}) {
    this.#keys = new RedisKeyspace('RedisMessageStore', connection, options, 'rivulet:messages:');
  }

  async getMessages(sessionId: string): Promise<Message[]> {
    const key = this.#key(sessionId);
    const stored = await redisCall('RedisMessageStore.getMessages', () => this.#keys.client.lrange(key, 0, -1));
    return stored.map(fromStoredMessage);
  }

  async addMessages(sessionId: string, messages: readonly Message[]): Promise<void> {
    const key = this.#key(sessionId);
    const stored = toStoredMessages(messages);
    if (stored.length === 0) return;
    const { client, ttlMs } = this.#keys;
    await redisCall('RedisMessageStore.addMessages', async () => {
      if (ttlMs === undefined) return void (await client.rpush(key, ...stored));
      const results = await client.multi().rpush(key, ...stored).pexpire(key, ttlMs).exec();
      const failed = results?.find(([error]) => error !== null)?.[0];
      if (failed) throw failed;
    });
  }

  async clear(sessionId: string): Promise<void> {
    const key = this.#key(sessionId);
    await redisCall('RedisMessageStore.clear', () => this.#keys.client.del(key));
  }

  /** Closes the connection this store opened for a `url`; a client passed in stays open. */
  close(): Promise<void> {
    return this.#keys.close();
  }

  #key(sessionId: string): string {
    return this.#keys.key(checkSessionId(sessionId));
  }
}
