import type { BatchOptions } from '@rivulet/core';

/**
 * How many runs a chat model's `batch` and `batchAsCompleted` keep in flight
 * when `maxConcurrency` is not given. A plain runnable's batch runs every input
 * at once; for a model that is a burst of requests a provider's rate limit
 * answers with 429s. Eight hide most of the latency of a large batch and stay
 * well inside the lowest paid tiers of the big providers. Pass
 * `maxConcurrency` to change it (`Infinity` for no limit).
 */
export const DEFAULT_BATCH_CONCURRENCY = 8;

/** `options` with the model batch default filled in. */
export function withBatchDefaults<T extends BatchOptions>(options: T): T {
  return options.maxConcurrency === undefined ? { ...options, maxConcurrency: DEFAULT_BATCH_CONCURRENCY } : options;
}
