import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from '../testing/index.js';

/** The server of one test file, and a way to reach it. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>` of this file's server. */
  readonly url: string;
  /** A connection for assertions, opened lazily and closed after the file. */
  readonly client: Redis;
  /** A key prefix no other test uses, so tests in one file never see each other's keys. */
  prefix(): string;
}

/**
 * Starts a real `redis-server` before the tests of the calling file and
 * stops it after them. When the server is not installed the file fails (never
 * skips) with the message saying how to install it.
 */
export function useRedisServer(): TestRedis {
  let server: RedisServer | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await client?.quit();
    await server?.close();
  });
  const started = (): RedisServer => {
    if (server === undefined) throw new Error('The Redis server of this file has not started.');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get client() {
      return (client ??= new Redis(started().url));
    },
    prefix: () => `test:${randomUUID()}:`,
  };
}
