import type { RetryOptions } from '@rivulet/core';
import type { ResponseFormatV1, SamplingParamsV1, ToolChoiceV1, ToolDefinitionV1 } from '@rivulet/provider';
import type { Tool } from './tool.js';
import type { ModelCache } from '../cache/model-cache.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

/** Options of a {@link ChatModel}. */
export interface ChatModelOptions extends SamplingParamsV1 {
  /** The name events carry. Default `provider:model`. */
  readonly name?: string | undefined;
  /** Retries after a retryable failure before the first chunk. Default 2. */
  readonly maxRetries?: number | undefined;
  /** Backoff of those retries (delays, jitter, which errors). */
  readonly retry?: Omit<RetryOptions, 'maxAttempts'> | undefined;
  /**
   * Longest silence allowed while waiting for the reply or mid-stream, in ms;
   * then `TimeoutError` (kind `idle`). Default `DEFAULT_IDLE_TIMEOUT_MS`
   * (120 s); `0` or `Infinity` turns it off.
   */
  readonly idleTimeout?: number | undefined;
  /** Longest a whole run may take, in ms; then `TimeoutError`. */
  readonly timeout?: number | undefined;
  /** Tools the model may call (see `bindTools`): tools with zod schemas, or bare definitions. */
  readonly tools?: readonly (Tool | ToolDefinitionV1)[] | undefined;
  readonly toolChoice?: ToolChoiceV1 | undefined;
  readonly responseFormat?: ResponseFormatV1 | undefined;
  /** Provider-specific request fields, passed through. */
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
  /** Replies are replayed from this store when it holds them, and stored when it does not (see `withCache`). */
  readonly cache?: ModelCache | undefined;
  /** Requests wait for room in this budget (see `withRateLimit`); cache hits take nothing from it. */
  readonly rateLimiter?: RateLimiter | undefined;
}

/** The sampling parameters among the options. */
export function samplingParams(options: ChatModelOptions): SamplingParamsV1 {
  const { temperature, topP, maxTokens, stop, seed, presencePenalty, frequencyPenalty, n } = options;
  return Object.fromEntries(
    Object.entries({ temperature, topP, maxTokens, stop, seed, presencePenalty, frequencyPenalty, n }).filter(([, v]) => v !== undefined),
  ) as SamplingParamsV1;
}
