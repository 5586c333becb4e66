import type { Redis } from 'ioredis';
import { AbortError, InputError } from '@rivulet/core';
import { positive } from '../connection/check-options.js';
import { closeClient, duplicateClient, type RedisConnection } from '../connection/redis-connection.js';
import { RedisKeyspace } from '../connection/redis-keyspace.js';
import { RedisError, redisCall } from '../connection/redis-error.js';
import { StopChannels } from './stop-channels.js';
import { readEntries, type RawEntry } from './stream-entries.js';
import { appendEvents, createRun, finishRun, requestStop } from './stream-scripts.js';
import type { StoredStreamEvent, StreamReadOptions, StreamRunInfo, StreamStore } from '@rivulet/server';

/** Options of a {@link RedisStreamStore}. */
export interface RedisStreamStoreOptions {
  /** Prepended to every key. Default `'rivulet:stream:'`. */
  readonly prefix?: string | undefined;
  /** How long a finished run is kept for clients that reconnect late, in ms. Default 10 minutes. */
  readonly finishedTtlMs?: number | undefined;
  /**
   * How long a running run is kept after its last append, in ms: a run whose
   * process died without finishing it expires then. Default one hour.
   */
  readonly idleTtlMs?: number | undefined;
  /** How often a reader following a quiet run checks that it has not expired, in ms. Default 5,000. */
  readonly checkEveryMs?: number | undefined;
}

const PAGE = 1_000;

/**
 * A {@link StreamStore} in Redis, for resumable streams served by many
 * processes: each run is a hash and a Redis stream of its events (`XADD`
 * with the ids 1, 2, 3, ...), appended atomically by a Lua script. Readers
 * catch up with `XRANGE` and follow live with `XREAD BLOCK` on a connection
 * of their own (opened for the read, closed after); stop requests travel by
 * Pub/Sub, with a flag in the run's hash for a process that starts watching
 * late. Finished runs expire after `finishedTtlMs`, abandoned ones after
 * `idleTtlMs`.
 *
 * @example
 * ```ts
 * const store = new RedisStreamStore({ url: process.env.REDIS_URL! });
 * await store.create('run-1', '{"aggregate":{"kind":"delta"}}');
 * await store.append('run-1', ['{"text":"Hel"}', '{"text":"lo"}']); // [1, 2]
 * await store.finish('run-1');
 * for await (const events of store.read('run-1', { after: 1 })) console.log(events); // [{ id: 2, data: '{"text":"lo"}' }]
 * ```
 */
export class RedisStreamStore implements StreamStore {
  readonly #redis: RedisKeyspace;
  readonly #stops: StopChannels;
  readonly #finishedTtlMs: number;
  readonly #idleTtlMs: number;
  readonly #checkEveryMs: number;

  constructor(connection: RedisConnection, options: RedisStreamStoreOptions = {}) {
    this.#finishedTtlMs = Math.ceil(positive('RedisStreamStore', 'finishedTtlMs', options.finishedTtlMs, 10 * 60_000));
    this.#idleTtlMs = Math.ceil(positive('RedisStreamStore', 'idleTtlMs', options.idleTtlMs, 60 * 60_000));
    this.#checkEveryMs = Math.ceil(positive('RedisStreamStore', 'checkEveryMs', options.checkEveryMs, 5_000));
    this.#redis = new RedisKeyspace('RedisStreamStore', connection, { prefix: options.prefix }, 'rivulet:stream:');
    this.#stops = new StopChannels(this.#redis.client);
  }

