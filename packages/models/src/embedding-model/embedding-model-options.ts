import type { RetryOptions } from '@rivulet/core';

/** Options of an {@link EmbeddingModel}. */
export interface EmbeddingModelOptions {
  /** The name events carry. Default `provider:model`. */
  readonly name?: string | undefined;
  /** Retries of one provider call after a retryable failure (Retry-After is honoured). Default 2. */
  readonly maxRetries?: number | undefined;
  /** Backoff of those retries (delays, jitter, which errors). */
  readonly retry?: Omit<RetryOptions, 'maxAttempts'> | undefined;
  /** Longest a whole `embed`/`embedMany` call may take, in ms, retries included; then `TimeoutError` (kind `run`). */
  readonly timeout?: number | undefined;
  /**
   * Longest one provider call may go without an answer, in ms; then
   * `TimeoutError` (kind `idle`), which is retried. Default
   * `DEFAULT_IDLE_TIMEOUT_MS` (120 s); `0` or `Infinity` turns it off.
   */
  readonly idleTimeout?: number | undefined;
  /**
   * Most provider calls `embedMany` keeps in flight at once. Default
   * {@link DEFAULT_MAX_PARALLEL_CALLS}; always 1 when the provider says
   * `supportsParallelCalls: false`.
   */
  readonly maxParallelCalls?: number | undefined;
  /** Provider-specific request fields (dimensions, task type), passed through. */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Provider calls `embedMany` runs at once unless told: enough to hide latency
 * on large inputs, few enough not to trip a provider's rate limit at once.
 */
export const DEFAULT_MAX_PARALLEL_CALLS = 4;
