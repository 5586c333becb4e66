import { accessSync, constants } from 'node:fs';

/** Where the Debian package `redis-server` installs the server. */
export const DEFAULT_REDIS_SERVER_PATH = '/usr/bin/redis-server';

/**
 * The `redis-server` executable to start: `REDIS_SERVER_PATH` from the
 * environment, else {@link DEFAULT_REDIS_SERVER_PATH}; `undefined` when it is
 * not there (install it with `apt-get install -y redis-server`).
 *
 * @example
 * ```ts
 * if (findRedisServer() === undefined) console.log('No redis-server: running the in-memory parts only.');
 * ```
 */
export function findRedisServer(): string | undefined {
  const path = process.env['REDIS_SERVER_PATH'] || DEFAULT_REDIS_SERVER_PATH;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}