  async create(runId: string, metadata: string): Promise<void> {
    const { meta } = this.#keys(runId);
    if (typeof metadata !== 'string') throw new InputError('RedisStreamStore.create: metadata must be a string.');
    const created = await redisCall('RedisStreamStore.create', () => createRun.run(this.#client, [meta], [metadata, this.#idleTtlMs]));
    if (created !== 1) throw new InputError(`RedisStreamStore.create: a run with the id "${runId}" already exists.`);
  }

  async append(runId: string, data: readonly string[]): Promise<number[]> {
    const { meta, events } = this.#keys(runId);
    if (!Array.isArray(data) || data.some((item) => typeof item !== 'string')) throw new InputError('RedisStreamStore.append takes an array of strings.');
    if (data.length === 0) return [];
    const first = Number(await redisCall('RedisStreamStore.append', () => appendEvents.run(this.#client, [meta, events], [this.#idleTtlMs, ...data])));
    if (first < 0) throw new InputError(`RedisStreamStore.append: the run "${runId}" is not running (unknown, expired or finished).`);
    return data.map((_, index) => first + index);
  }

  async finish(runId: string): Promise<void> {
    const { meta, events } = this.#keys(runId);
    await redisCall('RedisStreamStore.finish', () => finishRun.run(this.#client, [meta, events], [this.#finishedTtlMs]));
  }

  async get(runId: string): Promise<StreamRunInfo | undefined> {
    const { meta } = this.#keys(runId);
    const [metadata, status, seq, stop] = await redisCall('RedisStreamStore.get', () => this.#client.hmget(meta, 'metadata', 'status', 'seq', 'stop'));
    if (metadata === null || metadata === undefined) return undefined;
    return { metadata, status: status === 'finished' ? 'finished' : 'running', lastEventId: Number(seq), stopRequested: stop === '1' };
  }

  read(runId: string, options: StreamReadOptions = {}): AsyncIterable<readonly StoredStreamEvent[]> {
    return { [Symbol.asyncIterator]: () => this.#follow(runId, options)[Symbol.asyncIterator]() };
  }

  async requestStop(runId: string): Promise<boolean> {
    const { meta, stop } = this.#keys(runId);
    return (await redisCall('RedisStreamStore.requestStop', () => requestStop.run(this.#client, [meta], [stop]))) === 1;
  }

  async waitForStop(runId: string, signal: AbortSignal): Promise<boolean> {
    const { meta, stop: channel } = this.#keys(runId);
    if (signal.aborted) return false;
    return new Promise<boolean>((resolve, reject) => {
      let settled = false;
      const end = (): boolean => {
        if (settled) return false;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        this.#stops.unlisten(channel, onStop);
        return true;
      };
      const onStop = (): void => void (end() && resolve(true));
      const onAbort = (): void => void (end() && resolve(false));
      signal.addEventListener('abort', onAbort, { once: true });
      // Subscribed first, then the flag read: a stop requested in between is seen one way or the other.
      this.#stops
        .listen(channel, onStop)
        .then(() => (settled ? undefined : this.#client.hget(meta, 'stop')))
        .then(
          (flag) => flag === '1' && onStop(),
          (error: unknown) => end() && reject(new RedisError('RedisStreamStore.waitForStop', { cause: error })),
        );
    });
  }

  /** Closes the connections this store opened (for a `url`, and for stop requests); a client passed in stays open. */
  async close(): Promise<void> {
    await this.#stops.close();
    await this.#redis.close();
  }

  get #client(): Redis {
    return this.#redis.client;
  }

  async *#follow(runId: string, { after = 0, signal }: StreamReadOptions): AsyncGenerator<readonly StoredStreamEvent[]> {
    const keys = this.#keys(runId);
    if (!Number.isSafeInteger(after) || after < 0) throw new InputError(`RedisStreamStore.read: after must be a whole number of at least 0, got ${String(after)}.`);
    let reader: Redis | undefined;
    const onAbort = (): void => reader?.disconnect();
    signal?.addEventListener('abort', onAbort, { once: true });
    const attempt = async <T>(command: () => Promise<T>): Promise<T> => {
      if (signal?.aborted) throw aborted(signal);
      try {
        return await command();
      } catch (error) {
        if (signal?.aborted) throw aborted(signal);
        throw new RedisError('RedisStreamStore.read', { cause: error });
      }
    };
    try {
      if ((await attempt(() => this.#client.exists(keys.meta))) === 0) return;
      // The catch-up: everything stored after `after`, page by page, as one batch.
      let lastId = `0-${after}`;
      const backlog: StoredStreamEvent[] = [];
      let ended = false;
      for (;;) {
        const page = readEntries((await attempt(() => this.#client.xrange(keys.events, `(${lastId}`, '+', 'COUNT', PAGE))) as RawEntry[]);
        backlog.push(...page.events);
        lastId = page.lastId ?? lastId;
        ended = page.ended;
        if (ended || page.lastId === undefined) break;
      }
      yield backlog;
      // Then live: blocking reads on a connection of this reader's own.
      while (!ended) {
        reader ??= duplicateClient(this.#client);
        const client = reader;
        const reply = (await attempt(() => client.xread('COUNT', PAGE, 'BLOCK', this.#checkEveryMs, 'STREAMS', keys.events, lastId))) as
          | [string, RawEntry[]][]
          | null;
        if (reply === null) {
          if ((await attempt(() => this.#client.exists(keys.meta))) === 0) return;
          continue;
        }
        const batch = readEntries(reply[0]?.[1] ?? []);
        lastId = batch.lastId ?? lastId;
        ended = batch.ended;
        if (batch.events.length > 0) yield batch.events;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (reader !== undefined) await closeClient(reader);
    }
  }

  #keys(runId: string): RunKeys {
    if (typeof runId !== 'string' || runId === '' || runId.length > 256) throw new InputError('A run id must be a string of 1 to 256 characters.');
    const meta = this.#redis.key(runId);
    return { meta, events: `${meta}:events`, stop: `${meta}:stop` };
  }
}

interface RunKeys {
  readonly meta: string;
  readonly events: string;
  readonly stop: string;
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('Reading the stream was aborted.', { cause: signal.reason });
}
