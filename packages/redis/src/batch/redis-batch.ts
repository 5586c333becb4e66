import { Observable, type Subscriber } from 'rxjs';
import type { Redis } from 'ioredis';
import { AbortError, RunStream, items, type BatchResult } from '@rivulet/core';
import { duplicateClient } from '../connection/redis-connection.js';
import { RedisError } from '../connection/redis-error.js';
import type { Batch, BatchProgress, BatchReadOptions } from './batch.js';
import type { BatchKeys } from './batch-keys.js';
import { decodeResult } from './result-codec.js';

type RawEntry = [id: string, fields: string[]];

const PAGE = 1_000;
// A reader with nothing to read checks this often that the batch has not expired.
const CHECK_EVERY_MS = 5_000;

/** A {@link Batch} read from Redis: results from the batch's hash, in the order its event stream allows. */
export class RedisBatch<O> implements Batch<O> {
  constructor(
    private readonly client: Redis,
    private readonly keys: BatchKeys,
    readonly id: string,
    readonly size: number,
  ) {}

  stream(): RunStream<BatchResult<O>> {
    return RunStream.from(
      this.#follow<BatchResult<O>>(undefined, async (subscriber, entries, state) => {
        for (const [, fields] of entries) state.ready.add(Number(field(fields, 'i')));
        let end = state.next;
        while (state.ready.delete(end)) end++;
        for (let from = state.next; from < end && !subscriber.closed; from += PAGE) {
          const indices = Array.from({ length: Math.min(PAGE, end - from) }, (_, k) => from + k);
          const texts = await this.client.hmget(this.keys.results, ...indices.map(String));
          texts.forEach((text, k) => {
            if (text === null) throw new RedisError(`reading batch ${this.id}: the result of input ${indices[k]} is gone (expired?)`);
            subscriber.next(decodeResult<O>(indices[k]!, text));
          });
        }
        state.next = end;
        return end >= this.size;
      }),
      () => items(),
    );
  }

  results(options: BatchReadOptions = {}): Promise<BatchResult<O>[]> {
    const { signal } = options;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(aborted(signal));
      const collected: BatchResult<O>[] = [];
      const onAbort = (): void => {
        subscription.unsubscribe();
        reject(aborted(signal as AbortSignal));
      };
      const subscription = this.stream().subscribe({
        next: (result) => collected.push(result),
        error: (error: unknown) => (signal?.removeEventListener('abort', onAbort), reject(error)),
        complete: () => (signal?.removeEventListener('abort', onAbort), resolve(collected)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  progress(): RunStream<BatchProgress> {
    const start = async (subscriber: Subscriber<BatchProgress>, state: FollowState): Promise<boolean> => {
      // The progress so far, from the latest event (none yet: nothing done), then the events after it.
      const [latest] = (await this.client.xrevrange(this.keys.events, '+', '-', 'COUNT', 1)) as RawEntry[];
      const done = latest === undefined ? 0 : Number(field(latest[1], 'd'));
      subscriber.next({ total: this.size, done, failed: latest === undefined ? 0 : Number(field(latest[1], 'f')) });
      state.lastId = latest?.[0] ?? '0';
      return done >= this.size;
    };
    const take = async (subscriber: Subscriber<BatchProgress>, entries: RawEntry[]): Promise<boolean> => {
      let done = 0;
      for (const [, fields] of entries) {
        done = Number(field(fields, 'd'));
        subscriber.next({ total: this.size, done, failed: Number(field(fields, 'f')) });
      }
      return done >= this.size;
    };
    return RunStream.from(this.#follow(start, take));
  }

  [Symbol.asyncIterator](): AsyncIterator<BatchResult<O>> {
    return this.stream()[Symbol.asyncIterator]();
  }

  /**
   * Follows the batch's event stream on a connection of its own: `start`
   * first (it may move where reading starts), then each page of entries to
   * `take`, until one of them says it is done. A batch that expired while
   * followed ends the stream with `RedisError`.
   */
  #follow<T>(
    start: ((subscriber: Subscriber<T>, state: FollowState) => Promise<boolean>) | undefined,
    take: (subscriber: Subscriber<T>, entries: RawEntry[], state: FollowState) => Promise<boolean>,
  ): Observable<T> {
    return new Observable<T>((subscriber) => {
      const reader = duplicateClient(this.client);
      const state: FollowState = { next: 0, ready: new Set(), lastId: '0' };
      const run = async (): Promise<void> => {
        let finished = (await start?.(subscriber, state)) === true || this.size === 0;
        while (!finished && !subscriber.closed) {
          const reply = (await reader.xread('COUNT', PAGE, 'BLOCK', CHECK_EVERY_MS, 'STREAMS', this.keys.events, state.lastId)) as [string, RawEntry[]][] | null;
          if (subscriber.closed) return;
          if (reply === null) {
            if ((await this.client.exists(this.keys.meta)) === 0) throw new RedisError(`reading batch ${this.id}: it expired or was removed`);
            continue;
          }
          const entries = reply[0]?.[1] ?? [];
          state.lastId = entries.at(-1)?.[0] ?? state.lastId;
          finished = await take(subscriber, entries, state);
        }
        subscriber.complete();
      };
      run().catch((error: unknown) => {
        if (!subscriber.closed) subscriber.error(error instanceof RedisError ? error : new RedisError(`reading batch ${this.id}`, { cause: error }));
      });
      // Disconnected, not quit: a quit would wait for the blocking read to time out.
      return () => reader.disconnect();
    });
  }
}

interface FollowState {
  /** The next index to deliver (results). */
  next: number;
  /** Indices recorded but not delivered yet, waiting for an earlier one. */
  readonly ready: Set<number>;
  /** The stream id to read after. */
  lastId: string;
}

function field(fields: readonly string[], name: string): string | undefined {
  const at = fields.indexOf(name);
  return at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('Reading the batch was aborted.', { cause: signal.reason });
}
