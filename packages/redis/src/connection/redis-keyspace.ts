import type { Redis } from 'ioredis';
import { positiveOrUndefined } from './check-options.js';
import { openClient, type OpenedClient, type RedisConnection } from './redis-connection.js';

/** The options of a part's keys: the prefix they are written under, and how long they are kept. */
export interface KeyspaceOptions {
  readonly prefix?: string | undefined;
  readonly ttlMs?: number | undefined;
}

/**
 * A Redis-backed part's hold on Redis: the client its `connection` stands
 * for (opened here for a `url`), the prefix of its keys, and how long they
 * are kept (`ttlMs`, checked and rounded up to whole milliseconds;
 * `undefined` for as long as Redis keeps them). The options are checked
 * before a connection is opened, so a bad one leaves nothing to close.
 * `close()` closes the client only when it was opened here.
 */
export class RedisKeyspace {
  readonly client: Redis;
  readonly ttlMs: number | undefined;
  readonly #prefix: string;
  readonly #opened: OpenedClient;

  constructor(owner: string, connection: RedisConnection, options: KeyspaceOptions, defaultPrefix: string) {
    const ttlMs = positiveOrUndefined(owner, 'ttlMs', options.ttlMs);
    this.ttlMs = ttlMs === undefined ? undefined : Math.ceil(ttlMs);
    this.#prefix = options.prefix ?? defaultPrefix;
    this.#opened = openClient(connection, owner);
    this.client = this.#opened.client;
  }

  /** The Redis key of `name`: `name` under the prefix. */
  key(name: string): string {
    return this.#prefix + name;
  }

  /** Closes the client if it was opened here; a client passed in stays open. */
  close(): Promise<void> {
    return this.#opened.close();
  }
}
