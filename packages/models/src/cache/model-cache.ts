import type { ChatStreamPartV1 } from '@rivulet/provider';

/**
 * A complete reply as a cache keeps it: the provider's stream parts, in the
 * order they came. Replayed through the model, they make the same chunks as
 * the first time. Plain JSON: a value read back after `JSON.stringify` and
 * `JSON.parse` is the same reply, so any store can keep it.
 */
export interface CachedResponse {
  readonly parts: readonly ChatStreamPartV1[];
}

/**
 * Where `model.withCache(store)` keeps replies: `InMemoryCache` in this
 * package, a shared store (Redis) for many processes. Keys are strings made of
 * the provider, the model and a hash of the whole request; values are
 * {@link CachedResponse}s, which round-trip through JSON. A store that fails
 * fails the run that asked it, so a store meant to be best-effort catches its
 * own errors (and answers `undefined` to `get`).
 *
 * @example
 * ```ts
 * const entries = new Map<string, string>();
 * const store: ModelCache = {
 *   get: async (key) => { const text = entries.get(key); return text === undefined ? undefined : JSON.parse(text); },
 *   set: async (key, value) => { entries.set(key, JSON.stringify(value)); },
 * };
 * ```
 */
export interface ModelCache {
  /** The reply stored under `key`, or `undefined`. */
  get(key: string): Promise<CachedResponse | undefined>;
  /** Stores a complete reply under `key`. */
  set(key: string, value: CachedResponse): Promise<void>;
}
