import { InputError } from '@rivulet/core';
import { Redis } from 'ioredis';

/**
 * Where a Redis-backed part finds Redis: a URL (`redis://host:6379/0`,
 * `rediss://` for TLS), for which it opens its own connection and closes it
 * in `close()`; or an ioredis client you made, which it uses and never
 * closes. Parts that block on Redis (stream readers, batch workers) open
 * extra connections with `client.duplicate()` and close those themselves.
 */
export type RedisConnection = { readonly url: string } | { readonly client: Redis };

/** Settings of a connection opened here that differ from ioredis' defaults. */
export interface ClientSettings {
  /** `null` for connections that block (BullMQ requires it): their commands wait through reconnections. */
  readonly maxRetriesPerRequest?: number | null;
}

/** A client to use, and how to let go of it. */
export interface OpenedClient {
  readonly client: Redis;
  /** Closes the client if it was opened here; a client passed in is left open. */
  close(): Promise<void>;
}

/**
 * The client `connection` stands for: a new one for a URL (with `overrides`),
 * or the one given. `InputError` when `connection` is neither.
 */
export function openClient(connection: RedisConnection, owner: string, overrides: ClientSettings = {}): OpenedClient {
  if (typeof connection === 'object' && connection !== null) {
    if ('client' in connection && isClient(connection.client)) return { client: connection.client, close: () => Promise.resolve() };
    if ('url' in connection && typeof connection.url === 'string' && connection.url !== '') {
      const client = ownedClient(connection.url, overrides);
      return { client, close: () => closeClient(client) };
    }
  }
  throw new InputError(`${owner} takes { url: 'redis://…' } or { client } (an ioredis client).`);
}

/**
 * A new connection to `url`. Its `error` events (a refused connection while
 * it retries) are not reported twice: every command waiting on it fails with
 * the error, and the command's caller sees that.
 */
export function ownedClient(url: string, overrides: ClientSettings = {}): Redis {
  const client = new Redis(url, { ...overrides });
  client.on('error', ignore);
  return client;
}

/** Another connection to the server `client` talks to, for a command that blocks. */
export function duplicateClient(client: Redis, overrides: ClientSettings = {}): Redis {
  const duplicate = client.duplicate(overrides);
  duplicate.on('error', ignore);
  return duplicate;
}

/** Closes `client`: politely when it is connected (pending replies arrive first), at once otherwise. */
export async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') return void client.disconnect();
  await client.quit().catch(() => client.disconnect());
}

function ignore(): void {}

// Duck-typed, so a client from another installed copy of ioredis works too.
function isClient(value: unknown): value is Redis {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Redis>).duplicate === 'function' && typeof (value as Partial<Redis>).evalsha === 'function';
}
