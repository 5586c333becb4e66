import { LRUCache } from 'lru-cache';
import { InputError } from '@rivulet/core';
import type { CachedResponse, ModelCache } from './model-cache.js';

/** Options of an {@link InMemoryCache}. */
export interface InMemoryCacheOptions {
  /** The most replies kept; past it, the least recently used one goes. Default {@link DEFAULT_MAX_CACHE_ENTRIES}. */
  readonly maxEntries?: number | undefined;
}

/** How many replies an {@link InMemoryCache} keeps unless told. */
export const DEFAULT_MAX_CACHE_ENTRIES = 1_000;

/**
 * A model cache in this process's memory, least recently used replies
 * evicted first (`lru-cache`). Replies are kept as JSON text, exactly as a
 * shared store would keep them: what a hit replays can never have been
 * changed by whoever read it before.
 *
 * @example
 * ```ts
 * const cached = model.withCache(new InMemoryCache({ maxEntries: 500 }));
 * await cached.invoke('Name a river'); // a request
 * await cached.invoke('Name a river'); // replayed, no request
 * ```
 */
export class InMemoryCache implements ModelCache {
  readonly #entries: LRUCache<string, string>;

  constructor(options: InMemoryCacheOptions = {}) {
    const max = options.maxEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
    if (!Number.isInteger(max) || max < 1) throw new InputError(`InMemoryCache: maxEntries must be a whole number of at least 1, got ${max}.`);
    this.#entries = new LRUCache({ max });
  }

  /** How many replies are stored. */
  get size(): number {
    return this.#entries.size;
  }

  get(key: string): Promise<CachedResponse | undefined> {
    const text = this.#entries.get(key);
    return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as CachedResponse));
  }

  set(key: string, value: CachedResponse): Promise<void> {
    this.#entries.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  /** Forgets every reply. */
  clear(): void {
    this.#entries.clear();
  }
}
